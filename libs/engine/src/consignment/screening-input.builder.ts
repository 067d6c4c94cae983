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
import { isVagueDescription } from '../rules/vague-description.rule';
import type {
  GoodsFacts,
  LicenceCheck,
  LicenceStatus,
  ScreeningInput,
  VesselSighting,
} from '../rules/rule.types';
import type { ConsignmentState, ManifestTerms, SanctionsMemo } from './consignment-state.types';
import type { GoodsFactsCache } from './goods-facts.cache';
import type { JourneyFacts } from './journey-facts';
import { countryOf, describeLocation, parseEventTime } from './location';

/** Goods lookups depend only on the manifest version and the pack: done once per pair with a cache. */
export function goodsFactsOf(
  manifest: ConsignmentManifest,
  pack: RulePack,
  cache?: GoodsFactsCache,
): GoodsFacts[] {
  const cached = cache?.get(manifest, pack);
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
      vague: isVagueDescription(normalisedDescription, pack),
    };
  });
  cache?.set(manifest, pack, facts);
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

// The key is asked for on every screening; a screener's listVersions object is fixed for its lifetime.
const listKeys = new WeakMap<object, string>();

function listKeyOf(screener: SanctionsScreener): string {
  const versions = screener.listVersions;
  let key = listKeys.get(versions);
  if (key === undefined) {
    key = Object.entries(versions)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([id, version]) => `${id}=${version}`)
      .join(';');
    listKeys.set(versions, key);
  }
  return key;
}

// Stands for "nothing screened yet under these lists": read, never stored or written to.
const EMPTY_MEMO: SanctionsMemo = Object.freeze({
  listKey: '',
  names: Object.freeze({}),
  imos: Object.freeze({}),
});

/**
 * Sanctions answers for the names and IMO numbers in play, reusing the state's memo when the list
 * versions are unchanged. Returns the memo to store (the same object when nothing was new). A name
 * given twice (consignee and notify party are often the same) is screened once.
 */
export function screenSanctions(
  memo: SanctionsMemo | undefined,
  names: readonly string[],
  imos: readonly string[],
  screener: SanctionsScreener,
): SanctionsMemo {
  const listKey = listKeyOf(screener);
  const current = memo && memo.listKey === listKey ? memo : EMPTY_MEMO;
  let next: SanctionsMemo | undefined;
  for (const name of names) {
    if (!Object.hasOwn(current.names, name) && !(next && Object.hasOwn(next.names, name))) {
      next ??= { listKey, names: dictionaryOf(current.names), imos: dictionaryOf(current.imos) };
      next.names[name] = screener.screenName(name);
    }
  }
  for (const imo of imos) {
    if (!Object.hasOwn(current.imos, imo) && !(next && Object.hasOwn(next.imos, imo))) {
      next ??= { listKey, names: dictionaryOf(current.names), imos: dictionaryOf(current.imos) };
      next.imos[imo] = screener.screenImo(imo);
    }
  }
  return next ?? (current === EMPTY_MEMO ? { listKey, names: {}, imos: {} } : current);
}

/**
 * A copy keyed by names without a prototype: any party name is a plain key (even "constructor"), and
 * V8 keeps it a dictionary instead of making a hidden class per set of names seen.
 */
function dictionaryOf(source: Record<string, SanctionsHit[]>): Record<string, SanctionsHit[]> {
  const copy = Object.create(null) as Record<string, SanctionsHit[]>;
  for (const key of Object.keys(source)) {
    copy[key] = source[key] as SanctionsHit[];
  }
  return copy;
}

function hitsOf(memo: Record<string, SanctionsHit[]>, key: string): SanctionsHit[] {
  return Object.hasOwn(memo, key) ? (memo[key] as SanctionsHit[]) : NO_HITS;
}

const NO_HITS: SanctionsHit[] = [];

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
  goodsFactsCache?: GoodsFactsCache,
): ScreeningInput {
  const nowMs = parseEventTime(now);
  const manifest = state.manifest;
  const memo = state.sanctions;
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
    goods: goodsFactsOf(manifest, pack, goodsFactsCache),
    movements: state.movements,
    journey,
    firstTerms: state.firstTerms,
    currentTerms: termsOf(manifest),
    amendments: state.amendments,
    parties: manifest.parties.map((party) => ({ party, hits: hitsOf(memo.names, party.name) })),
    vessels,
    vesselHits: imos.map((imoNumber) => ({ imoNumber, hits: hitsOf(memo.imos, imoNumber) })),
    licenceFor: (item) => checkLicence(manifest, item, stage, nowMs),
  };
}
