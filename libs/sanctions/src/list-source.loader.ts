import { readFile } from 'node:fs/promises';

/** Reads a list from a file path or an http(s) URL; the caller parses it. */
export async function loadListSource(fileOrUrl: string): Promise<string> {
  if (/^https?:\/\//i.test(fileOrUrl)) {
    const response = await fetch(fileOrUrl);
    if (!response.ok) {
      throw new Error(
        `sanctions list fetch failed: ${response.status} ${response.statusText} for ${fileOrUrl}`,
      );
    }
    return response.text();
  }
  return readFile(fileOrUrl, 'utf8');
}
