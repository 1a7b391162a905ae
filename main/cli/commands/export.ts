// `wdt-bulk export` (docs: cli.md).
import type { CommandRun } from '../context';

export const run: CommandRun = async (io) => {
  io.stderr.write('wdt-bulk export: not available in this build yet.\n');
  return 2;
};
