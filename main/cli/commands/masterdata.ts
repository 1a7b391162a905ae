// `wdt-bulk masterdata refresh|status|check` (docs/masterdata.md): the local copy of the ERP's master
// data for a profile — refresh it (incremental, resumable), tell each list's age, and check a sheet
// against it (a create sheet offline; a cancel/pending list by querying the ERP with --query).
// Exit: 0 done / nothing to warn of · 1 refresh incomplete, warnings, or rows that cannot succeed ·
// 2 bad arguments or an unreadable file · 4 the ERP refused the account · 5 the store failed.
import path from 'node:path';
import { render, t, type Lang } from '../../../shared/i18n';
import { ageText } from '../../../shared/masterdata/age';
import { listIds, type ListId } from '../../../shared/masterdata/lists';
import { getOperation } from '../../../shared/operations/catalog';
import type { Services } from '../../services';
import type { ErpCheck } from '../../masterdata/md-service';
import { erpCheckJson, previewJson, refreshJson, statusJson, verdictWord } from '../../masterdata/md-views';
import { exitCodes, type CliIo, type CommandRun } from '../context';
import { cliServices } from '../cli-services';
import { exitCodeOfError } from '../job-run';
import { parseCommand, usageError, type Parsed } from '../parse-command';
import { printError, printJson, printLine } from '../output';

const options = {
  profile: { type: 'string' },
  list: { type: 'string', multiple: true },
  op: { type: 'string' },
  sheet: { type: 'string' },
  query: { type: 'boolean' },
} as const;
type P = Parsed<typeof options>;
const usage = 'masterdata.cli.usage';

export const run: CommandRun = async (io, argv) => {
  const p = parseCommand(io, argv, options, usage);
  if (typeof p === 'number') return p;
  const [sub, ...rest] = p.positionals;
  const lists = p.values.list ?? [];
  const unknown = lists.find((l) => !(listIds as readonly string[]).includes(l));
  if (unknown) return usageError(io, p, usage, `--list ${unknown}`);
  if (sub === 'refresh' || sub === 'status') {
    if (rest.length > 0) return usageError(io, p, usage, rest.join(' '));
  } else if (sub === 'check') {
    if (rest.length !== 1) return usageError(io, p, usage, rest.join(' ') || 'check <file>');
  } else return usageError(io, p, usage, sub ?? '');
  const s = await cliServices(io, p.lang);
  try {
    if (sub === 'refresh') return await refresh(io, s, p, lists as ListId[]);
    if (sub === 'status') return await status(io, s, p);
    return await check(io, s, p, rest[0]!);
  } finally {
    await s.close();
  }
};

async function refresh(io: CliIo, s: Services, p: P, lists: ListId[]): Promise<number> {
  const { lang, json } = p;
  const listName = (list: ListId) => t(lang, `masterdata.list.${list}`);
  const got = await s.masterdata.refresh(p.values.profile, {
    ...(lists.length > 0 ? { lists } : {}),
    // Progress goes to stderr, so stdout stays one JSON object (or the prose summary).
    onProgress: (g) => {
      if (!json && io.interactive) io.stderr.write(`${t(lang, 'masterdata.refresh.progress', { list: listName(g.list), calls: g.calls, records: g.records, until: g.untilMs === null ? '—' : new Date(g.untilMs).toISOString().slice(0, 10) })}\r`);
    },
  });
  if (!got.ok) {
    printError(io, { json }, got.error);
    return exitCodeOfError(got.error.code);
  }
  if (json) printJson(io, refreshJson(got.value, lang));
  else {
    if (got.value.notice) printLine(io, render(lang, got.value.notice));
    for (const l of got.value.lists) {
      if (l.outcome === 'fresh') printLine(io, t(lang, 'masterdata.refresh.done', { list: listName(l.list), records: l.records, calls: l.calls }));
      else if (l.notice) printLine(io, render(lang, l.notice));
    }
  }
  return got.value.complete ? exitCodes.ok : exitCodes.someRowsNotSucceeded;
}

