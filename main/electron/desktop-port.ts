// What only the desktop can do, behind DesktopPort: main's open/save dialogs and handing a file or a
// link to the OS. The renderer never names a path: it gets tickets and file names back.
import { dialog, shell, type BrowserWindow } from 'electron';
import { t, type Lang } from '../../shared/i18n';
import { appError, err, ok } from '../../shared/result';
import { externalHref } from '../app-api/external-links';
import type { DesktopPort } from '../app-api/desktop-port';

export function electronDesktop(window: () => BrowserWindow | null, lang: () => Lang): DesktopPort {
  return {
    mode: 'desktop',
    async chooseSpreadsheet(current) {
      const options: Electron.OpenDialogOptions = {
        title: t(current, 'ui.dialog.openTitle'),
        properties: ['openFile'],
        filters: [{ name: t(current, 'ui.dialog.spreadsheets'), extensions: ['xlsx', 'xlsm', 'csv', 'txt', 'xls', 'et'] }],
      };
      const win = window();
      const chosen = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
      return chosen.canceled ? null : (chosen.filePaths[0] ?? null);
    },
    async chooseSaveTarget(suggestedName, title) {
      const options: Electron.SaveDialogOptions = { title, defaultPath: suggestedName, filters: [{ name: 'Excel', extensions: ['xlsx'] }] };
      const win = window();
      const chosen = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
      return chosen.canceled || !chosen.filePath ? null : chosen.filePath;
    },
    async openPath(file) {
      const failure = await shell.openPath(file);
      return failure === '' ? ok(undefined) : err(appError('FILE_UNREADABLE', t(lang(), 'ui.shell.error', { message: failure })));
    },
    async showInFolder(file) {
      shell.showItemInFolder(file);
      return ok(undefined);
    },
    // The app API checked it already; checked again here so no path reaches the OS with raw text.
    async openExternal(url) {
      const href = externalHref(url);
      if (href !== null) await shell.openExternal(href);
    },
  };
}
