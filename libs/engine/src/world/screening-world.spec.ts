import { manifest, place } from '../testing/manifest.factory';
import { movement } from '../testing/movement.factory';
import { testWorld } from '../testing/test-context';

/** A transit from Singapore through Hai Phong to Kunming by rail: its timer runs 72 h from entry. */
function transit(reference: string, container: string, enteredAt: string) {
  return {
    manifest: manifest({
      transportDocumentReference: reference,
      bookingReferences: [],
      equipment: [{ reference: container, referenceCheckDigitValid: true, seals: [] }],
      route: {
        portOfLoading: place('SGSIN'),
        portOfDischarge: place('VNHPH'),
        placeOfDelivery: place('CNKMG'),
        onCarriageBy: 'RAIL',
      },
      receivedAt: '2026-03-01T00:00:00.000Z',
    }),
    entry: movement({ eventCode: 'DISC', at: enteredAt, trd: reference, equipmentReference: container }),
  };
}

describe('ScreeningWorld timers', () => {
  it('fires due timers in due order across consignments, however they were armed', () => {
    const world = testWorld();
    const late = transit('LATE00000001', 'MSKU2666542', '2026-03-05T00:00:00.000Z');
    const early = transit('EARLY0000001', 'TGHU8821340', '2026-03-03T00:00:00.000Z');
    const middle = transit('MIDDLE000001', 'CSQU3054383', '2026-03-04T00:00:00.000Z');
    world.applyManifest(late.manifest);
    world.applyMovement(late.entry);
    // Nothing due yet: the world learns when the earliest timer is due...
    expect(world.advanceTo('2026-03-07T00:00:00.000Z').decisions).toEqual([]);
    // ...and then gets timers due earlier than that.
    world.applyManifest(early.manifest);
    world.applyMovement(early.entry);
    world.applyManifest(middle.manifest);
    world.applyMovement(middle.entry);

    const first = world.advanceTo('2026-03-06T12:00:00.000Z');
    const rest = world.advanceTo('2026-03-09T00:00:00.000Z');

    expect(first.decisions.map((d) => [d.consignmentId, d.decidedAt])).toEqual([
      ['EARLY0000001', '2026-03-06T00:00:00.000Z'],
    ]);
    expect(rest.decisions.map((d) => [d.consignmentId, d.decidedAt])).toEqual([
      ['MIDDLE000001', '2026-03-07T00:00:00.000Z'],
      ['LATE00000001', '2026-03-08T00:00:00.000Z'],
    ]);
    expect(world.stats().armedTimers).toBe(0);
  });

  it('fires a timer due before the next event when that event arrives', () => {
    const world = testWorld();
    const story = transit('MAEU123456789', 'MSKU2666542', '2026-03-03T00:00:00.000Z');
    world.applyManifest(story.manifest);
    world.applyMovement(story.entry);

    const next = world.applyManifest(
      manifest({
        transportDocumentReference: 'OTHER0000001',
        bookingReferences: [],
        receivedAt: '2026-03-07T00:00:00.000Z',
      }),
    );

    expect(next.decisions.map((d) => [d.consignmentId, d.triggeredBy.type])).toEqual([
      ['MAEU123456789', 'TIMER'],
      ['OTHER0000001', 'MANIFEST'],
    ]);
  });
});
