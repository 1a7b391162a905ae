// The DesktopPort of the browser host: there are no native dialogs, so tests queue what the next
// dialog answers; unqueued, an open dialog is cancelled and a save goes to the host's downloads folder.
// Files and links handed to the OS are recorded, not opened.
import path from 'node:path';
import type { Lang } from '../../../shared/i18n';
import { ok } from '../../../shared/result';
import type { DesktopPort } from '../../../main/app-api/desktop-port';

export interface DialogAnswers {
  open?: (string | null)[];
  save?: (string | null)[];
}

export class HostDesktop implements DesktopPort {
  readonly mode = 'browser' as const;
  readonly opened: { kind: 'path' | 'folder' | 'url'; target: string }[] = [];
  readonly #open: (string | null)[] = [];
  readonly #save: (string | null)[] = [];

  constructor(private readonly downloads: string) {}

  queue(answers: DialogAnswers): void {
    this.#open.push(...(answers.open ?? []));
    this.#save.push(...(answers.save ?? []));
  }

  async chooseSpreadsheet(_lang: Lang): Promise<string | null> {
    return this.#open.length > 0 ? (this.#open.shift() ?? null) : null;
  }

  async chooseSaveTarget(suggestedName: string): Promise<string | null> {
    if (this.#save.length > 0) return this.#save.shift() ?? null;
    return path.join(this.downloads, path.basename(suggestedName));
  }

  async openPath(target: string) {
    this.opened.push({ kind: 'path', target });
    return ok(undefined);
  }

  async showInFolder(target: string) {
    this.opened.push({ kind: 'folder', target });
    return ok(undefined);
  }

  async openExternal(url: string): Promise<void> {
    this.opened.push({ kind: 'url', target: url });
  }
}
