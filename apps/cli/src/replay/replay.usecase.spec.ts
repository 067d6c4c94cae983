import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SanctionsScreener } from '@chokepoint/contracts';
import type { RulePack } from '@chokepoint/engine';
import { LINE_ERROR_CODES } from './kafka-record.parser';
import { loadReplayRulePack, loadReplaySanctions } from './replay-setup.loader';
import { replayInMemory } from './replay.usecase';

const fixture = join(__dirname, '../../../../test/fixtures/replay/readme-example.ndjson');
const lines = readFileSync(fixture, 'utf8').split('\n');

interface RecordLine {
  topic: string;
  key: string;
  headers: Record<string, string>;
  timestamp: string;
  value: Record<string, unknown>;
}

const records = lines.filter((line) => line.length > 0).map((line) => JSON.parse(line) as RecordLine);
const [exportManifest, , , , , transshipmentManifest, discharge] = records as [
  RecordLine,
  RecordLine,
  RecordLine,
  RecordLine,
  RecordLine,
  RecordLine,
  RecordLine,
];

/** The fixture's transshipment turned into a transit: Singapore to Hai Phong, trucked on to Nanning. */
function transitStory(reference: string, container: string): RecordLine[] {
  const value = structuredClone(transshipmentManifest.value) as {
    transportDocumentReference: string;
    documentParties: { consignee: { partyName: string; address: { countryCode: string } } };
    consignmentItems: {
      descriptionOfGoods: string[];
      HSCodes: string[];
      cargoItems: { equipmentReference: string }[];
    }[];
    utilizedTransportEquipments: { equipment: { equipmentReference: string } }[];
    transports: {
      portOfLoading: { UNLocationCode: string };
      placeOfDelivery: { UNLocationCode: string };
      onCarriageBy?: string;
    };
  };
  value.transportDocumentReference = reference;
  value.documentParties.consignee = {
    partyName: 'Guangxi Beibu Gulf Foods Co Ltd',
    address: { countryCode: 'CN' },
  };
  const item = value.consignmentItems[0];
  if (item) {
    item.descriptionOfGoods = ['Dried cashew kernels, vacuum packed'];
    item.HSCodes = ['080132'];
    item.cargoItems.forEach((cargo) => (cargo.equipmentReference = container));
  }
  value.utilizedTransportEquipments.forEach((u) => (u.equipment.equipmentReference = container));
  value.transports.portOfLoading = { UNLocationCode: 'SGSIN' };
  value.transports.placeOfDelivery = { UNLocationCode: 'CNNNG' };
  value.transports.onCarriageBy = 'TRUCK';
  const disc = structuredClone(discharge);
  const event = (disc.value.events as Record<string, unknown>[])[0] as {
    eventID: string;
    equipmentDetails: { equipmentReference: string; movementType: string };
    shipmentDetails: { documentReference: { reference: string } };
  };
  event.eventID = `DISC-${reference}`;
  event.equipmentDetails.equipmentReference = container;
  event.equipmentDetails.movementType = 'IMPORT';
  event.shipmentDetails.documentReference.reference = reference;
  return [
    { ...transshipmentManifest, key: reference, value },
    { ...disc, key: container },
  ];
}

describe('replayInMemory', () => {
  let rulePack: RulePack;
  let sanctions: SanctionsScreener;

  beforeAll(async () => {
    rulePack = loadReplayRulePack();
    sanctions = await loadReplaySanctions();
  });

  it('decides the README story: clean export released, rifles without licence held, DPRK-bound held', () => {
    const { decisions, tally, run } = replayInMemory(lines, { jurisdiction: 'VN', rulePack, sanctions });

    expect(
      decisions.map((d) => [d.consignmentId, d.decision, d.stage, d.reasons.map((r) => r.ruleId)]),
    ).toEqual([
      ['MAEU261000101', 'RELEASE', 'EXPORT', []],
      ['ONEY261000202', 'HOLD', 'EXPORT', ['HS_MILITARY', 'LICENCE_MISSING', 'DESCRIPTION_KEYWORD']],
      ['COSU261000303', 'HOLD', 'TRANSSHIPMENT', ['HS_DUAL_USE', 'EMBARGO_DESTINATION', 'ROUTE_ANOMALY']],
    ]);
    expect(tally).toMatchObject({ records: 7, rejected: 0, events: { manifests: 3, movements: 4 } });
    expect(run.world).toMatchObject({ inScope: 3, outOfScope: 0, pendingMovements: 0, armedTimers: 1 });
  });

  it('gives the same decisions, ids included, on every replay', () => {
    const first = replayInMemory(lines, { jurisdiction: 'VN', rulePack, sanctions }).decisions;
    const second = replayInMemory(lines, { jurisdiction: 'VN', rulePack, sanctions }).decisions;

    expect(second).toEqual(first);
    expect(new Set(first.map((d) => d.decisionId)).size).toBe(3);
  });

  it('fires a transit timer only when --until moves event time past the limit', () => {
    const story = transitStory('HLCU261000404', 'TCLU5543210');

    const stopped = replayInMemory(story, { jurisdiction: 'VN', rulePack, sanctions });
    const moved = replayInMemory(
      story,
      { jurisdiction: 'VN', rulePack, sanctions },
      { until: '2026-03-08T00:00:00Z' },
    );

    expect(stopped.decisions.map((d) => [d.decision, d.stage])).toEqual([['RELEASE', 'TRANSIT']]);
    expect(stopped.run.world.armedTimers).toBe(1);
    expect(moved.decisions.map((d) => [d.sequence, d.decision, d.triggeredBy.type])).toEqual([
      [1, 'RELEASE', 'MANIFEST'],
      [2, 'HOLD', 'TIMER'],
    ]);
    expect(moved.decisions[1]?.reasons.map((r) => r.ruleId)).toEqual(['TRANSIT_OVERDUE']);
  });

  it('reports rejected lines and push-body events by line number, and screens the rest', () => {
    const pushBody = structuredClone(discharge);
    (pushBody.value.events as unknown[]).push({ eventID: 'broken', eventClassification: 'not an object' });
    const input = [
      JSON.stringify(exportManifest),
      '{"topic": "port.manifests.v1", "timestamp": ',
      '',
      JSON.stringify({ ...exportManifest, value: '{"transportDocumentReference": ' }),
      JSON.stringify({ ...exportManifest, topic: 'port.unknown.v1' }),
      JSON.stringify(pushBody),
    ];

    const { decisions, tally } = replayInMemory(input, { jurisdiction: 'VN', rulePack, sanctions });

    expect(decisions.map((d) => d.consignmentId)).toEqual(['MAEU261000101']);
    expect(tally.records).toBe(5);
    expect(tally.rejections.map((r) => [r.line, r.eventIndex, r.errors[0]?.code])).toEqual([
      [2, undefined, LINE_ERROR_CODES.notJson],
      [4, undefined, 'record.not_json'],
      [5, undefined, 'topic.unknown'],
      [6, 1, expect.any(String)],
    ]);
    expect(tally.events).toEqual({ manifests: 1, movements: 1 });
  });
});
