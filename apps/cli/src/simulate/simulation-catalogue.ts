import type { SanctionsScreener } from '@chokepoint/contracts';
import {
  HS_LIST_NAMES,
  normaliseText,
  type HsListName,
  type HsListRule,
  type RulePack,
} from '@chokepoint/engine';
import type { SanctionsList } from '@chokepoint/sanctions';
import { parse as parseYaml } from 'yaml';
import { CARRIERS, type CarrierProfile } from './reference/carriers';
import { GOODS_MIX, type GoodsProfile } from './reference/goods-mix';
import {
  JURISDICTION_PORTS,
  PARTNER_PORTS,
  type JurisdictionPort,
  type NamedPlace,
  type PartnerPort,
} from './reference/port-profiles';
import { SimulationError, SIMULATION_ERROR_CODES } from './simulation.exception';

export interface CatalogueVessel {
  imoNumber: string;
  name: string;
  carrierScac: string;
}

export interface ControlledGoods {
  hsCode: string;
  description: string;
  list: HsListName;
  rule: HsListRule;
}

export interface SanctionedParty {
  reference: string;
  name: string;
}

export interface SanctionedVessel {
  imoNumber: string;
  name: string;
  ownerReference: string;
  ownerName: string;
}

/** What the rule pack says is risky, in a form the planter can draw from. */
export interface RiskCatalogue {
  controlledGoods: Readonly<Record<HsListName, readonly ControlledGoods[]>>;
  /** Lists whose goods LICENCE_MISSING counts as controlled. */
  licenceLists: readonly HsListName[];
  strategicTerms: readonly string[];
  vagueTerms: readonly string[];
  fillerWords: readonly string[];
  intermediaryTerms: readonly string[];
  allCargoEmbargoes: readonly string[];
  armsEmbargoes: readonly string[];
  highRiskHubs: readonly string[];
  freeZones: readonly NamedPlace[];
  freeZoneNameTerms: readonly string[];
  riskyFlagStates: readonly string[];
  borderCrossings: readonly string[];
  sanctionedParties: readonly SanctionedParty[];
  sanctionedVessels: readonly SanctionedVessel[];
}

/** Everything the generator draws on; built once at the edge, read only afterwards. */
export interface SimulationCatalogue {
  jurisdiction: string;
  ports: readonly JurisdictionPort[];
  partnerPorts: readonly PartnerPort[];
  vessels: readonly CatalogueVessel[];
  carriers: readonly CarrierProfile[];
  /** Goods that no list, keyword or vague term of the pack touches. */
  cleanGoods: readonly GoodsProfile[];
  pack: RulePack;
  risk: RiskCatalogue;
  sanctions: SanctionsScreener;
  /** UN/LOCODE names from the reference data, for places the curated tables do not name. */
  placeName: (code: string) => string | undefined;
}

export interface CatalogueSources {
  jurisdiction: string;
  pack: RulePack;
  /** The pack's YAML text: lists the loaded pack keeps only as indexes (HS entries, keyword terms). */
  packYaml: string;
  /** HS 2022 nomenclature rows (hscode, description). */
  hsNomenclature: ReadonlyArray<{ hscode: string; description: string }>;
  sanctionsList: SanctionsList;
  sanctions: SanctionsScreener;
  /** `imoNumber,vesselName,operator` rows of the shipped MARAD extract. */
  vessels: ReadonlyArray<{ imoNumber: string; vesselName: string; operator: string }>;
  placeName: (code: string) => string | undefined;
}

type Node = Record<string, unknown>;

const asNode = (value: unknown): Node =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Node) : {};
const asArray = (value: unknown): unknown[] => (Array.isArray(value) ? (value as unknown[]) : []);
const asText = (value: unknown): string | undefined =>
  typeof value === 'string' || typeof value === 'number' ? String(value) : undefined;
const texts = (value: unknown): string[] =>
  asArray(value).flatMap((item) => {
    const text = asText(item) ?? asText(asNode(item).term) ?? asText(asNode(item).code);
    return text === undefined ? [] : [text];
  });