async function status(io: CliIo, s: Services, p: P): Promise<number> {
  const got = await s.masterdata.status(p.values.profile);
  if (!got.ok) {
    printError(io, { json: p.json }, got.error);
    return exitCodeOfError(got.error.code);
  }
  const lists = statusJson(got.value.lists, s.clock.now(), p.lang);
  if (p.json) {
    printJson(io, { profile: got.value.profile, lists });
    return exitCodes.ok;
  }
  for (const l of lists) {
    const list = t(p.lang, `masterdata.list.${l.list}`);
    if (l.asOf === null) printLine(io, t(p.lang, 'masterdata.age.never', { list }));
    else printLine(io, t(p.lang, 'masterdata.age.line', { list, count: l.count, asOf: l.asOf, age: ageText(l.ageSeconds ?? 0, p.lang) }));
    if (l.resumable) printLine(io, t(p.lang, 'masterdata.age.resuming', { list }));
    if (l.notice) printLine(io, l.notice);
  }
  return exitCodes.ok;
}

/** `masterdata check <file>`: what `validate --check-erp` adds to validate, on its own. */
async function check(io: CliIo, s: Services, p: P, fileArg: string): Promise<number> {
  const { lang, json } = p;
  const op = p.values.op === undefined ? undefined : getOperation(p.values.op);
  if (p.values.op !== undefined && !op) return usageError(io, p, usage, `--op ${p.values.op}`);
  const read = await s.sheets.read(path.resolve(io.cwd, fileArg), { lang, ...(p.values.sheet ? { sheet: p.values.sheet } : {}), ...(op ? { operation: op.id } : {}) });
  if (!read.ok) {
    printError(io, { json }, read.error);
    return exitCodes.nothingSubmitted;
  }
  const sheet = read.value;
  const got = await s.masterdata.checkSheet(p.values.profile, sheet, { query: p.values.query === true });
  if (!got.ok) {
    printError(io, { json }, got.error);
    return exitCodeOfError(got.error.code);
  }
  if (!got.value) return usageError(io, p, usage, `${sheet.operation}: --query`);
  if (json) printJson(io, { file: sheet.file.name, sheet: sheet.sheet, operation: sheet.operation, ...erpCheckJson(got.value, lang) });
  else printErpCheck(io, got.value, lang);
  return erpCheckExit(got.value);
}

/** Exit 1 when the check warns of anything or finds rows that cannot succeed (or could not finish). */
export const erpCheckExit = (c: ErpCheck): number =>
  (c.kind === 'create' ? c.check.problems.length > 0 : c.preview.rows.some((r) => r.verdict === 'blocked') || !c.preview.complete)
    ? exitCodes.someRowsNotSucceeded
    : exitCodes.ok;

/** The check in prose: lists not checked, each warning, or each previewed document, then a summary line. */
export function printErpCheck(io: CliIo, c: ErpCheck, lang: Lang): void {
  if (c.kind === 'create') {
    for (const list of c.missingLists) printLine(io, t(lang, 'masterdata.check.listMissing', { list: t(lang, `masterdata.list.${list}`) }));
    for (const w of c.check.problems) printLine(io, t(lang, 'sheets.validate.warning', { row: w.row, column: w.column, message: render(lang, w.text) }));
    printLine(io, t(lang, 'masterdata.check.summary', { warnings: c.check.problems.length }));
    return;
  }
  const preview = previewJson(c.preview, (key) => c.rowsOf.get(key) ?? [], lang);
  if (preview.notice) printLine(io, preview.notice);
  for (const r of preview.rows) {
    const reason = r.reason ? ` — ${r.reason}` : '';
    printLine(io, t(lang, 'masterdata.preview.line', { row: r.rows.join(','), key: r.key, state: r.state || '—', verdict: verdictWord(r.verdict, lang), reason }));
  }
  printLine(io, t(lang, 'masterdata.preview.summary', { total: preview.rows.length, ...preview.counts, calls: preview.calls }));
}
