import { hash } from 'node:crypto';
import type { DecisionTrigger } from '@chokepoint/contracts';

// Fixed namespace for Chokepoint decision ids (a random UUID chosen once; never change it).
const DECISION_NAMESPACE = Buffer.from('6f1d3c52a8e94b7fbd0e2c4a9d57e3b1', 'hex');
const NAMESPACE_BYTES = DECISION_NAMESPACE.length;

// Namespace followed by the name, reused across calls: one-shot hashing of one buffer costs a third of
// a createHash() object with two updates, and ids are made on every published decision.
let scratch = Buffer.alloc(512);
DECISION_NAMESPACE.copy(scratch, 0);

function namespacedName(name: string): Buffer {
  const needed = NAMESPACE_BYTES + Buffer.byteLength(name, 'utf8');
  if (needed > scratch.length) {
    scratch = Buffer.alloc(needed * 2);
    DECISION_NAMESPACE.copy(scratch, 0);
  }
  const written = scratch.write(name, NAMESPACE_BYTES, 'utf8');
  return scratch.subarray(0, NAMESPACE_BYTES + written);
}

const HEX = '0123456789abcdef';

/**
 * UUID version 5 (RFC 9562: SHA-1 of namespace + name) of consignment, sequence and trigger, so a
 * replay of the same input yields the same ids and consumers can deduplicate.
 */
export function decisionIdFor(consignmentId: string, sequence: number, trigger: DecisionTrigger): string {
  const name = `${consignmentId}\u0000${sequence}\u0000${trigger.type}\u0000${trigger.eventId}`;
  const hex = hash('sha1', namespacedName(name), 'hex');
  // Version nibble 5 at hex position 12; variant bits 10 on the nibble at position 16.
  const variant = HEX.charAt((HEX.indexOf(hex.charAt(16)) & 0x3) | 0x8);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
