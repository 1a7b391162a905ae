// `wdt-bulk submit` (docs: cli.md).
import type { CommandRun } from '../context';

export const run: CommandRun = async (io) => {
  io.stderr.write('wdt-bulk submit: not available in this build yet.\n');
  return 2;
};
