// `wdt-bulk resume [job]` (docs: cli.md): go on with unfinished jobs — waiting for the network,
// interrupted, paused, or left mid-flight by a crash (their in-doubt calls are settled first).
import { t } from '../../../shared/i18n';
import { exitCodes, type CommandRun } from '../context';
import { cliServices } from '../cli-services';
import { combineExitCodes, jobJson, parseWait, runJob, type JobJson } from '../job-run';
import { parseCommand, usageError } from '../parse-command';
import { printError, printJson, printLine } from '../output';

export const run: CommandRun = async (io, argv) => {
  const p = parseCommand(io, argv, { out: { type: 'string' }, wait: { type: 'string' } }, 'cli.usageResume');
  if (typeof p === 'number') return p;
  const { values, positionals, lang, json } = p;
  const waitSeconds = parseWait(values.wait);
  if (waitSeconds === null) return usageError(io, p, 'cli.usageResume', t(lang, 'cli.badWait'));
  if (positionals.length > 1) return usageError(io, p, 'cli.usageResume', positionals.slice(1).join(' '));
  const s = await cliServices(io, lang);
  try {
    let ids: string[];
    if (positionals[0]) {
      const job = s.jobs.get(positionals[0]);
      if (!job.ok) {
        printError(io, { json }, job.error);
        return exitCodes.nothingSubmitted;
      }
      ids = [job.value.id];
    } else ids = s.jobs.unfinished().map((j) => j.id);
    if (ids.length === 0 && !json) printLine(io, t(lang, 'cli.nothingToResume'));
    const out: (JobJson & { error?: { code: string; message: string } })[] = [];
    const codes: number[] = [];
    for (const id of ids) {
      const ran = await runJob(io, s, id, { waitSeconds, out: ids.length === 1 ? values.out : undefined, lang, json });
      if (ran.error && !json) io.stderr.write(`${t(lang, 'cli.skippedBusy', { message: ran.error.message })}\n`);
      codes.push(ran.code);
      out.push({ ...jobJson(s, id), ...(ran.error ? { error: ran.error } : {}) });
    }
    if (json) printJson(io, { jobs: out });
    return combineExitCodes(codes);
  } finally {
    await s.close();
  }
};
