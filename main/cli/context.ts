// What every CLI command receives: its streams and environment, never process globals directly,
// so tests can run commands in-process as well as in a child process.
import type { Lang } from '../../shared/i18n';

export interface CliIo {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  env: NodeJS.ProcessEnv;
  cwd: string;
  /** True when a person is at a terminal (confirmation prompts are possible). */
  interactive: boolean;
}

/** Options every command understands (docs: cli.md). */
export interface GlobalOptions {
  lang: Lang;
  json: boolean;
}

/** Exit statuses (docs: cli.md, "Exit status"). */
export const exitCodes = {
  ok: 0,
  someRowsNotSucceeded: 1,
  nothingSubmitted: 2,
  waiting: 3,
  credentialsRefused: 4,
  storeFailed: 5,
} as const;

export type CommandRun = (io: CliIo, argv: string[]) => Promise<number>;