/** `8456-8466` → 8456, 8457, …, 8466 (same width), as the pack loader expands it. */
function expandRange(range: string): string[] {
  const [from, to] = range.split('-').map((part) => part.trim());
  if (!from || !to || from.length !== to.length || !/^\d+$/.test(from) || !/^\d+$/.test(to)) {
    return [];
  }
  const codes: string[] = [];
  for (let n = Number(from); n <= Number(to); n++) {
    codes.push(String(n).padStart(from.length, '0'));
  }
  return codes;
}

/** HS6 subheadings under each list entry whose only list rule is the entry's rule. */
function controlledGoodsOf(
  packYaml: Node,
  pack: RulePack,
  hsNomenclature: CatalogueSources['hsNomenclature'],
): Record<HsListName, ControlledGoods[]> {
  const subheadings = hsNomenclature.filter((row) => /^\d{6}$/.test(row.hscode));
  const lists = asNode(packYaml.hsLists);
  const result = Object.fromEntries(HS_LIST_NAMES.map((name) => [name, [] as ControlledGoods[]])) as Record<
    HsListName,
    ControlledGoods[]
  >;
  for (const listName of HS_LIST_NAMES) {
    const list = asNode(lists[listName]);
    const seen = new Set<string>();
    for (const raw of asArray(list.entries)) {
      const entry = asNode(raw);
      const code = asText(entry.code);
      const prefixes = code !== undefined ? [code] : expandRange(asText(entry.range) ?? '');
      for (const prefix of prefixes) {
        for (const row of subheadings) {
          if (!row.hscode.startsWith(prefix) || seen.has(row.hscode)) {
            continue;
          }
          const hits = pack.hsIndex.lookup(row.hscode);
          const rules = new Set(hits.map((hit) => hit.rule));
          const first = hits.find((hit) => hit.list === listName);
          if (!first || rules.size !== 1) {
            continue;
          }
          seen.add(row.hscode);
          result[listName].push({
            hsCode: row.hscode,
            description: row.description.toUpperCase(),
            list: listName,
            rule: first.rule,
          });
        }
      }
    }
  }
  return result;
}

/** Parties a proliferation network would ship through: DPRK and Iran entities that trade. */
function sanctionedPartiesOf(list: SanctionsList): SanctionedParty[] {
  const tradeWords =
    /\b(COMPANY|CO|CORPORATION|CORP|TRADING|SHIPPING|INDUSTR\w*|GROUP|LTD|LIMITED|ELECTRONICS|ENTERPRISE|TECHNOLOGY|TECHNIQUE|JV)\b/;
  return list.entries
    .filter((entry) => entry.kind === 'ENTITY' && /^(KP|IR)e\./.test(entry.reference))
    .map((entry) => ({ reference: entry.reference, name: entry.name.replace(/\s+/g, ' ').trim() }))
    .filter((entry) => tradeWords.test(entry.name.toUpperCase()));
}

/** The list gives owners' IMO numbers in comments; the ship's name is made from the owner's. */
function sanctionedVesselsOf(list: SanctionsList): SanctionedVessel[] {
  const filler = /\b(SHIPPING|COMPANY|CO|LTD|LIMITED|MANAGEMENT|CORPORATION|CORP|THE)\b|\(.*?\)|[.,]/g;
  return list.entries.flatMap((entry) =>
    entry.imoNumbers.map((imoNumber, index) => {
      const stem = entry.name.toUpperCase().replace(filler, ' ').replace(/\s+/g, ' ').trim();
      return {
        imoNumber,
        name: `${stem.split(' ').slice(0, 2).join(' ')} ${index + 1}`,
        ownerReference: entry.reference,
        ownerName: entry.name,
      };
    }),
  );
}

function isCleanGoods(goods: GoodsProfile, pack: RulePack): boolean {
  const normalised = normaliseText(goods.description);
  return (
    pack.hsIndex.lookup(goods.hsCode).length === 0 &&
    pack.strategicKeywords.matchNormalised(normalised).length === 0 &&
    meaningfulLength(normalised, pack) >= pack.vagueMinMeaningfulLength
  );
}

