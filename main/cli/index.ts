// The `wdt-bulk` command line: a second front door to the same services as the desktop app.
import { appError } from '../../shared/result';
import type { CliIo, CommandRun } from './context';
import { printError } from './output';
import { guardProcess, reportUnexpected } from './unexpected';
// Commands load on demand: `wdt-bulk jobs` need not load exceljs, and a resume starts sooner.
const lazy =
  (load: () => Promise<{ run: CommandRun }>): CommandRun =>
  async (io, argv) =>
    (await load()).run(io, argv);

export const commands: Record<string, CommandRun> = {
  submit: lazy(() => import('./commands/submit')),
  validate: lazy(() => import('./commands/validate')),
  template: lazy(() => import('./commands/template')),
  jobs: lazy(() => import('./commands/jobs')),
  resume: lazy(() => import('./commands/resume')),
  export: lazy(() => import('./commands/export')),
  resend: lazy(() => import('./commands/resend')),
  profiles: lazy(() => import('./commands/profiles')),
  sandbox: lazy(() => import('./commands/sandbox')),
  masterdata: lazy(() => import('./commands/masterdata')),
};

const usage = `Usage: wdt-bulk <command> [options]

Commands:
  submit <file>                    read, validate, submit, and write the results workbook
  validate <file>                  read and validate only; nothing is sent, nothing is stored
  template <operation> --out <f>   write the import template of an operation
  jobs                             list the jobs in the store
  resume [job]                     go on with unfinished jobs
  export <job> --out <file>        write a job's results workbook again
  resend <job>                     resend a finished job's failed, invalid and unknown rows as a linked job
  profiles list|add|remove|test    manage profiles
  sandbox [--port N]               run the built-in sandbox ERP on loopback
  masterdata refresh|status|check  the local copy of the ERP's master data; check a sheet against it

Run "wdt-bulk <command> --help" for a command's options.
`;

export function processIo(): CliIo {
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    stdin: process.stdin,
    env: process.env,
    cwd: process.cwd(),
    interactive: Boolean(process.stdin.isTTY && process.stdout.isTTY),
  };
}

/** Runs one command line; resolves to the exit status. Never throws: the unexpected is one line plus a log entry. */
export async function main(argv: string[], given?: CliIo): Promise<number> {
  const io = given ?? processIo();
  if (!given) guardProcess(io, argv);
  try {
    const [name, ...rest] = argv;
    if (!name || name === '--help' || name === '-h' || name === 'help') {
      io.stdout.write(usage);
      return name ? 0 : 2;
    }
    // Own keys only: `constructor`, `__proto__`, `toString` are names of every object, not commands.
    const command = Object.hasOwn(commands, name) ? commands[name] : undefined;
    if (!command) {
      if (argv.includes('--json')) printError(io, { json: true }, appError('INVALID_ARGUMENT', `wdt-bulk: unknown command "${name}".`));
      else io.stderr.write(`wdt-bulk: unknown command "${name}".\n\n${usage}`);
      return 2;
    }
    return await command(io, rest);
  } catch (error) {
    return reportUnexpected(io, argv, error);
  }
}
