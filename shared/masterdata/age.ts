// A list's age as the clerk reads it ("3 天" / "2 hours"), for the CLI and Settings alike.
import { t, type Lang } from '../i18n';

export function ageText(seconds: number, lang: Lang): string {
  if (seconds >= 86_400) return t(lang, 'masterdata.age.days', { n: Math.floor(seconds / 86_400) });
  if (seconds >= 3600) return t(lang, 'masterdata.age.hours', { n: Math.floor(seconds / 3600) });
  return t(lang, 'masterdata.age.minutes', { n: Math.max(0, Math.floor(seconds / 60)) });
}
