// Cells the clerk edited in the review grid, marked in the results workbook (Results and To fix): a blue fill
// so they stand out from the state colours, and a note with the text the source file has (issue 16 item 2).
import type { Style } from 'exceljs';
import { t } from '../../../shared/i18n';
import type { Lang } from '../../../shared/i18n';
import type { CellStyle } from './results-sheet';
import { plainStyle } from './results-layout';

/** The edited look: the cell's own style (a number format, text format) with the fill laid over it. */
const editedFill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBFF' } } as const;
const editedStyles = new WeakMap<CellStyle, CellStyle>();

/** One shared style object per base style: exceljs caches a style id by identity. */
export function editedStyle(base: CellStyle | undefined): CellStyle {
  const from = base ?? plainStyle;
  let style = editedStyles.get(from);
  if (!style) editedStyles.set(from, (style = Object.freeze({ ...(from as Partial<Style>), fill: editedFill }) as CellStyle));
  return style;
}

/** The note on an edited cell: that it was edited here, and what the file had (an empty cell said as such). */
export const editedNote = (lang: Lang, original: string): string =>
  t(lang, 'edit.workbook.note', { original: original === '' ? t(lang, 'edit.ui.originalEmpty') : original });

/** A row's edits by source column (0-based). */
export const editsByColumn = (row: { edits?: readonly { column: number; original: string }[] }): ReadonlyMap<number, string> | null =>
  row.edits && row.edits.length > 0 ? new Map(row.edits.map((e) => [e.column, e.original])) : null;
