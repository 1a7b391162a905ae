// Files the person chose (open dialog, drop, OS "open with") become opaque random tokens; the renderer
// only ever names a file by a token main minted in this process. Before a path gets a token, main checks
// it is an existing regular file with a spreadsheet extension, so a drop can't point main at /dev/zero,
// a folder or a socket. (Legacy .xls/.et pass here so the reader can say "save as .xlsx".)
import { randomBytes } from 'node:crypto';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { FileTicket } from '../../shared/contract';
import { t, type Lang } from '../../shared/i18n';
import { appError, err, ok, type Result } from '../../shared/result';

export const importExtensions = ['.xlsx', '.xlsm', '.csv', '.txt', '.xls', '.et'] as const;
/** Tokens kept at once; the oldest are forgotten first. */
const maxTokens = 256;

export const newId = (): string => randomBytes(24).toString('base64url');

export class FileTokens {
  readonly #paths = new Map<string, string>();

  /** Checks a path and mints a token for it. */
  async accept(filePath: string, lang: Lang): Promise<Result<FileTicket>> {
    const name = path.basename(filePath);
    if (!path.isAbsolute(filePath)) return err(appError('INVALID_ARGUMENT', t(lang, 'ui.error.notSpreadsheet', { name })));
    const ext = path.extname(filePath).toLowerCase();
    if (!(importExtensions as readonly string[]).includes(ext)) {
      return err(appError('FILE_UNREADABLE', t(lang, 'ui.error.notSpreadsheet', { name }), { file: name }));
    }
    let info;
    try {
      info = await stat(filePath);
    } catch {
      return err(appError('FILE_NOT_FOUND', t(lang, 'ui.error.fileGone', { name }), { file: name }));
    }
    if (!info.isFile()) return err(appError('FILE_UNREADABLE', t(lang, 'ui.error.notSpreadsheet', { name }), { file: name }));
    const token = newId();
    this.#paths.set(token, filePath);
    while (this.#paths.size > maxTokens) this.#paths.delete(this.#paths.keys().next().value as string);
    return ok({ token, name, bytes: info.size });
  }

  /** The path behind a token, or a typed error when it is unknown. */
  resolve(token: string, lang: Lang): Result<string> {
    const found = this.#paths.get(token);
    return found === undefined ? err(appError('INVALID_ARGUMENT', t(lang, 'ui.error.ticketUnknown'))) : ok(found);
  }

  toJSON(): Record<string, never> {
    return {};
  }
}
