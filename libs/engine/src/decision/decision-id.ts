import { createHash } from 'node:crypto';
import type { DecisionTrigger } from '@chokepoint/contracts';

// Fixed namespace for Chokepoint decision ids (a random UUID chosen once; never change it).
const DECISION_NAMESPACE = Buffer.from('6f1d3c52a8e94b7fbd0e2c4a9d57e3b1', 'hex');

/**
 * UUID version 5 (RFC 9562: SHA-1 of namespace + name) of consignment, sequence and trigger, so a
 * replay of the same input yields the same ids and consumers can deduplicate.
 */
export function decisionIdFor(consignmentId: string, sequence: number, trigger: DecisionTrigger): string {
  const name = `${consignmentId}\u0000${sequence}\u0000${trigger.type}\u0000${trigger.eventId}`;
  const hash = createHash('sha1').update(DECISION_NAMESPACE).update(name, 'utf8').digest();
  hash[6] = ((hash[6] ?? 0) & 0x0f) | 0x50;
  hash[8] = ((hash[8] ?? 0) & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}
