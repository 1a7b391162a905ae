// How a code typed in a sheet is compared with the ERP's codes for "did you mean": the ways clerks'
// codes drift from the ERP's without being other codes — spaces around, upper/lower case, full-width
// characters (ＷＨ００１ from a Chinese input method), and leading zeros Excel drops from a number
// (000123 → 123). Exact codes are always compared exactly; this key only proposes a near one.

/** NFKC (full width → half width), trimmed, lower case, leading zeros of every digit run dropped. */
export function looseKey(code: string): string {
  return code
    .normalize('NFKC')
    .trim()
    .toLowerCase()
    .replace(/(^|\D)0+(?=\d)/g, '$1');
}
