// `汇总 Summary`: what ran, where, by whom, from which file (and its SHA-256), when (local time with zone),
// and how many rows ended in each state. The counts are taken from the rows written, so they add up to the
// rows read by construction; the total row says so. A bar beside each count and the most common reasons for
// failure give the same picture of the outcome as the results screen.
import { t } from '../../../shared/i18n';
import type { Lang, MessageKey } from '../../../shared/i18n';
import { getOperation } from '../../../shared/operations/catalog';
import { takesOption } from '../../../shared/operations/types';
import { finalStates } from '../../../shared/states';
import type { RowState, StateCounts } from '../../../shared/states';
import type { ReasonCount } from '../../../shared/top-reasons';
import type { JobSummary } from '../../jobs/report';
import { localTimeText, plainText, zoneText } from './results-cells';
import type { PlainValue } from './results-cells';
import { labelStyle, resultsSheetNames, stateStyle, stateWord } from './results-layout';
import { openSheet, writeRow } from './results-sheet';
import type { StreamBook } from './results-sheet';

export interface SummaryInput {
  summary: JobSummary;
  lang: Lang;
  /** Rows per state, counted from the rows written. */
  counts: StateCounts;
  rows: number;
  /** When this workbook is written. */
  now: Date;
  /** The most common reasons for failure (shared/top-reasons.ts). */
  reasons?: readonly ReasonCount[];
}

/** A bar of full blocks, one per 5% (a chart every spreadsheet program shows, and a printout too). */
const barWidth = 20;
export const shareBar = (count: number, total: number): string => {
  if (total <= 0 || count <= 0) return '';
  const share = count / total;
  return `${'█'.repeat(Math.max(1, Math.round(share * barWidth)))} ${Math.round(share * 100)}%`;
};

/** The states listed on the summary: the six final ones, and `pending` only when some row still is. */
export const summaryStates = (counts: StateCounts): RowState[] => [...finalStates, ...(counts.pending > 0 ? (['pending'] as const) : [])];

function facts(input: SummaryInput): [MessageKey, PlainValue][] {
  const { summary: s, lang } = input;
  const op = getOperation(s.operation);
  const time = (iso: string | null, missing: MessageKey) => (iso ? localTimeText(iso) : t(lang, missing));
  const list: [MessageKey, PlainValue][] = [
    ['workbook.summary.job', s.id],
    ['workbook.summary.operation', op ? (lang === 'en' ? `${op.label.en} (${op.id})` : `${op.label['zh-CN']}（${op.id}）`) : s.operation],
    ['workbook.summary.method', s.method],
  ];
  if (op && takesOption(op, 'isCheck')) list.push(['workbook.summary.isCheck', t(lang, s.isCheck ? 'workbook.yes' : 'workbook.no')]);
  list.push(
    ['workbook.summary.profile', s.profileName],
    ['workbook.summary.environment', s.environment.toUpperCase()],
    ['workbook.summary.sid', s.sid],
    ['workbook.summary.source', s.sourceName],
    ['workbook.summary.sourcePath', s.sourcePath],
    ['workbook.summary.sha256', s.sourceSha256],
    ['workbook.summary.sheet', s.sheet],
    ['workbook.summary.headerRow', s.headerRow],
    ['workbook.summary.operator', s.operator],
    ['workbook.summary.appVersion', s.appVersion],
    ['workbook.summary.created', localTimeText(s.createdAt)],
    ['workbook.summary.started', time(s.startedAt, 'workbook.summary.notStarted')],
    ['workbook.summary.finished', time(s.finishedAt, 'workbook.summary.notFinished')],
    ['workbook.summary.written', localTimeText(input.now.toISOString())],
    ['workbook.summary.timeZone', zoneText(input.now)],
    ['workbook.summary.jobState', t(lang, `workbook.jobState.${s.state}`)],
    ['workbook.summary.attempts', s.attempts],
  );
  // The link between jobs (issue 16): a follow-up names the job it resends rows of; an original, its follow-ups.
  if (s.followsJob) list.push(['resend.summary.follows', s.followsJob]);
  if (s.followUps && s.followUps.length > 0) list.push(['resend.summary.followUps', s.followUps.join(lang === 'en' ? ', ' : '，')]);
  return list;
}

export function writeSummarySheet(book: StreamBook, input: SummaryInput): void {
  const { lang, counts } = input;
  const states = summaryStates(counts);
  const ws = openSheet(book, {
    name: resultsSheetNames.summary,
    headers: [t(lang, 'workbook.summary.item'), t(lang, 'workbook.summary.value')],
    widths: [36, 70, 28],
    filter: false,
  });
  for (const [key, value] of facts(input)) {
    writeRow(ws, [t(lang, key), typeof value === 'string' ? plainText(value) : value], [labelStyle]);
  }
  writeRow(ws, []);
  writeRow(ws, [t(lang, 'workbook.summary.state'), t(lang, 'workbook.summary.rows'), t(lang, 'workbook.summary.share')], [labelStyle, labelStyle, labelStyle]);
  for (const state of states) writeRow(ws, [stateWord(lang, state), counts[state], shareBar(counts[state], input.rows)], [stateStyle[state]]);
  writeRow(ws, [t(lang, 'workbook.summary.total'), input.rows], [labelStyle, labelStyle]);
  if (input.reasons && input.reasons.length > 0) {
    writeRow(ws, []);
    writeRow(ws, [t(lang, 'workbook.summary.topReasons'), t(lang, 'workbook.summary.rows')], [labelStyle, labelStyle]);
    for (const r of input.reasons) writeRow(ws, [plainText(r.message), r.count]);
  }
  ws.commit();
}
