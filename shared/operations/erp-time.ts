// Times as the ERP writes them: 'yyyy-MM-dd HH:mm:ss' in China time (UTC+8, no daylight saving) or
// epoch milliseconds (the stock-in query pages' examples). Both are accepted wherever the ERP answers.

const chinaOffsetMs = 8 * 3600_000;

/** 'yyyy-MM-dd HH:mm:ss' in China time, as the ERP shows and takes times. */
export function formatChinaTime(ms: number): string {
  return new Date(ms + chinaOffsetMs).toISOString().slice(0, 19).replace('T', ' ');
}

/** Epoch ms of an ERP time; null when it is neither form (a person must look). */
export function parseErpTime(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) && value >= 1e11 ? value : null;
  if (typeof value !== 'string') return null;
  const text = value.trim();
  if (/^\d{12,14}$/.test(text)) return Number(text);
  const m = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/.exec(text);
  if (!m) return null;
  const [, y, mo, d, h, mi, s] = m.map(Number) as [number, number, number, number, number, number, number];
  const ms = Date.UTC(y, mo - 1, d, h, mi, s) - chinaOffsetMs;
  // Date.UTC rolls 2024-02-31 over to March: only a real calendar time is a time.
  return formatChinaTime(ms) === text ? ms : null;
}
