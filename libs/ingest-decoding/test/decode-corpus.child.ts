// Run by no-code-generation.spec.ts in a process of its own: whether this process may generate code
// from strings, then decodeRecord's result for every record of the decoding corpus, one JSON line each.
import 'reflect-metadata';
import { decodeRecord } from '@chokepoint/ingest-decoding';
import { decodingCorpus } from './decoding-corpus';

function codeGeneration(): 'allowed' | 'refused' {
  try {
    // eslint-disable-next-line @typescript-eslint/no-implied-eval -- what this child reports on
    new Function('');
    return 'allowed';
  } catch {
    return 'refused';
  }
}

const lines = [JSON.stringify({ codeGeneration: codeGeneration() })];
for (const input of decodingCorpus()) {
  lines.push(JSON.stringify(decodeRecord(input)));
}
process.stdout.write(`${lines.join('\n')}\n`);
