const ACRONYMS = new Set(['hs', 'imo', 'un', 'iso', 'id', 'sla', 'eta', 'etd', 'mmsi', 'ucr']);

/** Field names from the API ("placeOfDelivery", "parties[CONSIGNEE].name") as officers read them. */
export function humanizeField(path: string): string {
  return path
    .replace(/\[(\w+)\]/g, '.$1')
    .split('.')
    .filter((segment) => segment !== '')
    .map((segment) => {
      if (/^[A-Z0-9_]+$/.test(segment)) {
        return segment;
      }
      const words = segment
        .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
        .replace(/[_-]+/g, ' ')
        .toLowerCase()
        .split(' ')
        .map((word) => (ACRONYMS.has(word) ? word.toUpperCase() : word))
        .join(' ');
      return words.charAt(0).toUpperCase() + words.slice(1);
    })
    .join(' › ');
}

/** One line of text for any JSON value, so evidence and manifest changes always render. */
export function displayValue(value: unknown): string {
  if (value === null || value === undefined) {
    return '—';
  }
  if (typeof value === 'string') {
    return value === '' ? '(empty)' : value;
  }
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') {
    return String(value);
  }
  if (Array.isArray(value)) {
    return value.length === 0 ? '(none)' : value.map(displayValue).join(', ');
  }
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>);
    return entries.length === 0
      ? '(none)'
      : entries.map(([key, inner]) => `${humanizeField(key)}: ${displayValue(inner)}`).join('; ');
  }
  return '—';
}
