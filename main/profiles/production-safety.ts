// Production safety: a submit to a production profile changes a real company's ERP, so the person
// sees where it goes (environment, seller account, address), what it does and how much, and confirms.
// Pure: the CLI and the app render the same text and decide the same way.
import { t, type Lang } from '../../shared/i18n';
import type { Profile } from './types';

/** Production profiles need an explicit confirmation (a prompt, a dialog, or --yes without a terminal). */
export const needsConfirmation = (profile: Pick<Profile, 'environment'>): boolean => profile.environment === 'production';

export interface ConfirmationCounts {
  /** Orders (documents) to be sent. */
  orders: number;
  /** Sheet rows behind them. */
  rows: number;
  /** API calls planned, when known. */
  calls?: number;
}

/** The confirmation shown before a submit: environment, seller account, operation and counts. */
export function confirmationText(
  profile: Pick<Profile, 'name' | 'environment' | 'sid' | 'baseUrl'>,
  operation: { method: string; label?: string },
  counts: ConfirmationCounts,
  lang: Lang,
): string {
  const envName = t(lang, profile.environment === 'production' ? 'common.env.production' : 'common.env.test');
  const lines = [
    t(lang, 'profiles.confirm.heading', { env: envName }),
    t(lang, 'profiles.confirm.account', { sid: profile.sid, profile: profile.name, url: profile.baseUrl }),
    t(lang, 'profiles.confirm.operation', { operation: operation.label ? `${operation.label} (${operation.method})` : operation.method }),
    counts.calls === undefined
      ? t(lang, 'profiles.confirm.counts', { orders: counts.orders, rows: counts.rows })
      : t(lang, 'profiles.confirm.countsCalls', { orders: counts.orders, rows: counts.rows, calls: counts.calls }),
  ];
  if (profile.environment === 'production') lines.push(t(lang, 'profiles.confirm.warning'));
  return lines.join('\n');
}
