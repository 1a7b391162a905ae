// `wdt-bulk validate <file> [--op] [--sheet] [--lang] [--json] [--problems out.xlsx]` (docs: cli.md). Reads and validates only;
// --problems also writes the problem list as a workbook (the review screen's export).
// Exit: 0 every row valid · 1 some rows invalid or duplicate (valid ones exist) · 2 nothing readable or no valid rows.
import path from 'node:path';
import { parseArgs } from 'node:util';
import { defaultLang, isLang, render, t } from '../../../shared/i18n';
import type { Lang } from '../../../shared/i18n';
import { getOperation, operations } from '../../../shared/operations/catalog';
import { isBlocking } from '../../../shared/operations/types';
import { appError, ok, type Result } from '../../../shared/result';
import { withWarnings } from '../../../shared/masterdata/check-create';
import type { ErpCheck } from '../../masterdata/md-service';
import { erpCheckJson } from '../../masterdata/md-views';
import { combineExitCodes, exitCodeOfError } from '../job-run';
import { erpCheckExit, printErpCheck } from './masterdata';
import type { SheetImport } from '../../sheets/read/types';
import { exitCodes } from '../context';
import type { CommandRun } from '../context';
import { cliServices, noKeychain } from '../cli-services';
import { ignoredColumnsLine, printError, printJson, printLine } from '../output';
import { mappingJson, mappingLine, mappingOption } from '../mapping-option';
import { writeProblemList } from '../../sheets/results/problem-list';

interface Finding {
  row: number;
  column: string;
  field: string;
  message: string;
}

export function validationSummary(sheet: SheetImport, lang: Lang) {
  const counts = { valid: 0, invalid: 0, duplicate: 0 };
  for (const row of sheet.rows) counts[row.disposition.kind]++;
  // `problems` keeps its meaning (what stops a row); warnings (rows sent anyway) are a key of their own.
  const problems: Finding[] = [];
  const warnings: Finding[] = [];
  for (const row of sheet.rows) {
    for (const p of row.problems) (isBlocking(p) ? problems : warnings).push({ row: p.row, column: p.column, field: p.field, message: render(lang, p.text) });
  }
  return {
    operation: sheet.operation,
    sheet: sheet.sheet,
    headerRow: sheet.headerRow,
    rows: sheet.rows.length,
    orders: sheet.orders.length,
    counts,
    // Left to right, as written: every header that names no field (kept in the results, never sent).
    ignoredColumns: [...sheet.ignoredColumns],
    // Which column mapping placed the columns (saved, or --mapping's file), and what still has no place.
    ...mappingJson(sheet),
    problems,
    warnings,
  };
}

