import type { DecisionEvent, RejectionError } from '@chokepoint/contracts';
import { decodeRecord, type DecodeOptions } from '@chokepoint/ingest-decoding';
import { parseRecordLine, recordOf, type ParsedRecordLine } from './kafka-record.parser';
import { ScreeningRun, type ScreeningRunSetup, type ScreeningRunTally } from './screening-run';

/** A line (or one event of a push body on it) that did not become a canonical event. */
export interface LineRejection {
  line: number;
  /** Index in a TNT 3.0 push body `{"events": [...]}` when only that event was rejected. */
  eventIndex?: number;
  topic?: string;
  errors: RejectionError[];
}

export interface ReplayTally {
  /** Lines holding something (blank lines are skipped, not counted). */
  records: number;
  byTopic: Map<string, number>;
  events: { manifests: number; movements: number };
  rejections: LineRejection[];
  /** Rejected records and push-body events by error code (the first error of each). */
  rejectedByCode: Map<string, number>;
}

/** Rejections kept in full for the summary; beyond that only the counts per code grow. */
const KEPT_REJECTIONS = 1000;

/**
 * The replay itself, without any I/O: each input line is decoded exactly as ingest decodes a Kafka
 * record, and every canonical event is screened by each run (one per rule pack) in input order.
 */
export class ReplayUseCase {
  private readonly tallied: ReplayTally = {
    records: 0,
    byTopic: new Map(),
    events: { manifests: 0, movements: 0 },
    rejections: [],
    rejectedByCode: new Map(),
  };
  private rejectedTotal = 0;

  constructor(
    private readonly runs: readonly ScreeningRun[],
    private readonly decodeOptions: DecodeOptions = {},
  ) {}

  /** One line of the NDJSON input; blank lines are skipped. */
  acceptLine(text: string, lineNumber: number): void {
    if (text.trim().length === 0) {
      return;
    }
    this.accept(parseRecordLine(text, lineNumber), lineNumber);
  }

  /** A record already parsed (`{"topic","key","headers","timestamp","value"}`), numbered like a line. */
  acceptRecord(record: unknown, lineNumber: number): void {
    this.accept(recordOf(record, lineNumber), lineNumber);
  }

  private accept(parsed: ParsedRecordLine, lineNumber: number): void {
    this.tallied.records += 1;
    if (!parsed.ok) {
      this.reject({ line: lineNumber, errors: parsed.errors });
      return;
    }
    const record = parsed.record;
    this.tallied.byTopic.set(record.topic, (this.tallied.byTopic.get(record.topic) ?? 0) + 1);
    const { events, rejections } = decodeRecord(record, this.decodeOptions);
    for (const rejection of rejections) {
      this.reject({ line: lineNumber, topic: record.topic, ...rejection });
    }
    for (const event of events) {
      if (event.kind === 'MANIFEST') {
        this.tallied.events.manifests += 1;
      } else {
        this.tallied.events.movements += 1;
      }
      for (const run of this.runs) {
        run.apply(event);
      }
    }
  }

  /** End of input: with `until`, event time moves on to it so that timers due by then fire. */
  finish(until?: string): void {
    if (until !== undefined) {
      for (const run of this.runs) {
        run.advanceTo(until);
      }
    }
  }

  tally(): ReplayTally & { rejected: number } {
    return { ...this.tallied, rejected: this.rejectedTotal };
  }

  private reject(rejection: LineRejection): void {
    this.rejectedTotal += 1;
    const code = rejection.errors[0]?.code ?? 'unknown';
    this.tallied.rejectedByCode.set(code, (this.tallied.rejectedByCode.get(code) ?? 0) + 1);
    if (this.tallied.rejections.length < KEPT_REJECTIONS) {
      this.tallied.rejections.push(rejection);
    }
  }
}

export interface InMemoryReplay {
  decisions: DecisionEvent[];
  tally: ReplayTally & { rejected: number };
  run: ScreeningRunTally;
}

/**
 * Replays records held in memory (objects in the NDJSON record shape, or NDJSON lines) with one rule
 * pack and returns the decisions in publication order: for tests and reports built on a replay.
 */
export function replayInMemory(
  records: Iterable<unknown>,
  setup: ScreeningRunSetup,
  options: { until?: string; decodeOptions?: DecodeOptions } = {},
): InMemoryReplay {
  const decisions: DecisionEvent[] = [];
  const run = new ScreeningRun(setup, (decision) => decisions.push(decision));
  const replay = new ReplayUseCase([run], options.decodeOptions);
  let lineNumber = 0;
  for (const record of records) {
    lineNumber += 1;
    if (typeof record === 'string') {
      replay.acceptLine(record, lineNumber);
    } else {
      replay.acceptRecord(record, lineNumber);
    }
  }
  replay.finish(options.until);
  return { decisions, tally: replay.tally(), run: run.tally() };
}
