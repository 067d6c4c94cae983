export interface JsonSyntaxErrorLocation {
  position: number;
  line: number;
  column: number;
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const ESCAPES = new Set(['"', '\\', '/', 'b', 'f', 'n', 'r', 't']);

type Expect = 'value' | 'valueOrClose' | 'key' | 'keyOrClose' | 'colon' | 'afterValue';

/** End of the string starting at `start` (index after the closing quote), or the failing index as -(i + 1). */
function scanString(text: string, start: number): number {
  for (let i = start + 1; i < text.length; i++) {
    const c = text.charAt(i);
    if (c === '"') {
      return i + 1;
    }
    if (c.charCodeAt(0) < 0x20) {
      return -(i + 1);
    }
    if (c === '\\') {
      const next = text.charAt(i + 1);
      if (next === 'u') {
        if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) {
          return -(i + 1);
        }
        i += 5;
      } else if (ESCAPES.has(next)) {
        i++;
      } else {
        return -(i + 1);
      }
    }
  }
  return -(text.length + 1);
}

/**
 * Where JSON text first goes wrong, because V8's JSON.parse messages do not always give a position.
 * Iterative (explicit stack), so it is safe on deep input. Returns undefined for valid JSON.
 */
export function locateJsonSyntaxError(text: string): JsonSyntaxErrorLocation | undefined {
  const position = findErrorPosition(text);
  if (position === undefined) {
    return undefined;
  }
  const before = text.slice(0, position);
  const line = before.split('\n').length;
  const column = position - before.lastIndexOf('\n');
  return { position, line, column };
}

function findErrorPosition(text: string): number | undefined {
  const stack: string[] = [];
  let expect: Expect = 'value';
  let i = 0;
  const isWhitespace = (c: string): boolean => c === ' ' || c === '\t' || c === '\n' || c === '\r';
  while (true) {
    while (i < text.length && isWhitespace(text.charAt(i))) {
      i++;
    }
    if (i >= text.length) {
      return expect === 'afterValue' && stack.length === 0 ? undefined : text.length;
    }
    const c = text.charAt(i);
    switch (expect) {
      case 'value':
      case 'valueOrClose': {
        if (expect === 'valueOrClose' && c === ']') {
          stack.pop();
          i++;
          expect = 'afterValue';
        } else if (c === '{') {
          stack.push('{');
          i++;
          expect = 'keyOrClose';
        } else if (c === '[') {
          stack.push('[');
          i++;
          expect = 'valueOrClose';
        } else if (c === '"') {
          const end = scanString(text, i);
          if (end < 0) {
            return -end - 1;
          }
          i = end;
          expect = 'afterValue';
        } else {
          NUMBER.lastIndex = i;
          const number = NUMBER.exec(text);
          const literal = ['true', 'false', 'null'].find((word) => text.startsWith(word, i));
          if (number) {
            i += number[0].length;
          } else if (literal) {
            i += literal.length;
          } else {
            return i;
          }
          expect = 'afterValue';
        }
        break;
      }
      case 'key':
      case 'keyOrClose': {
        if (expect === 'keyOrClose' && c === '}') {
          stack.pop();
          i++;
          expect = 'afterValue';
        } else if (c === '"') {
          const end = scanString(text, i);
          if (end < 0) {
            return -end - 1;
          }
          i = end;
          expect = 'colon';
        } else {
          return i;
        }
        break;
      }
      case 'colon':
        if (c !== ':') {
          return i;
        }
        i++;
        expect = 'value';
        break;
      case 'afterValue': {
        const top = stack[stack.length - 1];
        if (top === undefined) {
          return i;
        }
        if (c === ',') {
          expect = top === '{' ? 'key' : 'value';
        } else if ((c === '}' && top === '{') || (c === ']' && top === '[')) {
          stack.pop();
        } else {
          return i;
        }
        i++;
        break;
      }
    }
  }
}
