import { randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';

/**
 * kafkajs 2.2.4's produce encoding, as patches/kafkajs+2.2.4.patch leaves it (applied by `npm ci`):
 * encoders take their buffers without zero-filling them (small ones as slices of Node's shared pool,
 * not an allocation each), write varints in place, and compute CRC-32C eight bytes a step. Encoding a
 * produce request of 501 records of 1.4 KB in a loop took 19.0-19.9 µs per record with kafkajs as
 * published and 9.7-11.4 patched, the bytes identical. These tests hold the bytes to the wire format:
 * checksums against the definition of CRC-32C, and record batches that decode back to what was
 * encoded whatever the reused memory held.
 */
interface KafkajsEncoder {
  buf: Buffer;
  buffer: Buffer;
}
interface RecordInput {
  offsetDelta: number;
  timestampDelta: number;
  key: string | null;
  value: string | Buffer;
  headers: Record<string, string>;
}
interface DecodedRecord {
  key: Buffer | null;
  value: Buffer;
  headers: Record<string, Buffer>;
}

const kafkajsRequire = createRequire(require.resolve('kafkajs'));
const crc32C = kafkajsRequire('./src/protocol/recordBatch/crc32C') as (buffer: Buffer) => number;
const Encoder = kafkajsRequire('./src/protocol/encoder') as new () => KafkajsEncoder;
const Decoder = kafkajsRequire('./src/protocol/decoder') as new (buffer: Buffer) => unknown;
const encodeRecord = kafkajsRequire('./src/protocol/recordBatch/record/v0') as (
  record: RecordInput,
) => KafkajsEncoder;
const { RecordBatch: encodeRecordBatch } = kafkajsRequire('./src/protocol/recordBatch/v0') as {
  RecordBatch: (batch: {
    records: KafkajsEncoder[];
    firstTimestamp: number;
    maxTimestamp: number;
    lastOffsetDelta: number;
  }) => Promise<KafkajsEncoder>;
};
const decodeRecordBatch = kafkajsRequire('./src/protocol/recordBatch/v0/decoder') as (
  decoder: unknown,
) => Promise<{ records: DecodedRecord[] }>;

/** CRC-32C as RFC 3720 defines it: the reflected polynomial 0x82F63B78, one bit at a time. */
function crc32CByDefinition(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) {
    crc ^= byte;
    for (let bit = 0; bit < 8; bit += 1) {
      crc = crc & 1 ? (crc >>> 1) ^ 0x82f63b78 : crc >>> 1;
    }
  }
  return (crc ^ 0xffffffff) >>> 0;
}

/** Fills the slices Buffer.allocUnsafe hands out next (Node's shared pool) with one byte value. */
function soilBufferPool(byte: number): void {
  for (let index = 0; index < 2 * (Buffer.poolSize / 64); index += 1) {
    Buffer.allocUnsafe(64).fill(byte);
  }
}

// Keys absent and present, values across the encoders' growth steps (512 bytes, doubling), multi-byte
// UTF-8, offset deltas whose varints take one and two bytes.
const inputs: RecordInput[] = Array.from({ length: 200 }, (_, index) => ({
  offsetDelta: index,
  timestampDelta: index * 37,
  key: index % 7 === 0 ? null : `MAEU${String(index).padStart(9, '0')}`,
  value:
    index % 3 === 0
      ? JSON.stringify({ index, note: 'Société Générale 北京 🚢'.repeat(index % 40) })
      : randomBytes(1 + ((index * 53) % 3000)),
  headers: { 'content-type': 'application/json', 'chokepoint-sequence': String(index) },
}));

async function encodedBatch(): Promise<Buffer> {
  const batch = await encodeRecordBatch({
    records: inputs.map(encodeRecord),
    firstTimestamp: 1_764_500_000_000,
    maxTimestamp: 1_764_500_000_000 + 199 * 37,
    lastOffsetDelta: inputs.length - 1,
  });
  return batch.buffer;
}

describe('kafkajs produce encoding (patched)', () => {
  it('computes the CRC-32C test vectors of RFC 3720', () => {
    const ascending = Buffer.from(Array.from({ length: 32 }, (_, index) => index));

    expect(crc32C(Buffer.alloc(32, 0x00))).toBe(0x8a9136aa);
    expect(crc32C(Buffer.alloc(32, 0xff))).toBe(0x62a8ab43);
    expect(crc32C(ascending)).toBe(0x46dd794e);
    expect(crc32C(Buffer.from(ascending).reverse())).toBe(0x113fdb5c);
  });

  it('agrees with the bit-by-bit definition at every length and alignment', () => {
    const bytes = randomBytes(4_200);
    for (let length = 0; length <= 70; length += 1) {
      for (let start = 0; start < 8; start += 1) {
        const slice = bytes.subarray(start, start + length);
        expect(crc32C(slice)).toBe(crc32CByDefinition(slice));
      }
    }
    expect(crc32C(bytes)).toBe(crc32CByDefinition(bytes));
  });

  it('encodes record batches that decode back to their records, with the checksum of their body', async () => {
    const encoded = await encodedBatch();

    // FirstOffset (8), Length (4), PartitionLeaderEpoch (4), Magic (1), CRC (4), then what the CRC covers.
    expect(encoded.readUInt32BE(17)).toBe(crc32CByDefinition(encoded.subarray(21)));
    const { records } = await decodeRecordBatch(new Decoder(encoded));
    expect(
      records.map((record) => ({
        key: record.key === null ? null : record.key.toString(),
        value: record.value,
        headers: Object.fromEntries(
          Object.entries(record.headers).map(([name, value]) => [name, value.toString()]),
        ),
      })),
    ).toEqual(
      inputs.map((input) => ({
        key: input.key,
        value: Buffer.isBuffer(input.value) ? input.value : Buffer.from(input.value),
        headers: input.headers,
      })),
    );
  });

  it('writes the same bytes whatever the reused memory held before', async () => {
    soilBufferPool(0xa5);
    const first = await encodedBatch();
    soilBufferPool(0x5a);
    const second = await encodedBatch();

    expect(second.equals(first)).toBe(true);
  });

  it('takes small encoder buffers from the shared pool, not an allocation each (the patch is applied)', () => {
    expect(new Encoder().buf.buffer.byteLength).toBe(Buffer.poolSize);
  });
});
