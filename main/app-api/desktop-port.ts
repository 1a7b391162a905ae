// What only the front end can do: OS dialogs and handing files and links to the OS. Electron gives the
// real one (main/electron/desktop-port.ts), the browser test host its own; it travels beside the
// services into createAppApi, never inside them (the CLI has no dialogs).
import type { Lang } from '../../shared/i18n';
import type { Result } from '../../shared/result';

export interface DesktopPort {
  readonly mode: 'desktop' | 'browser';
  /** Main's open dialog; the chosen path, or null when cancelled. */
  chooseSpreadsheet(lang: Lang): Promise<string | null>;
  /** Main's save dialog, suggesting a name; the chosen path, or null when cancelled. */
  chooseSaveTarget(suggestedName: string, title: string): Promise<string | null>;
  /** Opens a file in the OS's default app. */
  openPath(path: string): Promise<Result<void>>;
  /** Shows a file selected in the OS's file manager. */
  showInFolder(path: string): Promise<Result<void>>;
  /** Opens an (already allowlisted) https: link in the OS browser. */
  openExternal(url: string): Promise<void>;
}
