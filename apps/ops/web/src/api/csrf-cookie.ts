/** Name of the double-submit CSRF cookie the ops API sets at login (readable by scripts on purpose). */
export const CSRF_COOKIE = 'cp_csrf';
export const CSRF_HEADER = 'X-CSRF-Token';

/** Value of one cookie from a `document.cookie` string, or null. */
export function readCookie(cookieString: string, name: string): string | null {
  for (const part of cookieString.split(';')) {
    const separator = part.indexOf('=');
    if (separator < 0) {
      continue;
    }
    if (part.slice(0, separator).trim() === name) {
      const raw = part.slice(separator + 1).trim();
      try {
        return decodeURIComponent(raw);
      } catch {
        return raw;
      }
    }
  }
  return null;
}

/** Methods that change state and therefore carry the CSRF header. */
export function isMutation(method: string): boolean {
  return !['GET', 'HEAD', 'OPTIONS'].includes(method.toUpperCase());
}
