// `wdt-bulk template <operation> --out <file> [--lang] [--json]` (docs: cli.md).
import path from 'node:path';
import { parseArgs } from 'node:util';
import { defaultLang, isLang, t } from '../../../shared/i18n';
import type { Lang } from '../../../shared/i18n';
import { getOperation, operations } from '../../../shared/operations/catalog';
import { appError } from '../../../shared/result';
import { cliServices, noKeychain } from '../cli-services';
import { exitCodes } from '../context';
import type { CommandRun } from '../context';
import { printError, printJson, printLine } from '../output';

export const run: CommandRun = async (io, argv) => {
  const candidates = operations.map((o) => o.id).join(', ');
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { out: { type: 'string' }, lang: { type: 'string' }, json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
    });
  } catch (e) {
    printError(io, { json: argv.includes('--json') }, appError('INVALID_ARGUMENT', t(defaultLang, 'sheets.cli.badArgs', { reason: (e as Error).message })));
    return exitCodes.nothingSubmitted;
  }
  const { values, positionals } = parsed;
  const json = values.json ?? false;
  const lang: Lang = isLang(values.lang) ? values.lang : defaultLang;
  if (values.help) {
    printLine(io, t(lang, 'sheets.cli.usageTemplate', { candidates }));
    return exitCodes.ok;
  }
  if (positionals.length !== 1 || !values.out || (values.lang !== undefined && !isLang(values.lang))) {
    printError(io, { json }, appError('INVALID_ARGUMENT', t(lang, 'sheets.cli.usageTemplate', { candidates })));
    return exitCodes.nothingSubmitted;
  }
  const op = getOperation(positionals[0] as string);
  if (!op) {
    printError(io, { json }, appError('OPERATION_UNKNOWN', t(lang, 'sheets.operation.unknownId', { op: positionals[0] as string, candidates })));
    return exitCodes.nothingSubmitted;
  }
  const out = path.resolve(io.cwd, values.out);
  const s = await cliServices(io, lang, { secrets: noKeychain() });
  let written;
  try {
    written = await s.sheets.writeTemplate(op, lang, out);
  } finally {
    await s.close();
  }
  if (!written.ok) {
    printError(io, { json }, written.error);
    return exitCodes.nothingSubmitted;
  }
  if (json) printJson(io, { operation: op.id, method: op.method, template: out });
  else printLine(io, t(lang, 'sheets.template.written', { path: out }));
  return exitCodes.ok;
};
