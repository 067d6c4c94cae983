import type { SanctionsHit, SanctionsScreener } from '@chokepoint/contracts';
import { movementKey } from '../consignment/consignment-machine';
import type { ConsignmentState } from '../consignment/consignment-state.types';
import { manifest } from '../testing/manifest.factory';
import { movement } from '../testing/movement.factory';
import { testWorld } from '../testing/test-context';
import { JoiningIndex, type ParkedMovement } from './joining-index';
import { joinMovement, pendingKey } from './movement-joining';

function parked(overrides: Parameters<typeof movement>[0], keys: string[]): ParkedMovement {
  const event = movement(overrides);
  return { movementKey: movementKey(event), movement: event, keys };
}

function indexOver(open: Record<string, boolean>): JoiningIndex {
  return new JoiningIndex({
    hasConsignment: (id) => id in open,
    isOpen: (id) => open[id] === true,
  });
}

describe('JoiningIndex', () => {
  it('finds consignments by booking once each, and by container only while they are open', () => {
    const index = indexOver({ OPEN: true, CLOSED: false });
    index.addBooking('BKG1', 'OPEN');
    index.addBooking('BKG1', 'OPEN');
    index.addBooking('BKG1', 'CLOSED');
    index.addEquipment('MSKU2666542', 'CLOSED');
    index.addEquipment('MSKU2666542', 'OPEN');
    index.addEquipment('MSKU2666542', 'UNKNOWN');

    expect(index.consignmentsByBooking('BKG1')).toEqual(['OPEN', 'CLOSED']);
    expect(index.consignmentsByBooking('BKG2')).toEqual([]);
    expect(index.openConsignmentsByEquipment('MSKU2666542')).toEqual(['OPEN']);
  });

  it("indexes a consignment under its manifest's bookings and containers", () => {
    const index = indexOver({ MAEU123456789: true });
    const state = {
      consignmentId: 'MAEU123456789',
      manifest: manifest({
        bookingReferences: ['BKG1'],
        equipment: [{ reference: 'TGHU8821340', referenceCheckDigitValid: true, seals: [] }],
      }),
    } as ConsignmentState;
    index.addConsignment(state);

    const join = joinMovement(
      movement({ trd: null, equipmentReference: 'TGHU8821340', eventCode: 'GTIN' }),
      index,
    );
    expect(join).toEqual({ kind: 'JOINED', by: 'EQUIPMENT', consignmentIds: ['MAEU123456789'] });
    expect(index.consignmentsByBooking('BKG1')).toEqual(['MAEU123456789']);
  });

  it('gives a manifest the movements parked under any of its keys, once each, by key then parking order, without taking them', () => {
    const index = indexOver({});
    const target = manifest({
      transportDocumentReference: 'MAEU123456789',
      bookingReferences: ['BKG1'],
      receivedAt: '2026-03-02T12:00:00.000Z',
    });
    const byBooking = parked({ eventCode: 'GTIN', at: '2026-03-02T01:00:00.000Z' }, [
      pendingKey('BKG', 'BKG1'),
    ]);
    const byBoth = parked({ eventCode: 'LOAD', at: '2026-03-02T02:00:00.000Z' }, [
      pendingKey('BKG', 'BKG1'),
      pendingKey('TRD', 'MAEU123456789'),
    ]);
    const byDocument = parked({ eventCode: 'DISC', at: '2026-03-02T03:00:00.000Z' }, [
      pendingKey('TRD', 'MAEU123456789'),
    ]);
    const elsewhere = parked({ eventCode: 'GTOT', at: '2026-03-02T04:00:00.000Z' }, [
      pendingKey('TRD', 'OTHER0000001'),
    ]);
    [byBooking, byBoth, byDocument, elsewhere].forEach((entry) => index.park(entry));

    const found = index.parkedFor(target, 72);

    // TRD keys come first (pendingKeysOfManifest), then bookings; within a key, parking order.
    expect(found.movements).toEqual([byBoth.movement, byDocument.movement, byBooking.movement]);
    expect([...found.movementKeys]).toEqual([
      byBoth.movementKey,
      byDocument.movementKey,
      byBooking.movementKey,
    ]);
    expect(index.parkedCount).toBe(4);
  });

  it('leaves out of the movements to apply those older than the limit, but still names them to take', () => {
    const index = indexOver({});
    const target = manifest({
      transportDocumentReference: 'MAEU123456789',
      receivedAt: '2026-03-10T00:00:00.000Z',
    });
    const old = parked({ eventCode: 'GTIN', at: '2026-03-06T23:59:59.000Z' }, [
      pendingKey('TRD', 'MAEU123456789'),
    ]);
    const recent = parked({ eventCode: 'LOAD', at: '2026-03-07T00:00:00.000Z' }, [
      pendingKey('TRD', 'MAEU123456789'),
    ]);
    index.park(old);
    index.park(recent);

    const found = index.parkedFor(target, 72);

    expect(found.movements).toEqual([recent.movement]);
    expect(found.movementKeys).toEqual(new Set([old.movementKey, recent.movementKey]));
  });

  it('unparks a movement from every key it waited by, once', () => {
    const index = indexOver({});
    const entry = parked({ eventCode: 'LOAD' }, [
      pendingKey('TRD', 'MAEU123456789'),
      pendingKey('BKG', 'BKG1'),
    ]);
    index.park(entry);

    expect(index.unpark(entry.movementKey)).toBe(entry);
    expect(index.unpark(entry.movementKey)).toBeUndefined();
    expect(index.parkedCount).toBe(0);
    const target = manifest({ transportDocumentReference: 'MAEU123456789', bookingReferences: ['BKG1'] });
    expect(index.parkedFor(target, 72).movementKeys.size).toBe(0);
  });

  it('replaces a movement parked again under the same movement key, keys included', () => {
    const index = indexOver({});
    const first = parked({ eventCode: 'LOAD' }, [pendingKey('BKG', 'BKG1')]);
    const again = { ...first, keys: [pendingKey('BKG', 'BKG2')] };
    index.park(first);
    index.park(again);

    expect([...index.parkedMovements()]).toEqual([again]);
    expect(index.parkedFor(manifest({ bookingReferences: ['BKG1'] }), 72).movementKeys.size).toBe(0);
    expect([...index.parkedFor(manifest({ bookingReferences: ['BKG2'] }), 72).movementKeys]).toEqual([
      first.movementKey,
    ]);
  });
});

