// The master-data settings, kept under the `masterdata` key of the settings file (which lets other
// areas keep their own keys): where a list's first refresh starts, the page size, and the preview's
// cap and reach. Each has a default; a malformed value is reported naming the file, never ignored.
import { z } from 'zod';
import { t, type Lang } from '../../shared/i18n';
import { appError, err, ok, type Result } from '../../shared/result';
import { readSettings } from '../profiles/settings-file';

export const masterdataSettingsSchema = z.object({
  /**
   * A list's first refresh reads changes from this day (China time) on. The flagship ERP came out in 2019;
   * a record last changed before this day is missed until it changes again, so an older ERP sets it earlier.
   */
  startDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).default('2019-01-01'),
  /** Records per page (the vendor's pages give no maximum; 100 is what the sandbox and the queries here take). */
  pageSize: z.number().int().min(1).max(100).default(100),
  /** Previews look numbers up one by one up to this many rows; beyond it they read by modified time. */
  previewCap: z.number().int().min(0).max(10_000).default(200),
  /** How far back a preview by modified time reaches, in days. */
  previewDays: z.number().int().min(1).max(3650).default(90),
});
export type MasterdataSettings = z.infer<typeof masterdataSettingsSchema>;

export const defaultMasterdataSettings: MasterdataSettings = masterdataSettingsSchema.parse({});

/** 'yyyy-MM-dd' 00:00 China time → epoch ms. */
export const startOfChinaDay = (day: string): number => Date.parse(`${day}T00:00:00+08:00`);

export async function readMasterdataSettings(file: string, lang: Lang): Promise<Result<MasterdataSettings>> {
  const settings = await readSettings(file, lang);
  if (!settings.ok) return settings;
  const parsed = masterdataSettingsSchema.safeParse((settings.value as Record<string, unknown>).masterdata ?? {});
  if (!parsed.success || Number.isNaN(startOfChinaDay(parsed.data.startDate))) {
    const first = parsed.success ? { path: ['startDate'], message: 'not a day' } : parsed.error.issues[0]!;
    const reason = `masterdata.${first.path.join('.')}: ${first.message}`;
    return err(appError('PROFILE_INVALID', t(lang, 'profiles.settingsCorrupt', { file, reason }), { file }));
  }
  return ok(parsed.data);
}
