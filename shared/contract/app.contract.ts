// The app itself: what it is and how it runs, the UI language, and links opened in the OS browser.
import { z } from 'zod';
import { langs, type Lang } from '../i18n';
import { invoke, returns } from './define';
import { empty } from './ids';

export interface AppInfo {
  name: string;
  version: string;
  lang: Lang;
  /** 'desktop': inside Electron; 'browser': the dev/test host serving the same UI to a browser. */
  mode: 'desktop' | 'browser';
  platform: string;
  /** Where saved secrets live: the OS keychain, or memory for this run only. */
  secrets: 'keychain' | 'session';
  online: boolean;
}

export const appContract = {
  /** Name, version, language, run mode and secret storage. */
  appInfo: invoke('app:info', empty, returns<AppInfo>()),
  /** Switches the UI (and workbook) language and remembers it. */
  appSetLang: invoke('app:set-lang', z.object({ lang: z.enum(langs) }).strict(), returns<void>()),
  /** Opens an https: link from our allowlist (vendor docs, help) in the OS browser. */
  appOpenExternal: invoke('app:open-external', z.object({ url: z.string().url().max(2048) }).strict(), returns<void>()),
} as const;
