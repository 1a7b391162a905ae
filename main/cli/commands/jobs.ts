// `wdt-bulk jobs` (docs: cli.md): every job in the store, newest first, with its counts and state.
import { t } from '../../../shared/i18n';
import { exitCodes, type CommandRun } from '../context';
import { cliServices } from '../cli-services';
import { parseCommand, usageError } from '../parse-command';
import { printJson, printLine } from '../output';

export const run: CommandRun = async (io, argv) => {
  const p = parseCommand(io, argv, {}, 'cli.usageJobs');
  if (typeof p === 'number') return p;
  const { positionals, lang, json } = p;
  if (positionals.length > 0) return usageError(io, p, 'cli.usageJobs', positionals.join(' '));
  const s = await cliServices(io, lang);
  try {
    // The same views the app's jobs list shows; the results path is the CLI's own addition (cli.md).
    const jobs = s.jobs.list().map((view) => ({
      job: view.id,
      operation: view.operation,
      state: view.state,
      created: view.createdAt,
      rows: s.jobs.rowCount(view.id),
      counts: view.counts,
      results: s.jobs.record(view.id)?.results_path ?? null,
    }));
    if (json) {
      printJson(io, { jobs });
      return exitCodes.ok;
    }
    if (jobs.length === 0) printLine(io, t(lang, 'cli.noJobs'));
    for (const j of jobs) {
      const counts = Object.entries(j.counts)
        .filter(([, n]) => n > 0)
        .map(([state, n]) => `${t(lang, `states.${state as keyof typeof j.counts}`)} ${n}`)
        .join(lang === 'zh-CN' ? '，' : ', ');
      printLine(io, t(lang, 'cli.jobLine', { job: j.job, state: j.state, operation: j.operation, created: j.created, rows: j.rows, counts }));
    }
    return exitCodes.ok;
  } finally {
    await s.close();
  }
};
