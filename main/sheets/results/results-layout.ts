// The results workbook's fixed parts: its four sheet names (bilingual in both languages, so the reader and the
// clerk recognise them whatever the app's language), the state words and colours, and the shared cell styles.
// Styles are frozen singletons: exceljs's style registry caches by object identity, which keeps a
// 100,000-row write from registering a style per cell.
import type { Style } from 'exceljs';
import { t } from '../../../shared/i18n';
import type { Lang } from '../../../shared/i18n';
import type { RowState } from '../../../shared/states';

export const resultsSheetNames = {
  summary: '汇总 Summary',
  results: '明细 Results',
  toFix: '失败 To fix',
  calls: '请求日志 Calls',
} as const;

/** Rows that need the clerk's action, and so go to the to-fix sheet. */
const needsAction: ReadonlySet<RowState> = new Set<RowState>(['failed', 'invalid', 'unknown']);

/**
 * A row goes to the to-fix sheet when it needs action: failed, invalid, unknown, or never sent because the
 * job stopped before it (pending with no submit time). A pending row that was sent waits for its answer
 * (resume queries it): re-importing that one could submit it twice.
 */
export const goesToFix = (row: { state: RowState; submittedAt: string | null }): boolean =>
  needsAction.has(row.state) || (row.state === 'pending' && row.submittedAt === null);

/** The word a state cell holds (docs: "Every row ends in exactly one state"). */
export const stateWord = (lang: Lang, state: RowState): string => t(lang, `states.${state}`);

type CellStyle = Partial<Style>;
const frozen = <T extends CellStyle>(style: T): T => Object.freeze(style);

/** Cells with no style of their own (one shared object, so exceljs registers it once). */
export const plainStyle = frozen({});
export const headerStyle = frozen({
  font: { bold: true },
  fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } },
  alignment: { vertical: 'middle', wrapText: true },
} satisfies CellStyle);
export const labelStyle = frozen({ font: { bold: true } } satisfies CellStyle);
export const wrapStyle = frozen({ alignment: { wrapText: true, vertical: 'top' } } satisfies CellStyle);
export const dateStyle = frozen({ numFmt: 'yyyy-mm-dd hh:mm:ss' } satisfies CellStyle);
/** Identifier columns of the to-fix sheet: text, so a clerk typing 000123 keeps the zeros (as in the template). */
export const textStyle = frozen({ numFmt: '@' } satisfies CellStyle);

const fill = (argb: string) => ({ type: 'pattern', pattern: 'solid', fgColor: { argb } }) as const;
const green = frozen({ font: { color: { argb: 'FF006100' } }, fill: fill('FFC6EFCE') } satisfies CellStyle);
const red = frozen({ font: { color: { argb: 'FF9C0006' } }, fill: fill('FFFFC7CE') } satisfies CellStyle);
const amber = frozen({ font: { color: { argb: 'FF9C5700' } }, fill: fill('FFFFEB9C') } satisfies CellStyle);
const grey = frozen({ font: { color: { argb: 'FF3F3F3F' } }, fill: fill('FFD9D9D9') } satisfies CellStyle);

/** Green: done; red: the ERP or the check said no; amber: nobody knows yet; grey: never sent. */
export const stateStyle: Readonly<Record<RowState, CellStyle>> = Object.freeze({
  succeeded: green,
  failed: red,
  invalid: red,
  unknown: amber,
  duplicate: grey,
  skipped: grey,
  pending: grey,
});

/** Number-format styles by format code ('0.00'…), made once each. */
const numberStyles = new Map<string, CellStyle>();
export function numberStyle(numFmt: string): CellStyle {
  let style = numberStyles.get(numFmt);
  if (!style) {
    style = frozen({ numFmt });
    numberStyles.set(numFmt, style);
  }
  return style;
}
