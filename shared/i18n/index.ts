// The i18n layer: every string the UI, the CLI or a workbook shows goes through t().
import type { Message } from './define';
import { commonMessages } from './messages/common';
import { statesMessages } from './messages/states';
import { errorsMessages } from './messages/errors';
import { sheetsMessages } from './messages/sheets';
import { jobsMessages } from './messages/jobs';
import { workbookMessages } from './messages/workbook';
import { profilesMessages } from './messages/profiles';
import { cliMessages } from './messages/cli';
import { uiMessages } from './messages/ui';
import { wdtMessages } from './messages/wdt';
import { operationsMessages } from './messages/operations';
import { hintsMessages } from './messages/hints';
import { mappingMessages } from './messages/mapping';
import { masterdataMessages } from './messages/masterdata';
import { masterdataReviewMessages } from './messages/masterdata-review';
import { resendMessages } from './messages/resend';
import { editMessages } from './messages/edit';
import { browseMessages } from './messages/browse';
import { followupMessages } from './messages/followup';
import { readingMessages } from './messages/reading';

export const langs = ['zh-CN', 'en'] as const;
export type Lang = (typeof langs)[number];
export const defaultLang: Lang = 'zh-CN';

export const catalog = {
  ...commonMessages,
  ...statesMessages,
  ...errorsMessages,
  ...sheetsMessages,
  ...jobsMessages,
  ...workbookMessages,
  ...profilesMessages,
  ...cliMessages,
  ...uiMessages,
  ...wdtMessages,
  ...operationsMessages,
  ...hintsMessages,
  ...mappingMessages,
  ...masterdataMessages,
  ...masterdataReviewMessages,
  ...resendMessages,
  ...editMessages,
  ...browseMessages,
  ...followupMessages,
  ...readingMessages,
} satisfies Record<string, Message>;

export type MessageKey = keyof typeof catalog;
export type MessageParams = Record<string, string | number>;

/** A message to be rendered later, in whichever language the reader uses (stored in the job store as is). */
export interface LocalizedText {
  key: MessageKey;
  params?: MessageParams;
}

export const isLang = (value: unknown): value is Lang => value === 'zh-CN' || value === 'en';

/** Renders a message; `{name}` placeholders take params[name]. Unknown placeholders stay visible, so a gap shows in review. */
export function t(lang: Lang, key: MessageKey, params?: MessageParams): string {
  const template = catalog[key][lang];
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

export const render = (lang: Lang, text: LocalizedText): string => t(lang, text.key, text.params);