/** Screens every name as the list would, except one that makes it throw (a bug in a screener). */
class ThrowingScreener implements SanctionsScreener {
  readonly listVersions = { TEST: '1' };

  screenName(name: string): SanctionsHit[] {
    if (name.includes('THROWS')) {
      throw new Error('screener failure');
    }
    return [];
  }

  screenImo(): SanctionsHit[] {
    return [];
  }
}

describe('ScreeningWorld and parked movements', () => {
  it('keeps the movements parked when the engine throws on the manifest they wait for, as the service does', () => {
    const world = testWorld(new ThrowingScreener());
    world.applyMovement(
      movement({ eventCode: 'GTIN', trd: 'MAEU123456789', at: '2026-03-01T10:00:00.000Z' }),
    );
    const failing = manifest({ transportDocumentReference: 'MAEU123456789' });
    failing.parties = failing.parties.map((party) => ({ ...party, name: 'THROWS LTD' }));

    expect(() => world.applyManifest(failing)).toThrow('screener failure');
    expect(world.stats().pendingMovements).toBe(1);

    world.applyManifest(manifest({ transportDocumentReference: 'MAEU123456789' }));
    expect(world.stats().pendingMovements).toBe(0);
    expect(world.getConsignment('MAEU123456789')?.movements).toHaveLength(1);
  });
});
