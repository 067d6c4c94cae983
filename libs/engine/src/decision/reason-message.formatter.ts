import type { RuleId } from '@chokepoint/contracts';

type Evidence = Record<string, unknown>;

function text(value: unknown, fallback = '?'): string {
  if (value === null || value === undefined) {
    return fallback;
  }
  if (Array.isArray(value)) {
    return value.map((v) => text(v)).join(', ');
  }
  if (typeof value === 'string') {
    return value;
  }
  if (typeof value === 'number' || typeof value === 'boolean') {
    return String(value);
  }
  return JSON.stringify(value) ?? fallback;
}

function records(value: unknown): Evidence[] {
  return Array.isArray(value) ? value.filter((v): v is Evidence => typeof v === 'object' && v !== null) : [];
}

function listedGoods(evidence: Evidence): string {
  const listed = records(evidence.listed)
    .map((entry) => `${text(entry.code)} (${text(entry.list)})`)
    .join(', ');
  return `goods item ${text(evidence.goodsItem)} HS ${text(evidence.hsCodes)} matches ${listed}`;
}

function licenceText(status: unknown): string {
  switch (status) {
    case 'MISSING':
      return 'no licence';
    case 'NO_REFERENCE':
      return 'a licence without reference';
    case 'EXPIRED':
      return 'an expired licence';
    case 'NOT_YET_VALID':
      return 'a licence not yet valid';
    default:
      return 'no valid licence';
  }
}

/** Human text for a reason, built from its evidence only, so the decision logic never handles prose. */
export function formatReasonMessage(ruleId: RuleId, evidence: Evidence): string {
  switch (ruleId) {
    case 'HS_MILITARY':
      return `military goods: ${listedGoods(evidence)} with ${licenceText(evidence.licenceStatus)}`;
    case 'HS_NUCLEAR':
      return `nuclear goods: ${listedGoods(evidence)} with ${licenceText(evidence.licenceStatus)}`;
    case 'HS_DUAL_USE':
      return `dual-use watch list: ${records(evidence.items).map(listedGoods).join('; ')}`;
    case 'LICENCE_MISSING':
      return `controlled goods (${listedGoods(evidence)}) with ${licenceText(evidence.licenceStatus)} at ${text(evidence.eventTime)} for ${text(evidence.stage)}`;
    case 'DESCRIPTION_KEYWORD':
      return `description names strategic items: ${records(evidence.matches)
        .map((m) => `item ${text(m.goodsItem)}: ${text(m.keywords)}`)
        .join('; ')}`;
    case 'VAGUE_DESCRIPTION':
      return `generic goods description: ${records(evidence.items)
        .map((i) => `item ${text(i.goodsItem)} "${text(i.description)}"`)
        .join('; ')}`;
    case 'PARTY_SANCTIONED':
      return `${text(evidence.role).toLowerCase()} "${text(evidence.partyName)}" matches ${text(evidence.listId)} entry ${text(evidence.entryReference)} "${text(evidence.entryName)}" (as "${text(evidence.matchedName)}", score ${text(evidence.score)})`;
    case 'VESSEL_SANCTIONED':
      return `vessel IMO ${text(evidence.imoNumber)} ${text(evidence.vesselName, '')} is listed on ${text(evidence.listId)} as ${text(evidence.entryReference)} "${text(evidence.entryName)}"`.replace(
        /\s+/g,
        ' ',
      );
    case 'FLAG_STATE_RISK':
      return `vessel ${text(evidence.vesselName ?? evidence.imoNumber ?? evidence.mmsi)} flies the flag of ${text(evidence.flagState)} (by ${text(evidence.matchedBy).toLowerCase().replace('_', ' ')})`;
    case 'EMBARGO_DESTINATION':
      return `${text(evidence.via).toLowerCase()} country ${text(evidence.country)} is under ${evidence.regime === 'ALL_CARGO' ? 'an all-cargo' : 'an arms'} embargo (${text(evidence.source)}, checked ${text(evidence.checked)})`;
    case 'DESTINATION_CHANGED': {
      const from = (evidence.from ?? {}) as Evidence;
      const to = (evidence.to ?? {}) as Evidence;
      return `destination changed from ${text(from.placeOfDelivery ?? from.country)} to ${text(to.placeOfDelivery ?? to.country)} after the first manifest${evidence.controlledGoods === true ? ' with controlled goods on board' : ''}`;
    }
    case 'CONSIGNEE_CHANGED':
      return `consignee changed from "${text(evidence.from)}" to "${text(evidence.to)}" after the first manifest`;
    case 'SEAL_MISMATCH':
      return `seal on ${text(evidence.equipmentReference)} changed from ${text(evidence.expected)} to ${text(evidence.observed)} at ${text(evidence.location)} without inspection`;
    case 'UNEXPECTED_STUFFING':
      return `container ${text(evidence.equipmentReference)} ${evidence.eventCode === 'STRP' ? 'stripped' : 'stuffed'} at ${text(evidence.location)} while in transshipment`;
    case 'TRANSIT_OVERDUE':
      return `transit entered at ${text(evidence.entryLocation)} on ${text(evidence.enteredAt)} has not left after ${text(evidence.elapsedHours)} h (limit ${text(evidence.limitHours)} h)`;
    case 'DWELL_EXCEEDED':
      return `${records(evidence.containers)
        .map((c) => `${text(c.equipmentReference)} at ${text(c.location)} for ${text(c.dwellHours)} h`)
        .join('; ')} (limit ${text(evidence.limitHours)} h)`;
    case 'ROUTE_ANOMALY':
      return `route anomaly: ${records(evidence.anomalies)
        .map((a) => `${text(a.kind).toLowerCase().replace(/_/g, ' ')} ${text(a.detail)}`)
        .join('; ')}`;
    case 'WEIGHT_DISCREPANCY':
      return `weight differs from manifest beyond ${text(evidence.tolerancePercent)}%: ${records(
        evidence.containers,
      )
        .map(
          (c) =>
            `${text(c.equipmentReference)} declared ${text(c.declaredKg)} kg, observed ${text(c.observedKg)} kg`,
        )
        .join('; ')}`;
    case 'INVALID_EQUIPMENT_ID':
      return `container number fails the ISO 6346 check digit: ${text(evidence.equipmentReferences)}`;
    case 'INVALID_VESSEL_ID':
      return `IMO number fails its check digit: ${records(evidence.vessels)
        .map((v) => text(v.imoNumber))
        .join(', ')}`;
    case 'FORWARDER_CONSIGNEE':
      return `consignee "${text(evidence.consignee)}" looks like an intermediary (${text(evidence.keywords)}) and no end user is named`;
    case 'FREE_ZONE_DESTINATION':
      return `delivery in free zone ${text(evidence.placeOfDelivery ?? evidence.name)}`;
  }
}
