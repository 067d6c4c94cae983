import type { CanonicalEvent, DecisionEvent } from '@chokepoint/contracts';
import { ScreeningWorld, type ConsignmentState, type TimerSpec, type WorldContext } from '@chokepoint/engine';
import { InMemorySanctionsScreener } from '../../../../libs/engine/src/testing/in-memory-sanctions.screener';
import { manifest } from '../../../../libs/engine/src/testing/manifest.factory';
import { movement } from '../../../../libs/engine/src/testing/movement.factory';
import { defaultRulePack } from '../../../../libs/engine/src/testing/test-context';
import { generateCanonicalStream } from '../testing/canonical-stream.generator';
import {
  ConsignmentWorkspace,
  type ParkedMovement,
  type WorkspaceLink,
  type WorkspaceSeed,
} from './consignment-workspace';
import { loadPlanFor, type LoadPlan } from './load-plan';

/**
 * The durable world in memory, answering the same queries the SQL repositories answer (links by
 * booking, open links by container, parked movements by key) and storing only JSON, as PostgreSQL does.
 */
class TableStore {
  readonly consignments = new Map<string, string>();
  readonly links: (WorkspaceLink & { closed: boolean })[] = [];
  readonly pending = new Map<string, { entry: ParkedMovement; seq: number }>();
  readonly timers = new Map<string, TimerSpec>();
  private seq = 0;

  load(plan: LoadPlan): WorkspaceSeed {
    const links = this.links.filter(
      (link) =>
        (link.kind === 'BKG' && plan.bookingReferences.includes(link.reference)) ||
        (link.kind === 'EQ' && plan.equipmentReferences.includes(link.reference) && !link.closed),
    );
    const ids = new Set([...plan.consignmentIds, ...links.map((link) => link.consignmentId)]);
    const consignments = [...ids].sort().flatMap((id) => {
      const json = this.consignments.get(id);
      return json === undefined ? [] : [JSON.parse(json) as ConsignmentState];
    });
    const pending = [...this.pending.values()]
      .filter(
        ({ entry }) =>
          plan.movementKeys.includes(entry.movementKey) ||
          entry.keys.some((key) => plan.pendingKeys.includes(key)),
      )
      .sort((a, b) => a.seq - b.seq)
      .map(({ entry }) => JSON.parse(JSON.stringify(entry)) as ParkedMovement);
    return { consignments, links, pending };
  }

  apply(events: readonly CanonicalEvent[], context: WorldContext): DecisionEvent[] {
    const workspace = new ConsignmentWorkspace(context, this.load(loadPlanFor(events)));
    for (const event of events) {
      if (event.kind === 'MANIFEST') {
        workspace.applyManifest(event);
      } else {
        workspace.applyMovement(event);
      }
    }
    const changes = workspace.changes();
    for (const { state } of changes.consignments) {
      this.consignments.set(state.consignmentId, JSON.stringify(state));
      this.links
        .filter((link) => link.consignmentId === state.consignmentId)
        .forEach((link) => (link.closed = state.closed));
    }
    for (const link of changes.links) {
      const known = this.links.some(
        (l) =>
          l.kind === link.kind && l.reference === link.reference && l.consignmentId === link.consignmentId,
      );
      if (!known) {
        const closed = JSON.parse(this.consignments.get(link.consignmentId) ?? '{}') as { closed?: boolean };
        this.links.push({ ...link, closed: closed.closed === true });
      }
    }
    changes.unparked.forEach((key) => this.pending.delete(key));
    changes.parked.forEach((entry) => this.pending.set(entry.movementKey, { entry, seq: (this.seq += 1) }));
    changes.timersCancelled.forEach((id) => this.timers.delete(id));
    changes.timersSet.forEach((timer) => this.timers.set(timer.timerId, timer));
    return JSON.parse(JSON.stringify(changes.decisions)) as DecisionEvent[];
  }
}

function worldDecisions(
  events: readonly CanonicalEvent[],
  context: WorldContext,
): ScreeningWorld & { out: DecisionEvent[] } {
  const world = new ScreeningWorld(context) as ScreeningWorld & { out: DecisionEvent[] };
  world.out = [];
  for (const event of events) {
    const output = event.kind === 'MANIFEST' ? world.applyManifest(event) : world.applyMovement(event);
    world.out.push(...(JSON.parse(JSON.stringify(output.decisions)) as DecisionEvent[]));
  }
  return world;
}

function inChunks<T>(items: readonly T[], sizes: readonly number[]): T[][] {
  const chunks: T[][] = [];
  let start = 0;
  let turn = 0;
  while (start < items.length) {
    const size = sizes[turn % sizes.length] ?? 1;
    chunks.push(items.slice(start, start + size));
    start += size;
    turn += 1;
  }
  return chunks;
}

const context = (): WorldContext => ({
  jurisdiction: 'VN',
  rulePack: defaultRulePack(),
  sanctions: new InMemorySanctionsScreener([
    { entryReference: 'KPe.001', name: 'Korea Mining Development Trading Corporation' },
  ]),
});

const stream = generateCanonicalStream({
  runId: 'WS',
  consignments: 40,
  startAt: '2026-03-01T00:00:00.000Z',
});
const events = stream.map((item) => item.event);

