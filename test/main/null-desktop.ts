// A desktop port that chooses nothing and opens nothing: for tests that build the app API without a window.
import type { DesktopPort } from '../../main/app-api/desktop-port';
import { ok } from '../../shared/result';

export const nullDesktop: DesktopPort = {
  mode: 'desktop',
  chooseSpreadsheet: async () => null,
  chooseSaveTarget: async () => null,
  openPath: async () => ok(undefined),
  showInFolder: async () => ok(undefined),
  openExternal: async () => {},
};
