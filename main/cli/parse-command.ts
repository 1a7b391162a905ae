// One way for the job commands to read their arguments: --lang and --json understood everywhere,
// --help prints the usage, a bad argument prints what was wrong and the usage (exit 2).
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { isLang, t, type Lang, type MessageKey } from '../../shared/i18n';
import { appError } from '../../shared/result';
import { exitCodes, type CliIo } from './context';
import { printError } from './output';

type Options = NonNullable<ParseArgsConfig['options']>;
const common = { lang: { type: 'string' }, json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } } as const;

export type Parsed<O extends Options> = ReturnType<typeof parseArgs<{ options: O & typeof common; allowPositionals: true; strict: true }>> & {
  lang: Lang;
  json: boolean;
};

/** The parsed command line, or the exit status when the command should end here (help, bad arguments). */
export function parseCommand<O extends Options>(io: CliIo, argv: string[], options: O, usage: MessageKey): Parsed<O> | number {
  const fallback: Lang = isLang(io.env.WDT_LANG) ? io.env.WDT_LANG : 'zh-CN';
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: { ...options, ...common }, allowPositionals: true, strict: true });
  } catch (e) {
    printError(io, { json: argv.includes('--json') }, appError('INVALID_ARGUMENT', `${t(fallback, 'cli.badArgs', { reason: (e as Error).message })}\n${t(fallback, usage)}`));
    return exitCodes.nothingSubmitted;
  }
  const values = parsed.values as Record<string, unknown>;
  const json = values.json === true;
  if (values.lang !== undefined && !isLang(values.lang)) {
    printError(io, { json }, appError('INVALID_ARGUMENT', `${t(fallback, 'cli.badArgs', { reason: `--lang ${String(values.lang)}` })}\n${t(fallback, usage)}`));
    return exitCodes.nothingSubmitted;
  }
  const lang: Lang = isLang(values.lang) ? values.lang : fallback;
  if (values.help === true) {
    io.stdout.write(t(lang, usage));
    return exitCodes.ok;
  }
  return { ...(parsed as unknown as Parsed<O>), lang, json };
}

/** A usage error after parsing (wrong number of arguments, a bad value). */
export function usageError(io: CliIo, p: { lang: Lang; json: boolean }, usage: MessageKey, reason: string): number {
  printError(io, { json: p.json }, appError('INVALID_ARGUMENT', `${t(p.lang, 'cli.badArgs', { reason })}\n${t(p.lang, usage)}`));
  return exitCodes.nothingSubmitted;
}
