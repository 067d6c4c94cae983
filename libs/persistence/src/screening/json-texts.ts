/** Where one JSON text sits in the packed bytes: 1-based, as PostgreSQL's substring counts, in bytes. */
export interface JsonTextSpan {
  start: number;
  length: number;
}

/**
 * A JSON document per item (`documentOf`) as one binary parameter, their texts back to back, and a row
 * per item (`rowOf`, told where its text sits), for a statement to cut the texts out with jsonTextAt.
 * node-postgres sends a Buffer in binary format, so the texts are neither escaped nor hex-encoded on
 * the way, and PostgreSQL reads each once. Nested as values in a JSON parameter instead, each was read
 * twice by json_to_recordset (in the enclosing text, then as the column's json): 9-12 ms for 130
 * consignment states (0.93 MB) against 2.2 ms cut out of bytes, and 36-43 ms for 800 parked movements
 * (0.9 MB) against 10-14.
 */
export function packJsonTexts<T, Row>(
  items: readonly T[],
  documentOf: (item: T) => unknown,
  rowOf: (item: T, text: JsonTextSpan) => Row,
): { bytes: Buffer; rows: Row[] } {
  const texts = items.map((item) => JSON.stringify(documentOf(item)));
  let total = 0;
  for (const text of texts) {
    total += Buffer.byteLength(text);
  }
  const bytes = Buffer.allocUnsafe(total);
  let position = 0;
  const rows = items.map((item, index) => {
    const length = bytes.write(texts[index] ?? '', position);
    const row = rowOf(item, { start: position + 1, length });
    position += length;
    return row;
  });
  return { bytes, rows };
}

/** The SQL expression that cuts the text at `start` for `length` bytes out of `bytes` as json. */
export function jsonTextAt(bytes: string, start: string, length: string): string {
  return `convert_from(substring(${bytes}::bytea FROM ${start} FOR ${length}), 'UTF8')::json`;
}