describe('ConsignmentWorkspace against ScreeningWorld (the replay oracle)', () => {
  it.each([
    ['one event per transaction', [1]],
    ['chunks of 7', [7]],
    ['uneven chunks', [1, 13, 2, 50, 3]],
    ['the whole stream at once', [10_000]],
  ])('issues the same decisions and keeps the same state with %s', (_name, sizes) => {
    const world = worldDecisions(events, context());
    const store = new TableStore();
    const decisions = inChunks(events, sizes).flatMap((chunk) => store.apply(chunk, context()));

    expect(decisions).toEqual(world.out);
    const snapshot = world.snapshot();
    for (const state of snapshot.consignments) {
      expect(JSON.parse(store.consignments.get(state.consignmentId) ?? 'null')).toEqual(
        JSON.parse(JSON.stringify(state)),
      );
    }
    expect([...store.pending.keys()].sort()).toEqual(
      snapshot.pending.map((p) => `${p.movement.originatingParty}\u0000${p.movement.eventId}`).sort(),
    );
    expect([...store.timers.values()].sort((a, b) => a.timerId.localeCompare(b.timerId))).toEqual(
      JSON.parse(JSON.stringify(snapshot.timers.sort((a, b) => a.timerId.localeCompare(b.timerId)))),
    );
  });

  it('covers holds, releases, pending movements and every stage in the generated stream', () => {
    const world = worldDecisions(events, context());
    const outcomes = new Set(world.out.map((d) => `${d.stage}:${d.decision}`));
    expect(outcomes).toEqual(
      new Set([
        'EXPORT:RELEASE',
        'EXPORT:HOLD',
        'IMPORT:RELEASE',
        'IMPORT:HOLD',
        'TRANSSHIPMENT:RELEASE',
        'TRANSSHIPMENT:HOLD',
        'TRANSIT:RELEASE',
      ]),
    );
    expect(world.stats().outOfScope).toBeGreaterThan(0);
    expect(world.stats().armedTimers).toBeGreaterThan(0);
  });

  it('parks a movement under its keys and hands it to the manifest in the same transaction', () => {
    const store = new TableStore();
    const early = movement({ trd: 'MAEU000000001', at: '2026-03-01T07:00:00.000Z', eventCode: 'GTIN' });

    store.apply([early], context());
    expect([...store.pending.values()].map(({ entry }) => entry.keys)).toEqual([['TRD:MAEU000000001']]);

    const decisions = store.apply(
      [manifest({ transportDocumentReference: 'MAEU000000001', receivedAt: '2026-03-01T08:00:00.000Z' })],
      context(),
    );
    expect(store.pending.size).toBe(0);
    expect(decisions.map((d) => [d.sequence, d.decision])).toEqual([[1, 'RELEASE']]);
    const state = JSON.parse(store.consignments.get('MAEU000000001') ?? '{}') as ConsignmentState;
    expect(state.movements.map((m) => m.eventId)).toEqual([early.eventId]);
  });

  it('joins a container-only movement to open consignments and skips closed ones', () => {
    const store = new TableStore();
    store.apply([manifest({ transportDocumentReference: 'OPEN00001' })], context());
    const box = movement({ trd: null, at: '2026-03-02T10:00:00.000Z', eventCode: 'GTIN' });

    const workspace = new ConsignmentWorkspace(context(), store.load(loadPlanFor([box])));
    const outcome = workspace.applyMovement(box);

    expect(outcome.join).toEqual({ kind: 'JOINED', by: 'EQUIPMENT', consignmentIds: ['OPEN00001'] });
  });

  it.each([
    [
      'a new consignment',
      [manifest({ transportDocumentReference: 'NEW000001' })],
      ['TRD:NEW000001', 'BKG:BKG-778899', 'EQ:MSKU2666542'],
    ],
    ['a movement joined to a known consignment', [movement({ trd: 'KNOWN0001' })], []],
    ['a movement parked for its manifest', [movement({ trd: 'LATE00001' })], ['TRD:LATE00001']],
    [
      'a retraction that found nothing to join',
      [movement({ trd: 'LATE00002', action: 'RETRACT' })],
      ['TRD:LATE00002'],
    ],
    [
      'an amendment with the same references',
      [manifest({ transportDocumentReference: 'KNOWN0001', receivedAt: '2026-03-02T00:00:00.000Z' })],
      [],
    ],
    [
      'an amendment adding a booking',
      [
        manifest({
          transportDocumentReference: 'KNOWN0001',
          bookingReferences: ['BKG-778899', 'BKG-NEW'],
          receivedAt: '2026-03-02T00:00:00.000Z',
        }),
      ],
      ['BKG:BKG-NEW'],
    ],
  ])('contests the joining keys of %s', (_name, events, expected) => {
    const store = new TableStore();
    store.apply([manifest({ transportDocumentReference: 'KNOWN0001' })], context());
    const workspace = new ConsignmentWorkspace(context(), store.load(loadPlanFor(events)));
    events.forEach((event) =>
      event.kind === 'MANIFEST' ? workspace.applyManifest(event) : workspace.applyMovement(event),
    );

    expect(workspace.changes().contestedKeys.sort()).toEqual([...expected].sort());
  });
});
