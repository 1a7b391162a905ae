// `wdt-bulk resend <job>` (docs/resend.md): a finished job's failed, invalid and unknown rows made into a
// follow-up job linked to it, and run — the same engine and the same done check as submit (a key another job
// did meanwhile is skipped unless --include-done). Rows still invalid are said and not sent; a job with no row
// to resend, or none that would go out, makes no job (exit 2). Prose or --json (submit's object + followsJob).
import { t, type Lang } from '../../../shared/i18n';
import { getOperation } from '../../../shared/operations/catalog';
import { doneLines } from '../../jobs/done-keys';
import type { Services } from '../../services';
import { cliServices } from '../cli-services';
import { confirmSend } from '../confirm';
import type { CliIo, CommandRun } from '../context';
import { earlierJson, exitCodeOfError, jobCreatedLine, jobJson, outFolderRefused, runJob, sendOptions, sendTarget } from '../job-run';
import { parseCommand } from '../parse-command';
import { printError, printJson, printLine } from '../output';
import { countRows } from '../../sheets/read/import-rows';
import { briefsOf } from '../../../shared/row-list';

export const run: CommandRun = async (io, argv) => {
  const p = parseCommand(io, argv, sendOptions, 'followup.cli.usage');
  if (typeof p === 'number') return p;
  const { values, lang, json } = p;
  const args = sendTarget(io, p, 'followup.cli.usage', 'job?');
  if (typeof args === 'number') return args;
  const unwritable = outFolderRefused(io, values.out, { json, lang });
  if (unwritable !== null) return unwritable;
  const s = await cliServices(io, lang);
  try {
    return await resend(io, s, { jobId: args.target, out: values.out, yes: values.yes, includeDone: values['include-done'] ?? false, waitSeconds: args.waitSeconds, lang, json });
  } finally {
    await s.close();
  }
};

async function resend(
  io: CliIo,
  s: Services,
  o: { jobId: string; out: string | undefined; yes: boolean | undefined; includeDone: boolean; waitSeconds: number; lang: Lang; json: boolean },
): Promise<number> {
  const { lang, json } = o;
  const fail = (error: Parameters<typeof printError>[2]) => {
    printError(io, { json }, error);
    return exitCodeOfError(error.code);
  };
  // Unknown job, one not ended (resume it first: exit 3), nothing to resend: each said, no job made.
  const draft = await s.jobs.followUpDraft(o.jobId);
  if (!draft.ok) return fail(draft.error);
  const sheet = draft.value;
  const original = s.jobs.record(o.jobId)!;
  const op = getOperation(original.operation)!;
  const invalid = countRows(sheet.rows, (r) => r.disposition.kind === 'invalid');
  io.stderr.write(`${t(lang, 'followup.cli.follows', { job: o.jobId, rows: sheet.rows.length, invalid })}\n`);
  const done = s.jobs.followUpDone(o.jobId, sheet, o.includeDone);
  if (!done.ok) return fail(done.error);
  for (const line of doneLines(lang, done.value, op, o.includeDone)) io.stderr.write(`${line}\n`);
  const toSend = briefsOf(sheet.orders).filter((order) => !done.value.skip.has(order.key));
  const rows = toSend.reduce((n, order) => n + order.rows.length, 0);
  const calls = Math.ceil(toSend.length / original.per_call);
  // A follow-up goes where its original went: production asks again, as submit does.
  const where = { name: original.profile_name, environment: original.environment === 'production' ? ('production' as const) : ('test' as const), sid: original.sid, baseUrl: original.base_url };
  const refused = await confirmSend(io, { json, lang, yes: o.yes }, where, op, { orders: toSend.length, rows, calls });
  if (refused !== null) return refused;

  const created = await s.jobs.followUp(o.jobId, new Map(), { includeDone: o.includeDone });
  if (!created.ok) return fail(created.error);
  const jobId = created.value;
  if (!json) printLine(io, jobCreatedLine(lang, jobId, { environment: original.environment, profileName: original.profile_name }, op, { rows: sheet.rows.length, orders: toSend.length, calls }));
  const ran = await runJob(io, s, jobId, { waitSeconds: o.waitSeconds, out: o.out, lang, json });
  if (ran.error) io.stderr.write(`${ran.error.message}\n`);
  if (json) printJson(io, { ...jobJson(s, jobId), mapping: null, earlier: earlierJson(s, jobId, done.value, o.includeDone), followsJob: o.jobId, ...(ran.error ? { error: ran.error } : {}) });
  return ran.code;
}
