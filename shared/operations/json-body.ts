// The request body of a call: the JSON array of its positional arguments.
// Why not plain JSON.stringify: the body is signed byte-for-byte (the sign hashes the exact string
// that is sent), and Decimal(19,4) quantities and money must reach the ERP exactly as the clerk
// typed them. A JavaScript number is a binary float: 100000000000000.0001 cannot be held by one,
// so decimals travel as JsonDecimal and are written as bare JSON number tokens from their text.

/** JSON's number grammar; a decimal string from cells.ts always fits it. */
const jsonNumber = /^-?(0|[1-9]\d*)(\.\d+)?$/;

/** A decimal that serializeArgs writes as a bare number token, digit for digit. */
export class JsonDecimal {
  readonly text: string;
  constructor(text: string) {
    // A malformed decimal here is a bug upstream (cells.ts produces canonical strings), so throw.
    if (!jsonNumber.test(text)) throw new Error(`jsonDecimal: not a plain decimal: ${JSON.stringify(text)}`);
    this.text = text;
  }
}

/** Marks a canonical decimal string ("12.3456") to be written as the JSON number 12.3456. */
export const jsonDecimal = (text: string): JsonDecimal => new JsonDecimal(text);

function write(value: unknown): string | undefined {
  if (value instanceof JsonDecimal) return value.text;
  if (Array.isArray(value)) {
    // Like JSON.stringify: holes, undefined and functions inside arrays become null.
    return `[${value.map((item) => write(item) ?? 'null').join(',')}]`;
  }
  if (value !== null && typeof value === 'object' && !('toJSON' in value)) {
    const parts: string[] = [];
    for (const [name, item] of Object.entries(value)) {
      const text = write(item);
      if (text !== undefined) parts.push(`${JSON.stringify(name)}:${text}`);
    }
    return `{${parts.join(',')}}`;
  }
  return JSON.stringify(value) as string | undefined;
}

/** The exact body string of a call: compact JSON, decimals verbatim. */
export function serializeArgs(args: unknown[]): string {
  return write(args) ?? '[]';
}
