import { Topics } from '@chokepoint/contracts';
import type { SimulatedRecord } from '../../apps/cli/src/simulate/port-day.generator';
import { spreadManifests } from './pipeline-port-records';

function manifest(document: string): SimulatedRecord {
  return { topic: Topics.portManifests, key: document, headers: {}, timestamp: '', value: {} };
}

function movement(document: string | undefined, n: number): SimulatedRecord {
  return {
    topic: Topics.portMovements,
    key: `${document ?? 'box'}-${n}`,
    headers: {},
    timestamp: '',
    value: document
      ? { shipmentDetails: { additionalDocumentReferences: [{ typeCode: 'TRD', reference: document }] } }
      : {},
  };
}

describe('spreadManifests', () => {
  // A simulated day's shape: every manifest first, then the movements.
  const documents = ['A', 'B', 'C', 'D'];
  const day = [
    ...documents.map(manifest),
    ...[0, 1, 2].flatMap((n) => documents.map((document) => movement(document, n))),
    movement(undefined, 0),
  ];

  it('spreads the manifests at their share of the stream instead of a wave at its start', () => {
    const stream = spreadManifests(day, day.length);

    const share = documents.length / day.length;
    stream.forEach((_, index) => {
      const manifestsSoFar = stream.slice(0, index + 1).filter((r) => r.topic === Topics.portManifests);
      expect(manifestsSoFar.length).toBeLessThanOrEqual(Math.ceil((index + 1) * share));
    });
    expect(stream.slice(0, 4).filter((r) => r.topic === Topics.portManifests)).toHaveLength(1);
  });

  it('keeps every record, each movement after its manifest and in its original order', () => {
    const stream = spreadManifests(day, day.length);

    expect([...stream].sort((a, b) => a.key.localeCompare(b.key))).toEqual(
      [...day].sort((a, b) => a.key.localeCompare(b.key)),
    );
    for (const document of documents) {
      const positions = stream
        .map((record, index) => ({ record, index }))
        .filter(({ record }) => record.key === document || record.key.startsWith(`${document}-`));
      expect(positions.map(({ record }) => record.key)).toEqual([
        document,
        `${document}-0`,
        `${document}-1`,
        `${document}-2`,
      ]);
    }
  });

  it('stops at the count asked for', () => {
    expect(spreadManifests(day, 5)).toHaveLength(5);
  });
});
