// `wdt-bulk sandbox` (docs: cli.md).
import type { CommandRun } from '../context';

export const run: CommandRun = async (io) => {
  io.stderr.write('wdt-bulk sandbox: not available in this build yet.\n');
  return 2;
};
