// Date cells: an Excel date (already converted by the reader) or text as clerks type it, always
// written as 'YYYY-MM-DD HH:mm:ss', the only form the API documents (有效期 2020-04-20 00:00:00).

const pad = (n: number): string => String(n).padStart(2, '0');

const patterns: readonly RegExp[] = [
  // 2027-01-01, 2027/1/1, 2027.1.1, optionally with 08:00 or 08:00:00
  /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T\s]+(\d{1,2}):(\d{1,2})(?::(\d{1,2}))?)?$/u,
  // 2027年1月1日, optionally with 8:00, 8:00:00 or 8时0分(0秒)
  /^(\d{4})年(\d{1,2})月(\d{1,2})日?(?:\s*(\d{1,2})[:时](\d{1,2})分?(?::?(\d{1,2})秒?)?)?$/u,
  // 20270101
  /^(\d{4})(\d{2})(\d{2})$/,
];

const daysIn = (year: number, month: number): number => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** 'YYYY-MM-DD HH:mm:ss', or null when the text is not a real date and time (2027-02-30 is not). */
export function normaliseDateText(text: string): string | null {
  const s = text.normalize('NFKC').trim();
  for (const pattern of patterns) {
    const m = pattern.exec(s);
    if (!m) continue;
    const [year, month, day, hour, minute, second] = Array.from({ length: 6 }, (_, i) => m[i + 1]).map((part) => (part === undefined ? 0 : Number(part))) as [
      number, number, number, number, number, number,
    ];
    if (year < 1900 || month < 1 || month > 12 || day < 1 || day > daysIn(year, month)) return null;
    if (hour > 23 || minute > 59 || second > 59) return null;
    return `${year}-${pad(month)}-${pad(day)} ${pad(hour)}:${pad(minute)}:${pad(second)}`;
  }
  return null;
}
