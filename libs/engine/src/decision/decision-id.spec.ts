import { createHash } from 'node:crypto';
import type { DecisionTrigger } from '@chokepoint/contracts';
import { decisionIdFor } from './decision-id';

// RFC 9562 UUID v5 spelled out with createHash: the ids published so far were made this way.
function referenceId(consignmentId: string, sequence: number, trigger: DecisionTrigger): string {
  const namespace = Buffer.from('6f1d3c52a8e94b7fbd0e2c4a9d57e3b1', 'hex');
  const name = `${consignmentId}\u0000${sequence}\u0000${trigger.type}\u0000${trigger.eventId}`;
  const digest = createHash('sha1').update(namespace).update(name, 'utf8').digest();
  digest[6] = ((digest[6] ?? 0) & 0x0f) | 0x50;
  digest[8] = ((digest[8] ?? 0) & 0x3f) | 0x80;
  const hex = digest.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

describe('decisionIdFor', () => {
  it.each<[string, number, DecisionTrigger]>([
    ['MAEU123456789', 1, { type: 'MANIFEST', eventId: 'MAEU123456789@2026-03-01T08:00:00.000Z' }],
    ['MAEU123456789', 2, { type: 'MOVEMENT', eventId: 'LOAD-VNHPH-MSKU2666542-2026-03-02T10:00:00.000Z' }],
    ['HLCU-ĐÀ-NẴNG-01', 7, { type: 'OFFICER', eventId: 'hành-động-42' }],
    ['X', 3, { type: 'TIMER', eventId: `${'very-long-event-id-'.repeat(60)}@2026-03-04T10:15:00.000Z` }],
    ['', 1, { type: 'MANIFEST', eventId: '' }],
  ])('is the RFC 9562 version 5 UUID of %s #%d', (consignmentId, sequence, trigger) => {
    const id = decisionIdFor(consignmentId, sequence, trigger);

    expect(id).toBe(referenceId(consignmentId, sequence, trigger));
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('gives the same id after a longer name was hashed in between', () => {
    const trigger: DecisionTrigger = { type: 'MOVEMENT', eventId: 'e-1' };
    const before = decisionIdFor('MSCU998877605', 4, trigger);
    decisionIdFor('MSCU998877605', 4, { type: 'MOVEMENT', eventId: 'x'.repeat(5000) });

    expect(decisionIdFor('MSCU998877605', 4, trigger)).toBe(before);
  });
});
