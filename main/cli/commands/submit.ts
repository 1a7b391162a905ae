// `wdt-bulk submit <file>` (docs: cli.md): read, validate, store the job, send it within the profile's
// limits, and write the results workbook. The same services as the desktop app; prose or --json out.
import path from 'node:path';
import { render, t, type Lang } from '../../../shared/i18n';
import { getOperation, operations } from '../../../shared/operations/catalog';
import { takesOption, type OperationId } from '../../../shared/operations/types';
import { appError } from '../../../shared/result';
import type { Services } from '../../services';
import { exitCodes, type CliIo, type CommandRun } from '../context';
import { cliServices } from '../cli-services';
import { earlierJson, exitCodeOfError, jobCreatedLine, jobJson, outFolderRefused, runJob, sendOptions, sendTarget } from '../job-run';
import { confirmSend } from '../confirm';
import { doneLines } from '../../jobs/done-keys';
import { parseCommand } from '../parse-command';
import { ignoredColumnsLine, printError, printJson, printLine } from '../output';
import { mappingJson, mappingLine, mappingOption } from '../mapping-option';
import type { ReadOptions } from '../../sheets/read/types';
import { countRows } from '../../sheets/read/import-rows';
import { briefsOf } from '../../../shared/row-list';

const options = {
  op: { type: 'string' },
  sheet: { type: 'string' },
  mapping: { type: 'string' },
  profile: { type: 'string' },
  check: { type: 'boolean' },
  ...sendOptions,
} as const;

export const run: CommandRun = async (io, argv) => {
  const p = parseCommand(io, argv, options, 'cli.usageSubmit');
  if (typeof p === 'number') return p;
  const { values, lang, json } = p;
  const args = sendTarget(io, p, 'cli.usageSubmit', 'file?');
  if (typeof args === 'number') return args;
  const { waitSeconds } = args;
  const op = values.op === undefined ? undefined : getOperation(values.op);
  if (values.op !== undefined && !op) {
    const params = { op: values.op, candidates: operations.map((o) => o.id).join(', ') };
    printError(io, { json }, appError('OPERATION_UNKNOWN', t(lang, 'sheets.operation.unknownId', params)));
    return exitCodes.nothingSubmitted;
  }

  const mapping = await mappingOption(io.cwd, values.mapping, op?.id, lang);
  if (!mapping.ok) {
    printError(io, { json }, mapping.error);
    return exitCodes.nothingSubmitted;
  }

  const s = await cliServices(io, lang);
  try {
    return await submit(io, s, { ...values, mapping: mapping.value.mapping, includeDone: values['include-done'] ?? false, file: path.resolve(io.cwd, args.target), opId: op?.id, lang, json, waitSeconds });
  } finally {
    await s.close();
  }
};

async function submit(
  io: CliIo,
  s: Services,
  o: { file: string; opId: OperationId | undefined; mapping: ReadOptions['mapping']; sheet?: string | undefined; profile?: string | undefined; check?: boolean | undefined; out?: string | undefined; yes?: boolean | undefined; includeDone: boolean; lang: Lang; json: boolean; waitSeconds: number },
): Promise<number> {
  const { lang, json } = o;
  const unwritable = outFolderRefused(io, o.out, { json, lang });
  if (unwritable !== null) return unwritable;
  const resolved = await s.profiles.resolve(o.profile, io.env);
  if (!resolved.ok) {
    printError(io, { json }, resolved.error);
    return exitCodes.nothingSubmitted;
  }
  const read = await s.sheets.read(o.file, { lang, ...(o.sheet ? { sheet: o.sheet } : {}), ...(o.opId ? { operation: o.opId } : {}), ...(o.mapping ? { mapping: o.mapping } : {}) });
  if (!read.ok) {
    printError(io, { json }, read.error);
    return exitCodes.nothingSubmitted;
  }
  const sheet = read.value;
  // Never silently: the columns that will not be sent are said before anything is (stderr keeps --json's stdout clean).
  const ignored = ignoredColumnsLine(lang, sheet.ignoredColumns);
  if (ignored) io.stderr.write(`${ignored}\n`);
  const mapped = mappingLine(sheet, lang);
  if (mapped) io.stderr.write(`${mapped}\n`);
  const opDef = getOperation(sheet.operation)!;
  if (o.check && !takesOption(opDef, 'isCheck')) {
    printError(io, { json }, appError('INVALID_ARGUMENT', t(lang, 'cli.checkOnlyCreate')));
    return exitCodes.nothingSubmitted;
  }
  if (sheet.orders.length === 0) {
    const invalid = countRows(sheet.rows, (r) => r.disposition.kind === 'invalid');
    const duplicate = countRows(sheet.rows, (r) => r.disposition.kind === 'duplicate');
    printError(io, { json }, appError('NO_VALID_ROWS', t(lang, 'cli.noValidRows', { file: sheet.file.name, invalid, duplicate }), { file: sheet.file.name }));
    return exitCodes.nothingSubmitted;
  }
  const profile = resolved.value.profile;
  const meta = s.jobs.meta(sheet, resolved.value, o.check ?? false, lang);
  // Never twice by accident: what an earlier job already did on this account is said, and skipped unless --include-done.
  const done = s.jobs.doneReport(sheet, meta, o.includeDone);
  for (const line of doneLines(lang, done, opDef, o.includeDone)) io.stderr.write(`${line}\n`);
  const toSend = briefsOf(sheet.orders).filter((order) => !done.skip.has(order.key));
  const rows = toSend.reduce((n, order) => n + order.rows.length, 0);
  const calls = Math.ceil(toSend.length / meta.perCall);
  const refused = await confirmSend(io, { json, lang, yes: o.yes }, profile, opDef, { orders: toSend.length, rows, calls });
  if (refused !== null) return refused;
  const created = s.jobs.create({ sheet, meta, done });
  if (!created.ok) {
    printError(io, { json }, created.error);
    return exitCodeOfError(created.error.code);
  }
  const jobId = created.value;
  if (!json) {
    printLine(io, jobCreatedLine(lang, jobId, meta, opDef, { rows: sheet.rows.length, orders: toSend.length, calls }));
    for (const notice of sheet.notices) io.stderr.write(`${render(lang, notice.text)}\n`);
  }
  const ran = await runJob(io, s, jobId, { waitSeconds: o.waitSeconds, out: o.out, lang, json });
  if (ran.error) io.stderr.write(`${ran.error.message}\n`);
  if (json) printJson(io, { ...jobJson(s, jobId), mapping: mappingJson(sheet).mapping, earlier: earlierJson(s, jobId, done, o.includeDone), ...(ran.error ? { error: ran.error } : {}) });
  return ran.code;
}