/** Same measure as VAGUE_DESCRIPTION: what is left without generic terms, filler words and numbers. */
export function meaningfulLength(normalised: string, pack: RulePack): number {
  return pack.vagueTerms
    .strip(normalised)
    .split(' ')
    .filter((word) => word.length > 1 && !/^\d+[a-z]*$/.test(word) && !pack.vagueFillerWords.has(word))
    .join(' ').length;
}

export function buildSimulationCatalogue(sources: CatalogueSources): SimulationCatalogue {
  const { pack, jurisdiction } = sources;
  const ports = JURISDICTION_PORTS[jurisdiction];
  if (!ports) {
    throw new SimulationError(
      SIMULATION_ERROR_CODES.unsupportedJurisdiction,
      `no port profiles for jurisdiction ${jurisdiction} (available: ${Object.keys(JURISDICTION_PORTS).join(', ')})`,
    );
  }
  const yamlRoot = asNode(parseYaml(sources.packYaml));
  const embargoes = [...pack.embargoes.values()];
  const excluded = new Set<string>([
    ...pack.highRiskHubs,
    ...pack.freeZones,
    ...embargoes.map((e) => e.country),
  ]);
  const partnerPorts = PARTNER_PORTS.filter(
    (port) =>
      !excluded.has(port.code) &&
      !excluded.has(port.code.slice(0, 2)) &&
      !port.code.startsWith(jurisdiction) &&
      pack.freeZoneNameKeywords.match(port.name).length === 0,
  );
  const vessels = sources.vessels.flatMap((row) => {
    const carrier = CARRIERS.find((c) => c.operators.includes(row.operator));
    return carrier ? [{ imoNumber: row.imoNumber, name: row.vesselName, carrierScac: carrier.scac }] : [];
  });
  const carriers = CARRIERS.filter((carrier) => vessels.some((v) => v.carrierScac === carrier.scac));
  if (vessels.length === 0 || partnerPorts.length === 0) {
    throw new SimulationError(
      SIMULATION_ERROR_CODES.catalogueEmpty,
      'the simulator needs vessels and partner ports outside every list of the rule pack',
    );
  }
  const licenceSettings = pack.rules.get('LICENCE_MISSING')?.params.lists;
  const freeZonesYaml = asNode(yamlRoot.freeZones);
  const vague = asNode(yamlRoot.vagueDescriptions);
  return {
    jurisdiction,
    ports,
    partnerPorts,
    vessels,
    carriers,
    cleanGoods: GOODS_MIX.filter((goods) => isCleanGoods(goods, pack)),
    pack,
    sanctions: sources.sanctions,
    placeName: sources.placeName,
    risk: {
      controlledGoods: controlledGoodsOf(yamlRoot, pack, sources.hsNomenclature),
      licenceLists: Array.isArray(licenceSettings)
        ? HS_LIST_NAMES.filter((name) => licenceSettings.includes(name))
        : [...HS_LIST_NAMES],
      strategicTerms: texts(yamlRoot.strategicKeywords),
      vagueTerms: texts(vague.terms),
      fillerWords: texts(vague.fillerWords),
      intermediaryTerms: texts(yamlRoot.intermediaryKeywords),
      allCargoEmbargoes: embargoes.filter((e) => e.regime === 'ALL_CARGO').map((e) => e.country),
      armsEmbargoes: embargoes.filter((e) => e.regime === 'ARMS').map((e) => e.country),
      highRiskHubs: [...pack.highRiskHubs],
      freeZones: asArray(freeZonesYaml.unLocodes).flatMap((raw) => {
        const code = asText(asNode(raw).code);
        return code === undefined ? [] : [{ code, name: asText(asNode(raw).note) ?? code }];
      }),
      freeZoneNameTerms: texts(freeZonesYaml.nameKeywords),
      riskyFlagStates: [...pack.riskyFlagStates.keys()],
      borderCrossings: [...pack.borderCrossings],
      sanctionedParties: sanctionedPartiesOf(sources.sanctionsList),
      sanctionedVessels: sanctionedVesselsOf(sources.sanctionsList),
    },
  };
}
