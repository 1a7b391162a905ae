// The settings file (Paths.settings): non-secret profile settings, the default profile, the language.
// Read back through zod; a damaged file is reported by name and never silently replaced, because it
// may hold profiles a person typed by hand. Written atomically (temp file + rename) so a crash mid-write
// leaves the old file intact.
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { langs, t, type Lang } from '../../shared/i18n';
import { appError, err, ok, type Result } from '../../shared/result';
import { ensurePrivateFolder, privateFileMode, tightenFiles } from '../paths';

/** Profile names: letters (any script), digits, . _ -; also the keychain account name. */
export const profileNamePattern = /^[\p{L}\p{N}][\p{L}\p{N}._-]{0,63}$/u;

/**
 * The identity of a profile name: NFKC (full-width ＳＡＮＤＢＯＸ is sandbox) and case folded
 * (upper then lower, so ß and SS meet). Two names with the same key are the same profile to a person.
 */
export const profileKey = (name: string): string => name.normalize('NFKC').toUpperCase().toLowerCase().normalize('NFKC');

export const limitsSchema = z.object({
  concurrency: z.number().int().min(1).max(64),
  callsPerMinute: z.number().int().min(0).max(100_000),
  otherInCancelPerCall: z.number().int().min(1).max(10_000),
  timeoutSeconds: z.number().int().min(1).max(3600),
});

export const baseUrlSchema = z
  .string()
  .trim()
  .refine((value) => {
    try {
      const url = new URL(value);
      return (url.protocol === 'http:' || url.protocol === 'https:') && !url.username && !url.password && !url.search && !url.hash;
    } catch {
      return false;
    }
  }, 'an http:// or https:// address without user, query or fragment');

export const storedProfileSchema = z.object({
  name: z.string().regex(profileNamePattern),
  environment: z.enum(['test', 'production']),
  baseUrl: baseUrlSchema,
  sid: z.string().trim().min(1).max(100),
  appkey: z.string().trim().min(1).max(200),
  limits: limitsSchema,
  lang: z.enum(langs).optional(),
  /** A production profile over http://: the address the person acknowledged (valid only while it is the baseUrl). */
  plainHttpAcknowledged: z.string().optional(),
});
export type StoredProfile = z.infer<typeof storedProfileSchema>;

// Loose at the top level: other areas may keep their own keys in the same file, and a rewrite must keep them.
export const settingsSchema = z.looseObject({
  version: z.literal(1),
  defaultProfile: z.string().optional(),
  lang: z.enum(langs).optional(),
  profiles: z.array(storedProfileSchema).superRefine((profiles, ctx) => {
    const seen = new Set<string>();
    for (const p of profiles) {
      const key = profileKey(p.name);
      if (seen.has(key)) ctx.addIssue({ code: 'custom', message: `duplicate profile "${p.name}"` });
      // The built-in sandbox profile is never stored: a saved one (in any width or case) would pass for it.
      if (key === 'sandbox') ctx.addIssue({ code: 'custom', message: `the name "${p.name}" belongs to the built-in profile "sandbox"` });
      seen.add(key);
    }
  }),
});
export type Settings = z.infer<typeof settingsSchema>;

export const emptySettings = (): Settings => ({ version: 1, profiles: [] });

/** Reads the settings file. A missing file is the empty settings; anything unreadable is PROFILE_INVALID naming the file. */
export async function readSettings(file: string, lang: Lang): Promise<Result<Settings>> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return ok(emptySettings());
    return err(appError('PROFILE_INVALID', t(lang, 'profiles.settingsUnreadable', { file, reason: String((error as Error).message) }), { file }));
  }
  // A file an older build wrote 0644 becomes the owner's alone (one chmod per read; cheap, and idempotent).
  tightenFiles(file);
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    return err(appError('PROFILE_INVALID', t(lang, 'profiles.settingsCorrupt', { file, reason: (error as Error).message }), { file }));
  }
  const parsed = settingsSchema.safeParse(json);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    const where = first ? `${first.path.join('.') || '(root)'}: ${first.message}` : '';
    return err(appError('PROFILE_INVALID', t(lang, 'profiles.settingsCorrupt', { file, reason: where }), { file }));
  }
  return ok(parsed.data);
}

/** Writes the settings atomically: a temp file beside the target, fsync'd by writeFile's flush, then renamed over it. */
export async function writeSettings(file: string, settings: Settings, lang: Lang): Promise<Result<void>> {
  const checked = settingsSchema.parse(settings); // a bug if this throws: callers build settings from parsed values
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    ensurePrivateFolder(path.dirname(file));
    await writeFile(temp, `${JSON.stringify(checked, null, 2)}\n`, { encoding: 'utf8', mode: privateFileMode, flush: true });
    await rename(temp, file);
    return ok(undefined);
  } catch (error) {
    await rm(temp, { force: true }).catch(() => undefined);
    return err(appError('PROFILE_INVALID', t(lang, 'profiles.settingsUnwritable', { file, reason: (error as Error).message }), { file }));
  }
}
