// What the results workbook says of an order the clerk withdrew after a preview showed it cannot
// succeed: excluded by the clerk, when the preview ran, and the ERP's state and reason it found — so the
// audit record shows why a row of the sheet was never sent. Orders the preview did not block keep the
// plain "skipped on review" note (the job store's default).
import type { LocalizedText } from '../../shared/i18n';
import type { Note } from '../jobs/records';
import type { PreviewReport } from './preview';

/** A preview as kept for the read it was made of: the report and when (China time, as shown). */
export interface KeptPreview {
  report: PreviewReport;
  at: string;
}

/** Notes per order key of the blocked documents among `keys` (the orders the clerk withdrew). */
export function droppedNotes(kept: KeptPreview, keys: Iterable<string>): Map<string, Note[]> {
  const blocked = new Map(kept.report.rows.filter((r) => r.verdict === 'blocked').map((r) => [r.key, r]));
  const notes = new Map<string, Note[]>();
  for (const key of keys) {
    const row = blocked.get(key);
    if (!row) continue;
    const found: LocalizedText[] = row.found ? [{ key: 'masterdata.review.foundAs', params: { no: row.found } }] : [];
    notes.set(key, [
      { text: { key: 'masterdata.review.dropped', params: { at: kept.at } } },
      ...(row.reason ? [{ text: row.reason }] : []),
      ...row.labels.map((text) => ({ text })),
      ...found.map((text) => ({ text })),
    ]);
  }
  return notes;
}