export const run: CommandRun = async (io, argv) => {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        op: { type: 'string' },
        sheet: { type: 'string' },
        mapping: { type: 'string' },
        lang: { type: 'string' },
        json: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
        // docs/masterdata.md: a create sheet against the local copy of the ERP's master data; a list previewed with --query.
        'check-erp': { type: 'boolean' },
        query: { type: 'boolean' },
        profile: { type: 'string' },
        problems: { type: 'string' },
      },
    });
  } catch (e) {
    const json = argv.includes('--json');
    printError(io, { json }, appError('INVALID_ARGUMENT', t(defaultLang, 'sheets.cli.badArgs', { reason: (e as Error).message })));
    return exitCodes.nothingSubmitted;
  }
  const { values, positionals } = parsed;
  const json = values.json ?? false;
  const lang: Lang = isLang(values.lang) ? values.lang : defaultLang;
  if (values.help) {
    printLine(io, t(lang, 'sheets.cli.usageValidate'));
    return exitCodes.ok;
  }
  if (positionals.length !== 1 || (values.lang !== undefined && !isLang(values.lang))) {
    printError(io, { json }, appError('INVALID_ARGUMENT', t(lang, 'sheets.cli.usageValidate')));
    return exitCodes.nothingSubmitted;
  }
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
  const file = path.resolve(io.cwd, positionals[0] as string);
  // Nothing is sent and no secret read: the services without the keychain (the job store is never opened).
  // --check-erp --query reads the ERP, so it signs with the profile's secret from the keychain.
  const checkErp = values['check-erp'] === true;
  const s = await cliServices(io, lang, checkErp && values.query ? {} : { secrets: noKeychain() });
  let result;
  let erp: Result<ErpCheck | null> = ok(null);
  try {
    result = await s.sheets.read(file, { lang, ...(values.sheet !== undefined ? { sheet: values.sheet } : {}), ...(op ? { operation: op.id } : {}), ...mapping.value });
    if (result.ok && checkErp) erp = await s.masterdata.checkSheet(values.profile, result.value, { query: values.query === true });
  } finally {
    await s.close();
  }
  if (!result.ok) {
    printError(io, { json }, result.error);
    return exitCodes.nothingSubmitted;
  }
  if (!erp.ok) {
    printError(io, { json }, erp.error);
    return exitCodeOfError(erp.error.code);
  }
  // The master-data warnings join the sheet's own, on their rows (they never stop a row).
  const sheet = erp.value?.kind === 'create' ? { ...result.value, rows: withWarnings(result.value.rows, erp.value.check.problems) } : result.value;
  const summary = validationSummary(sheet, lang);
  let problemsFile: string | null = null;
  if (values.problems !== undefined) {
    const written = await writeProblemList(sheet, lang, path.resolve(io.cwd, values.problems));
    if (!written.ok) {
      printError(io, { json }, written.error);
      return exitCodes.nothingSubmitted;
    }
    problemsFile = written.value;
  }
  const sheetCode = summary.counts.valid === 0 ? exitCodes.nothingSubmitted : summary.counts.invalid + summary.counts.duplicate > 0 ? exitCodes.someRowsNotSucceeded : exitCodes.ok;
  const code = erp.value?.kind === 'preview' ? combineExitCodes([sheetCode, erpCheckExit(erp.value)]) : sheetCode;
  if (json) {
    const out = problemsFile === null ? summary : { ...summary, problemsFile };
    printJson(io, erp.value ? { ...out, erp: erpCheckJson(erp.value, lang) } : out);
    return code;
  }
  const opDef = getOperation(sheet.operation);
  printLine(io, t(lang, 'sheets.validate.summary', {
    file: sheet.file.name, sheet: sheet.sheet, headerRow: sheet.headerRow,
    operation: opDef ? `${opDef.label[lang]} ${opDef.method}` : sheet.operation, reason: render(lang, sheet.operationReason),
  }));
  printLine(io, t(lang, 'sheets.validate.counts', { rows: summary.rows, orders: summary.orders, ...summary.counts }));
  const mapped = mappingLine(sheet, lang);
  if (mapped) printLine(io, mapped);
  const ignored = ignoredColumnsLine(lang, summary.ignoredColumns);
  if (ignored) printLine(io, ignored);
  for (const notice of sheet.notices) printLine(io, t(lang, 'sheets.validate.notice', { message: render(lang, notice.text) }));
  for (const p of summary.problems) printLine(io, t(lang, 'sheets.validate.problem', { row: p.row, column: p.column, message: p.message }));
  for (const w of summary.warnings) printLine(io, t(lang, 'sheets.validate.warning', { row: w.row, column: w.column, message: w.message }));
  if (erp.value?.kind === 'create') for (const list of erp.value.missingLists) printLine(io, t(lang, 'masterdata.check.listMissing', { list: t(lang, `masterdata.list.${list}`) }));
  if (erp.value?.kind === 'preview') printErpCheck(io, erp.value, lang);
  if (problemsFile !== null) printLine(io, t(lang, 'problems.cli.written', { count: summary.problems.length + summary.warnings.length, path: problemsFile }));
  if (code === exitCodes.ok) printLine(io, t(lang, 'sheets.validate.allValid'));
  if (code === exitCodes.nothingSubmitted) printLine(io, t(lang, 'sheets.validate.noValidRows'));
  return code;
};
