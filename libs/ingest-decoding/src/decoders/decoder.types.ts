import type { CanonicalEvent, RejectionError } from '@chokepoint/contracts';
import type { ReferenceData } from '@chokepoint/reference-data';
import type { SourceValidator } from '../validation/source-validation';

export const MESSAGE_FORMATS = {
  eblTransportDocument300: 'DCSA_EBL_3_0_0',
  tnt220: 'DCSA_TNT_2_2_0',
  tnt300: 'DCSA_TNT_3_0_0',
  tnt300Beta1: 'DCSA_TNT_3_0_0_BETA_1',
} as const;
export type MessageFormat = (typeof MESSAGE_FORMATS)[keyof typeof MESSAGE_FORMATS];

export interface DecoderInput {
  message: Record<string, unknown>;
  topic: string;
  partition?: number;
  offset?: string;
  /** ISO-8601 Kafka record timestamp. */
  receivedAt: string;
  /** Used when the format names no originating party (TNT 2.2). */
  originatingParty: string;
  referenceData: ReferenceData;
  /** Compiled (default) or the class-validator reference; both give the same results. */
  sourceValidator?: SourceValidator;
  /** The caller only serialises the event: undefined members may stay (see finishedEvent). */
  serialiseOnly?: boolean;
}

export type DecodeOutcome<T extends CanonicalEvent = CanonicalEvent> =
  { ok: true; event: T } | { ok: false; errors: RejectionError[] };
