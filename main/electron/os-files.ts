// Files the OS hands us on the command line (Windows/Linux "Open with", a second launch): every argument
// that is not a switch and has a spreadsheet extension. The token registry checks each one again.
import path from 'node:path';
import { importExtensions } from '../app-api/file-tokens';

export function filesFromArgv(argv: readonly string[], cwd: string): string[] {
  return argv
    .filter((arg) => !arg.startsWith('-') && (importExtensions as readonly string[]).includes(path.extname(arg).toLowerCase()))
    .map((arg) => path.resolve(cwd, arg));
}
