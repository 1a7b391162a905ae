// Columns this app writes beside the data in its own to-fix sheet (错误原因 / Error reason, 处理建议 /
// What to do; docs/results-workbook.md). A clerk who fixes that sheet and drops it again brings them back:
// they are the app's words, never data, so they are kept and listed as not sent like any unplaced column,
// but the mapping step does not stop to ask what they are.
import { langs, t } from '../../../shared/i18n';
import type { MessageKey } from '../../../shared/i18n';
import { normaliseHeader } from '../../../shared/operations/headers';

const ownKeys: readonly MessageKey[] = ['workbook.toFix.reason', 'workbook.results.hint'];

const own = new Set(ownKeys.flatMap((key) => langs.map((lang) => normaliseHeader(t(lang, key)))));

/** The header is one the app wrote itself beside a to-fix sheet's data, in either language. */
export const isOwnColumn = (header: string): boolean => own.has(normaliseHeader(header));
