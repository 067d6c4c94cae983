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

/** The transport document a simulated TNT event names (its TRD reference), if any. */
function transportDocumentOf(record: SimulatedRecord): string | undefined {
  const shipment = record.value.shipmentDetails as
    { additionalDocumentReferences?: { typeCode?: string; reference?: string }[] } | undefined;
  return shipment?.additionalDocumentReferences?.find((reference) => reference.typeCode === 'TRD')?.reference;
}

/**
 * The first `count` records of a stream with its manifests spread evenly through it, a stationary mix
 * for measuring latency at a fixed rate. generatePortDay files manifests 12–72 h before arrival and
 * clamps what falls before the day to its start, so a day opens with a wave of manifests and almost
 * every decision of a short window is a new consignment's first. Here each manifest takes its share of
 * the positions in order, every movement still comes after its consignment's manifest (one that names a
 * document whose manifest is still to come waits for it), and movements keep their order.
 */
export function spreadManifests(records: readonly SimulatedRecord[], count: number): SimulatedRecord[] {
  const manifests = records.filter((record) => record.topic === Topics.portManifests);
  const movements = records.filter((record) => record.topic !== Topics.portManifests);
  const share = manifests.length / Math.max(1, records.length);
  const documents = new Set(manifests.map((manifest) => manifest.key));
  const sent = new Set<string>();
  const waiting = new Map<string, SimulatedRecord[]>();
  const ready: SimulatedRecord[] = [];
  const out: SimulatedRecord[] = [];
  let nextManifest = 0;
  let nextMovement = 0;
  const sendManifest = (): void => {
    const manifest = manifests[nextManifest++];
    if (manifest) {
      out.push(manifest);
      sent.add(manifest.key);
      ready.push(...(waiting.get(manifest.key) ?? []));
      waiting.delete(manifest.key);
    }
  };
  while (
    out.length < count &&
    (nextManifest < manifests.length || ready.length > 0 || nextMovement < movements.length)
  ) {
    const movementsLeft = ready.length > 0 || nextMovement < movements.length;
    if (nextManifest < manifests.length && (nextManifest < (out.length + 1) * share || !movementsLeft)) {
      sendManifest();
      continue;
    }
    const readyMovement = ready.shift();
    if (readyMovement) {
      out.push(readyMovement);
      continue;
    }
    const movement = movements[nextMovement++];
    if (!movement) {
      continue;
    }
    const document = transportDocumentOf(movement);
    if (document !== undefined && documents.has(document) && !sent.has(document)) {
      const queue = waiting.get(document) ?? [];
      queue.push(movement);
      waiting.set(document, queue);
    } else {
      out.push(movement);
    }
  }
  return out;
}
