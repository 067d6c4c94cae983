import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCsvRecords } from './csv.parser';

/** The shipped, compacted copies (see ../data/README.md); a deployment may point elsewhere. */
export const DEFAULT_REFERENCE_DATA_DIR = process.env.REFERENCE_DATA_DIR ?? join(__dirname, '..', 'data');

export function readReferenceCsv(dataDir: string, fileName: string): Array<Record<string, string>> {
  return parseCsvRecords(readFileSync(join(dataDir, fileName), 'utf8'));
}
