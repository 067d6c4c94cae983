import type { Readable } from 'node:stream';

/** What a command reads and writes: data on stdout, people's text on stderr (a terminal or not). */
export interface CliStreams {
  stdin: Readable;
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream & { isTTY?: boolean; columns?: number; write(text: string): boolean };
}
