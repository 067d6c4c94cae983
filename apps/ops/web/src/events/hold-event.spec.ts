import { holdSummary } from '../testing/hold-summary.factory';
import { parseHoldEvent, reconnectDelayMs } from './hold-event';

describe('parseHoldEvent', () => {
  it('reads an upsert', () => {
    const hold = holdSummary();
    expect(parseHoldEvent('hold.upserted', JSON.stringify(hold))).toEqual({ type: 'hold.upserted', hold });
  });

  it('reads a removal', () => {
    expect(parseHoldEvent('hold.removed', '{"consignmentId":"X1"}')).toEqual({
      type: 'hold.removed',
      consignmentId: 'X1',
    });
  });

  it.each([
    ['hold.upserted', 'not json'],
    ['hold.upserted', '{"consignmentId":"X1"}'],
    ['hold.upserted', JSON.stringify({ ...holdSummary(), status: 'PENDING' })],
    ['hold.removed', '{"id":"X1"}'],
    ['hold.removed', 'null'],
    ['hold.created', JSON.stringify(holdSummary())],
  ])('drops %s %s', (type, data) => {
    expect(parseHoldEvent(type, data)).toBeNull();
  });
});

describe('reconnectDelayMs', () => {
  it.each([
    [0, 1000],
    [1, 1000],
    [2, 2000],
    [4, 8000],
    [6, 30_000],
    [50, 30_000],
  ])('after %p failures waits %p ms', (failures, expected) => {
    expect(reconnectDelayMs(failures)).toBe(expected);
  });
});
