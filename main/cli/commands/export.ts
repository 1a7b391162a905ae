// `wdt-bulk export <job> --out <file>` (docs: cli.md): write a job's results workbook again.
import path from 'node:path';
import { t } from '../../../shared/i18n';
import { exitCodes, type CommandRun } from '../context';
import { cliServices } from '../cli-services';
import { exitCodeOf, jobJson } from '../job-run';
import { parseCommand, usageError } from '../parse-command';
import { printError, printJson, printLine } from '../output';

export const run: CommandRun = async (io, argv) => {
  const p = parseCommand(io, argv, { out: { type: 'string' } }, 'cli.usageExport');
  if (typeof p === 'number') return p;
  const { values, positionals, lang, json } = p;
  if (positionals.length !== 1 || !values.out) return usageError(io, p, 'cli.usageExport', positionals.slice(1).join(' ') || '--out?');
  const s = await cliServices(io, lang);
  try {
    const jobId = positionals[0]!;
    const written = await s.jobs.writeResults(jobId, lang, path.resolve(io.cwd, values.out));
    if (!written.ok) {
      printError(io, { json }, written.error);
      return exitCodes.nothingSubmitted;
    }
    if (json) printJson(io, jobJson(s, jobId));
    else printLine(io, t(lang, 'cli.results', { path: written.value }));
    return exitCodeOf(s, jobId, null);
  } finally {
    await s.close();
  }
};
