// What every screen needs: window.wdt (typed by the contract) and the UI language. Passed down by
// context so components never reach for a global and tests hand in a fake api.
import { createContext, useCallback, useContext, type ReactNode } from 'react';
import type { WdtApi } from '../../../shared/contract';
import { catalog, t, type Lang, type MessageKey, type MessageParams } from '../../../shared/i18n';

export interface AppContextValue {
  api: WdtApi;
  lang: Lang;
}

const AppContext = createContext<AppContextValue | null>(null);

export function AppProvider({ api, lang, children }: AppContextValue & { children: ReactNode }) {
  return <AppContext.Provider value={{ api, lang }}>{children}</AppContext.Provider>;
}

export function useApp(): AppContextValue {
  const value = useContext(AppContext);
  if (!value) throw new Error('useApp outside AppProvider');
  return value;
}

/** The translator for the current language: `tr('ui.review.title')`. */
export function useT(): (key: MessageKey, params?: MessageParams) => string {
  const { lang } = useApp();
  return useCallback((key: MessageKey, params?: MessageParams) => t(lang, key, params), [lang]);
}

/** English needs "1 problem" but "2 problems": a key with a `.one` twin takes it for a count of one. */
export const countKey = (key: MessageKey, count: number): MessageKey => {
  const one = `${key}.one`;
  return count === 1 && one in catalog ? (one as MessageKey) : key;
};
