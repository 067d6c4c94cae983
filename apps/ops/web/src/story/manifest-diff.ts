import type { ManifestChange } from '../api/ops-api.types';
import { displayValue, humanizeField } from './display-value';

export type ChangeKind = 'added' | 'removed' | 'changed';

export interface ListToken {
  text: string;
  kind: 'kept' | 'added' | 'removed';
}

export interface ChangeLine {
  field: string;
  label: string;
  kind: ChangeKind;
  before: string | null;
  after: string | null;
  /** For list values (seals, HS codes, containers): what was kept, added and removed, item by item. */
  tokens: ListToken[] | null;
}

function absent(value: unknown): boolean {
  return value === null || value === undefined || (Array.isArray(value) && value.length === 0);
}

function isScalarList(value: unknown): value is (string | number)[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string' || typeof item === 'number');
}

/** Item-by-item comparison of two lists, in the order the new version lists them, removals last. */
export function listTokens(before: (string | number)[], after: (string | number)[]): ListToken[] {
  const was = new Set(before.map(String));
  const now = new Set(after.map(String));
  return [
    ...after.map(String).map((text): ListToken => ({ text, kind: was.has(text) ? 'kept' : 'added' })),
    ...before
      .map(String)
      .filter((text) => !now.has(text))
      .map((text): ListToken => ({ text, kind: 'removed' })),
  ];
}

/** Lines for a manifest amendment: what each changed field was and became. */
export function describeChanges(changes: ManifestChange[]): ChangeLine[] {
  return changes.map(({ field, before, after }) => {
    const kind: ChangeKind = absent(before) ? 'added' : absent(after) ? 'removed' : 'changed';
    const listBefore = before ?? [];
    const listAfter = after ?? [];
    const tokens =
      isScalarList(listBefore) && isScalarList(listAfter) && (Array.isArray(before) || Array.isArray(after))
        ? listTokens(listBefore, listAfter)
        : null;
    return {
      field,
      label: humanizeField(field),
      kind,
      before: absent(before) ? null : displayValue(before),
      after: absent(after) ? null : displayValue(after),
      tokens,
    };
  });
}

/** One sentence per version, for the manifest history summary and screen readers. */
export function summarizeChanges(lines: ChangeLine[]): string {
  if (lines.length === 0) {
    return 'No field changed.';
  }
  const labels = lines.map((line) => line.label.charAt(0).toLowerCase() + line.label.slice(1));
  return `${lines.length === 1 ? '1 field' : `${lines.length} fields`} changed: ${labels.join(', ')}.`;
}
