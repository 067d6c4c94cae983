import { randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import { Partitioners, type PartitionMetadata } from 'kafkajs';
import { KeyPartitioner, murmur2 } from './key-partitioner';

const kafkajsRequire = createRequire(require.resolve('kafkajs'));
const kafkajsMurmur2 = kafkajsRequire('./src/producer/partitioners/default/murmur2') as (
  key: Buffer | string,
) => number;

const partitions = (count: number, leaderless: number[] = []): PartitionMetadata[] =>
  Array.from({ length: count }, (_, partitionId) => ({
    partitionErrorCode: 0,
    partitionId,
    leader: leaderless.includes(partitionId) ? -1 : 1,
    replicas: [1],
    isr: [1],
  }));

/** Keys of every length from 0 to 40 (each remainder of 4), ASCII and multi-byte UTF-8. */
function sampleKeys(): string[] {
  const keys: string[] = [];
  for (let length = 0; length <= 40; length++) {
    keys.push(randomBytes(length).toString('base64').slice(0, length));
    keys.push('Ø'.repeat(length % 7) + randomBytes(length).toString('hex').slice(0, length));
  }
  keys.push('MAEU123456789', 'MSCU1234565', 'urn:dcsa:party:EBLS123', '港口-上海-CNSHA', '🚢 container');
  return keys;
}

describe('murmur2', () => {
  it('gives the Java client hashes Kafka tests its own murmur2 with', () => {
    // org.apache.kafka.common.utils.UtilsTest#testMurmur2
    const cases: Array<[string, number]> = [
      ['21', -973932308],
      ['foobar', -790332482],
      ['a-little-bit-long-string', -985981536],
      ['a-little-bit-longer-string', -1486304829],
      ['lkjh234lh9fiuh90y23oiuhsafujhadof229phr9h19h89h8', -58897971],
      ['abc', 479470107],
    ];
    for (const [key, expected] of cases) {
      expect(murmur2(Buffer.from(key))).toBe(expected);
      expect(kafkajsMurmur2(key)).toBe(expected);
    }
  });

  it('equals kafkajs for keys of every length and of multi-byte characters', () => {
    for (const key of sampleKeys()) {
      expect({ key, hash: murmur2(Buffer.from(key)) }).toEqual({ key, hash: kafkajsMurmur2(key) });
    }
  });

  it('hashes only the given length of a longer buffer', () => {
    const scratch = Buffer.from('foobar and then what the buffer held before');
    expect(murmur2(scratch, 6)).toBe(kafkajsMurmur2('foobar'));
  });
});

describe('KeyPartitioner', () => {
  it('puts every keyed message where kafkajs DefaultPartitioner puts it, string or Buffer key', () => {
    const ours = KeyPartitioner();
    const theirs = Partitioners.DefaultPartitioner();
    const keys = [
      ...sampleKeys(),
      'x'.repeat(300),
      'é'.repeat(200),
      'x'.repeat(341),
      'x'.repeat(342),
      '港'.repeat(5_000),
    ];
    for (const count of [1, 6, 12, 7]) {
      const partitionMetadata = partitions(count);
      for (const key of keys) {
        for (const message of [
          { key, value: 'v' },
          { key: Buffer.from(key), value: 'v' },
        ]) {
          const args = { topic: 'chokepoint.canonical.v1', partitionMetadata, message };
          expect({ key, count, partition: ours(args) }).toEqual({ key, count, partition: theirs(args) });
        }
      }
    }
  });

  it('keeps a partition the message names', () => {
    const partition = KeyPartitioner()({
      topic: 't',
      partitionMetadata: partitions(6),
      message: { key: 'foobar', value: 'v', partition: 4 },
    });
    expect(partition).toBe(4);
  });

  it('spreads messages without a key round robin over the partitions that have a leader', () => {
    const partitioner = KeyPartitioner();
    const partitionMetadata = partitions(6, [1, 4]);
    const chosen = Array.from({ length: 8 }, () =>
      partitioner({ topic: 't', partitionMetadata, message: { key: null, value: 'v' } }),
    );
    expect(new Set(chosen)).toEqual(new Set([0, 2, 3, 5]));
    // Consecutive messages take consecutive partitions among those with a leader.
    const order = [0, 2, 3, 5];
    for (let i = 1; i < chosen.length; i++) {
      const previous = order.indexOf(chosen[i - 1] ?? -1);
      expect(chosen[i]).toBe(order[(previous + 1) % order.length]);
    }
  });

  it('falls back to any partition when none has a leader', () => {
    const partitioner = KeyPartitioner();
    const chosen = Array.from({ length: 6 }, () =>
      partitioner({ topic: 't', partitionMetadata: partitions(3, [0, 1, 2]), message: { value: 'v' } }),
    );
    expect(new Set(chosen)).toEqual(new Set([0, 1, 2]));
  });
});
