import type { PlannedParty } from './consignment-plan';
import {
  FOREIGN_NAMING,
  SECTOR_WORDS,
  VIETNAMESE_LEGAL_FORMS,
  VIETNAMESE_NAME_STEMS,
  VIETNAMESE_STREETS,
} from './reference/party-names';
import type { SimulationCatalogue } from './simulation-catalogue';
import type { SimulationRandom } from './simulation-random';

const MAX_ATTEMPTS = 12;

function titleCase(text: string): string {
  return text
    .toLowerCase()
    .split(' ')
    .map((word) => (word.length > 0 ? word.charAt(0).toUpperCase() + word.slice(1) : word))
    .join(' ');
}

/**
 * Shipper, consignee and notify names the way manifests spell them. Clean names are checked against the
 * loaded sanctions list and the pack's forwarder keywords and drawn again when either would catch them.
 */
export class PartyNameGenerator {
  constructor(
    private readonly catalogue: SimulationCatalogue,
    private readonly random: SimulationRandom,
  ) {}

  /** A manufacturer or end buyer in the given country, in the goods' sector. */
  company(countryCode: string, sector: string, city?: string): PlannedParty {
    return this.clean(() => this.draft(countryCode, sector, city));
  }

  /** A forwarder, trading house or other intermediary named with one of the pack's keywords. */
  intermediary(countryCode: string, city?: string): PlannedParty {
    return this.clean(() => this.draftIntermediary(countryCode, city), { intermediary: true });
  }

  private draftIntermediary(countryCode: string, city?: string): PlannedParty {
    const term = this.random.pick(this.catalogue.risk.intermediaryTerms);
    const base = this.draft(countryCode, 'TRADE', city);
    if (countryCode === 'VN') {
      const stem = this.random.pick(VIETNAMESE_NAME_STEMS);
      const name = /^(xnk|xuat nhap khau)$/i.test(term)
        ? `CONG TY TNHH ${term.toUpperCase()} ${stem}`
        : `${stem} ${term.toUpperCase()} ${this.random.pick(VIETNAMESE_LEGAL_FORMS)}`;
      return { ...base, name };
    }
    const style = FOREIGN_NAMING[countryCode];
    const stem = style ? this.random.pick(style.stems) : 'Meridian';
    const form = style ? this.random.pick(style.legalForms) : 'Co., Ltd.';
    return { ...base, name: `${stem} ${titleCase(term)} ${form}` };
  }

  /**
   * True when a clean party would be caught: a sanctions hit at the pack's score, or (unless it is
   * meant to be an intermediary) a forwarder word.
   */
  isCaught(name: string, options: { intermediary?: boolean } = {}): boolean {
    const pack = this.catalogue.pack;
    return (
      (!options.intermediary && pack.consigneeIntermediaryKeywords.match(name).length > 0) ||
      this.catalogue.sanctions.screenName(name).some((hit) => hit.score >= pack.sanctionsMinScore)
    );
  }

  private clean(make: () => PlannedParty, options: { intermediary?: boolean } = {}): PlannedParty {
    let party = make();
    for (let attempt = 1; attempt < MAX_ATTEMPTS && this.isCaught(party.name, options); attempt++) {
      party = make();
    }
    return party;
  }

  private draft(countryCode: string, sector: string, city?: string): PlannedParty {
    const words = SECTOR_WORDS[sector] ?? ['INDUSTRIAL'];
    if (countryCode === 'VN') {
      const stem = this.random.pick(VIETNAMESE_NAME_STEMS);
      const form = this.random.pick(VIETNAMESE_LEGAL_FORMS);
      const name = this.random.chance(0.3)
        ? `CONG TY TNHH ${stem} ${this.random.pick(words)}`
        : `${stem} ${this.random.pick(words)} ${form}`;
      return {
        name,
        street: this.random.pick(VIETNAMESE_STREETS),
        city: city ?? this.random.pick(['Hai Phong', 'Ha Noi', 'Ho Chi Minh City', 'Binh Duong', 'Bac Ninh']),
        countryCode,
      };
    }
    const style = FOREIGN_NAMING[countryCode];
    if (!style) {
      return {
        name: `${this.random.pick(['Meridian', 'Harbour Star', 'Crescent'])} ${titleCase(this.random.pick(words))} Co., Ltd.`,
        city: city ?? countryCode,
        countryCode,
      };
    }
    const town = city ?? this.random.pick(style.cities);
    const stem = this.random.pick(style.stems);
    const form = this.random.pick(style.legalForms);
    const trade = titleCase(this.random.pick(words));
    const name = form === 'PT' ? `PT ${stem} ${trade}` : `${stem} ${trade} ${form}`;
    return { name, street: this.random.pick(style.streets), city: town, countryCode };
  }
}
