// The size guard runs before parsing: a payload is measured as JSON without building the string,
// and the walk stops as soon as the limit is passed, so a huge or cyclic payload costs little.
// Only plain objects and arrays are walked: a typed array, ArrayBuffer, Map or class instance is never
// part of a request, and `for…in` over a 50-million-element Uint8Array would block the process for
// half a minute before the first key is seen.

/** Plain JSON-like containers only: Object.prototype, Array.prototype, or no prototype at all. */
function isPlainContainer(v: object): boolean {
  if (ArrayBuffer.isView(v) || v instanceof ArrayBuffer) return false;
  if (typeof SharedArrayBuffer !== 'undefined' && v instanceof SharedArrayBuffer) return false;
  const proto: unknown = Object.getPrototypeOf(v);
  if (proto === Array.prototype) return Array.isArray(v);
  return proto === Object.prototype || proto === null;
}

/** True when `value` is plain JSON-like data of at most `limit` bytes (UTF-8 of its JSON form, roughly). */
export function payloadWithin(value: unknown, limit: number): boolean {
  let size = 0;
  const seen = new Set<object>();
  const walk = (v: unknown, depth: number): boolean => {
    if (depth > 64) return false;
    switch (typeof v) {
      case 'undefined':
        size += 4;
        break;
      case 'boolean':
        size += 5;
        break;
      case 'number':
        size += 24;
        break;
      case 'string':
        // Worst case 3 bytes per UTF-16 unit (CJK) plus quotes; escapes are rare and small.
        size += v.length * 3 + 2;
        break;
      case 'object': {
        if (v === null) {
          size += 4;
          break;
        }
        if (!isPlainContainer(v)) return false;
        if (seen.has(v)) return false; // cycles are not JSON
        seen.add(v);
        size += 2;
        if (Array.isArray(v)) {
          // An index loop: a ten-million-item array is refused after the first items that pass the limit.
          for (let i = 0; i < v.length; i += 1) {
            size += 1;
            if (size > limit || !walk(v[i], depth + 1)) return false;
          }
        } else {
          for (const key in v) {
            if (!Object.hasOwn(v, key)) continue;
            size += key.length * 3 + 4;
            if (size > limit || !walk((v as Record<string, unknown>)[key], depth + 1)) return false;
          }
        }
        seen.delete(v);
        break;
      }
      default:
        // bigint, symbol, function: never part of a request
        return false;
    }
    return size <= limit;
  };
  return walk(value, 0);
}
