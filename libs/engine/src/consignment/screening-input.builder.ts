import type {
  ConsignmentManifest,
  GoodsItem,
  Licence,
  SanctionsHit,
  SanctionsScreener,
  Stage,
  Vessel,
} from '@chokepoint/contracts';
import { normaliseText } from '../rule-pack/keyword-matcher';
import type { RulePack } from '../rule-pack/rule-pack.types';
import { meaningfulRemainder } from '../rules/vague-description.rule';
import type {
  GoodsFacts,
  LicenceCheck,
  LicenceStatus,
  ScreeningInput,
  VesselSighting,
} from '../rules/rule.types';
import type { ConsignmentState, ManifestTerms, SanctionsMemo } from './consignment-state.types';
import type { JourneyFacts } from './journey-facts';
import { countryOf, describeLocation, parseEventTime } from './location';

// Goods lookups depend only on the manifest object and the pack: memoise per pair, no copying.
const goodsCache = new WeakMap<RulePack, WeakMap<ConsignmentManifest, GoodsFacts[]>>();

export function goodsFactsOf(manifest: ConsignmentManifest, pack: RulePack): GoodsFacts[] {
  let byManifest = goodsCache.get(pack);
  if (!byManifest) {
    byManifest = new WeakMap();
    goodsCache.set(pack, byManifest);
  }
  const cached = byManifest.get(manifest);
  if (cached) {
    return cached;
  }
  const facts = manifest.goodsItems.map((item): GoodsFacts => {
    const normalisedDescription = normaliseText(item.description);
    return {
      item,
      hsHits: item.hsCodes.flatMap((code) => pack.hsIndex.lookup(code)),
      keywordHits: pack.strategicKeywords.matchNormalised(normalisedDescription),
      normalisedDescription,
      meaningfulText: meaningfulRemainder(normalisedDescription, pack),
    };
  });
  byManifest.set(manifest, facts);
  return facts;
}

export function termsOf(manifest: ConsignmentManifest): ManifestTerms {
  const route = manifest.route;
  const destination = route.placeOfDelivery ?? route.portOfDischarge;
  const consignee = manifest.parties.find((party) => party.role === 'CONSIGNEE');
  return {
    placeOfDelivery: describeLocation(destination),
    destinationCountry: countryOf(destination),
    consigneeName: consignee?.name ?? null,
    consigneeCountry: consignee?.countryCode ?? null,
  };
}

const LICENCE_PREFERENCE: readonly LicenceStatus[] = [
  'VALID',
  'NOT_YET_VALID',
  'EXPIRED',
  'NO_REFERENCE',
  'MISSING',
];

function licenceStatus(licence: Licence, nowMs: number): LicenceStatus {
  if (!licence.reference || licence.reference.trim().length === 0) {
    return 'NO_REFERENCE';
  }
  if (licence.issueDate && nowMs < parseEventTime(licence.issueDate)) {
    return 'NOT_YET_VALID';
  }
  if (licence.expiryDate && nowMs > parseEventTime(licence.expiryDate, true)) {
    return 'EXPIRED';
  }
  return 'VALID';
}

/** Best licence covering an item for the stage: export licence on export, import on import, any otherwise. */
export function checkLicence(
  manifest: ConsignmentManifest,
  item: GoodsItem,
  stage: Stage,
  nowMs: number,
): LicenceCheck {
  const wanted = stage === 'EXPORT' ? 'EXPORT' : stage === 'IMPORT' ? 'IMPORT' : null;
  let best: LicenceCheck = { status: 'MISSING', licence: null };
  for (const licence of [...manifest.licences, ...item.licences]) {
    if (wanted !== null && licence.kind !== wanted) {
      continue;
    }
    const status = licenceStatus(licence, nowMs);
    if (LICENCE_PREFERENCE.indexOf(status) < LICENCE_PREFERENCE.indexOf(best.status)) {
      best = { status, licence };
    }
  }
  return best;
}

function listKeyOf(screener: SanctionsScreener): string {
  return Object.entries(screener.listVersions)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([id, version]) => `${id}=${version}`)
    .join(';');
}

/**
 * Sanctions answers for the names and IMO numbers in play, reusing the state's memo when the list
 * versions are unchanged. Returns the memo to store (the same object when nothing was new).
 */
export function screenSanctions(
  memo: SanctionsMemo | undefined,
  names: readonly string[],
  imos: readonly string[],
  screener: SanctionsScreener,
): SanctionsMemo {
  const listKey = listKeyOf(screener);
  const current = memo && memo.listKey === listKey ? memo : { listKey, names: {}, imos: {} };
  const missingNames = names.filter((name) => !(name in current.names));
  const missingImos = imos.filter((imo) => !(imo in current.imos));
  if (missingNames.length === 0 && missingImos.length === 0) {
    return current;
  }
  const next: SanctionsMemo = { listKey, names: { ...current.names }, imos: { ...current.imos } };
  for (const name of missingNames) {
    next.names[name] = screener.screenName(name);
  }
  for (const imo of missingImos) {
    next.imos[imo] = screener.screenImo(imo);
  }
  return next;
}

export function vesselsOf(state: Pick<ConsignmentState, 'manifest' | 'movements'>): VesselSighting[] {
  const sightings: VesselSighting[] = state.manifest.route.vesselVoyages.map((vessel: Vessel) => ({
    vessel,
    seenIn: 'MANIFEST',
  }));
  for (const movement of state.movements) {
    if (movement.vessel && movement.classifier === 'ACT') {
      sightings.push({ vessel: movement.vessel, seenIn: movement.eventId });
    }
  }
  return sightings;
}

export function buildScreeningInput(
  state: ConsignmentState,
  stage: Stage,
  journey: JourneyFacts,
  vessels: VesselSighting[],
  pack: RulePack,
  now: string,
  jurisdiction: string,
): ScreeningInput {
  const nowMs = parseEventTime(now);
  const manifest = state.manifest;
  const memo = state.sanctions;
  const none: SanctionsHit[] = [];
  const imos = [
    ...new Set(vessels.map((v) => v.vessel.imoNumber).filter((imo): imo is string => imo !== undefined)),
  ];
  return {
    consignmentId: state.consignmentId,
    stage,
    now,
    nowMs,
    jurisdiction,
    pack,
    manifest,
    goods: goodsFactsOf(manifest, pack),
    movements: state.movements,
    journey,
    firstTerms: state.firstTerms,
    currentTerms: termsOf(manifest),
    amendments: state.amendments,
    parties: manifest.parties.map((party) => ({ party, hits: memo.names[party.name] ?? none })),
    vessels,
    vesselHits: imos.map((imoNumber) => ({ imoNumber, hits: memo.imos[imoNumber] ?? none })),
    licenceFor: (item) => checkLicence(manifest, item, stage, nowMs),
  };
}
