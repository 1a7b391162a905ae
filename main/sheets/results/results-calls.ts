// `请求日志 Calls`: one line per attempt (one HTTP try of a call), as the store recorded it. JobAttemptView carries no secret and
// no sign by construction; this sheet writes only its fields.
import { t } from '../../../shared/i18n';
import type { Lang, MessageKey } from '../../../shared/i18n';
import type { JobReportSource } from '../../jobs/report';
import { localDateValue, numberOrNull, plainText } from './results-cells';
import type { PlainValue } from './results-cells';
import { dateStyle, resultsSheetNames, wrapStyle } from './results-layout';
import { SheetStream } from './results-sheet';
import type { CellStyle, StreamBook } from './results-sheet';

const columns = ['call', 'method', 'orders', 'attempt', 'outcome', 'httpStatus', 'erpStatus', 'erpMessage', 'duration', 'at'] as const;
const widths = [8, 40, 8, 10, 14, 10, 10, 60, 12, 20];

const outcomeKeys = new Set(['answered', 'rate-limited', 'credentials-refused', 'request-refused', 'wrong-address', 'clock-skew', 'not-sent', 'unknown', 'reconciled']);

/** The outcome in the workbook's language; an outcome this version does not know is written as recorded. */
function outcomeText(lang: Lang, outcome: string): string {
  return outcomeKeys.has(outcome) ? t(lang, `workbook.outcome.${outcome}` as MessageKey) : plainText(outcome);
}

/** One pass over the attempts; the auto-filter is sized when the sheet closes. */
export async function writeCallsSheet(book: StreamBook, source: JobReportSource): Promise<void> {
  const { lang } = source;
  const sheet = SheetStream.open(book, {
    name: resultsSheetNames.calls,
    headers: columns.map((c) => t(lang, `workbook.calls.${c}`)),
    widths,
    filter: true,
  });
  for (const attempt of source.attempts()) {
    const at = localDateValue(attempt.at);
    const values: PlainValue[] = [
      numberOrNull(attempt.call), plainText(attempt.method), numberOrNull(attempt.orders), numberOrNull(attempt.attempt), outcomeText(lang, attempt.outcome),
      numberOrNull(attempt.httpStatus), numberOrNull(attempt.erpStatus), attempt.erpMessage ? plainText(attempt.erpMessage) : null, numberOrNull(attempt.durationMs), at,
    ];
    const styles: (CellStyle | undefined)[] = [];
    styles[7] = wrapStyle;
    if (at instanceof Date) styles[9] = dateStyle;
    await sheet.write(values, styles);
  }
  sheet.commit();
}
