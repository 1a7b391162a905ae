// Prose or JSON out, one style for every command.
import { t, type Lang } from '../../shared/i18n';
import type { AppError } from '../../shared/result';
import type { CliIo, GlobalOptions } from './context';

export function printJson(io: CliIo, value: unknown): void {
  io.stdout.write(`${JSON.stringify(value)}\n`);
}

export function printLine(io: CliIo, line = ''): void {
  io.stdout.write(`${line}\n`);
}

/** Prints an error the way the options ask: `{"error":{code,message}}` on stdout with --json, prose on stderr otherwise. */
export function printError(io: CliIo, options: Pick<GlobalOptions, 'json'>, error: AppError): void {
  if (options.json) printJson(io, { error: { code: error.code, message: error.message } });
  else io.stderr.write(`${error.message}\n`);
}

/** The line naming the columns that will not be sent (validate prints it, submit says it before sending); null when there are none. */
export function ignoredColumnsLine(lang: Lang, columns: readonly string[]): string | null {
  return columns.length === 0 ? null : t(lang, 'sheets.validate.ignoredColumns', { columns: columns.join(lang === 'zh-CN' ? '、' : ', ') });
}
