import { Topics } from '@chokepoint/contracts';
import { manifestEventId } from '@chokepoint/engine';
import { decodeRecord } from '@chokepoint/ingest-decoding';
import { generatePortDay, type SimulatedRecord } from '../../apps/cli/src/simulate/port-day.generator';
import { toMessage } from '../../apps/cli/src/simulate/record.sinks';
import { DEFAULT_RISK_RATE } from '../../apps/cli/src/simulate/simulate.options';
import { loadSimulationCatalogue } from '../../apps/cli/src/simulate/simulation-catalogue.loader';
import type { TopicMessage } from './pipeline-kafka';

const DAY_MS = 86_400_000;

export interface PortTopics {
  manifests: string;
  movements: string;
}

/**
 * A simulated port day as `chokepoint simulate` writes it (eBL 3.0 Transport Documents and TNT 3.0
 * events, with their headers), in event-time order. The day starts 30 days from now, so that no transit
 * or dwell timer comes due by the wall clock during the run and only the records drive screening.
 * With `minRecords`, consignments are added until the day holds at least that many records.
 */
export async function simulatedPortRecords(options: {
  seed: number;
  consignments: number;
  minRecords?: number;
}): Promise<SimulatedRecord[]> {
  const catalogue = await loadSimulationCatalogue();
  const startMs = Math.floor(Date.now() / DAY_MS) * DAY_MS + 30 * DAY_MS;
  let consignments = options.consignments;
  for (;;) {
    const day = generatePortDay(
      { seed: options.seed, startMs, durationHours: 24, consignments, riskRate: DEFAULT_RISK_RATE },
      catalogue,
    );
    if (day.records.length >= (options.minRecords ?? 0)) {
      return day.records;
    }
    consignments = Math.ceil(consignments * 1.5);
  }
}

/** The Kafka record `simulate --kafka` sends, on this run's topic for it. */
export function portMessage(record: SimulatedRecord, topics: PortTopics): TopicMessage {
  return {
    topic: record.topic === Topics.portManifests ? topics.manifests : topics.movements,
    message: toMessage(record),
  };
}

/**
 * The ids decisions will name in `triggeredBy.eventId` for this record: its canonical events, decoded
 * here as ingest decodes them (the record timestamp becomes a manifest's receivedAt), each named as the
 * engine names its trigger (`manifestEventId` for a manifest, the TNT eventID for a movement). Keying by
 * consignmentId + sequence instead would not work: a decision's sequence counts the consignment's
 * decisions, and which records change a decision is the engine's business, not the bench's.
 */
export function triggerIdsOf(record: SimulatedRecord): { ids: string[]; rejected: boolean } {
  const message = toMessage(record);
  const { events, rejections } = decodeRecord({
    topic: record.topic,
    value: Buffer.from(String(message.value)),
    headers: record.headers,
    timestamp: String(message.timestamp),
  });
  return {
    ids: events.map((event) => (event.kind === 'MANIFEST' ? manifestEventId(event) : event.eventId)),
    rejected: rejections.length > 0,
  };
}
