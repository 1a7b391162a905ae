// Saved column mappings (issue 16 item 1): what the clerk chose in the mapping step, remembered in the settings
// file per operation and header set (headerFingerprint), applied by the next read of the same headers.
// Entries this build cannot read (hand-edited, or written by a later one) are left as they are, never dropped.
import { z } from 'zod';
import type { Lang } from '../../shared/i18n';
import { t } from '../../shared/i18n';
import { operationIdSchema } from '../../shared/operations/catalog';
import { headerFingerprint, normaliseHeader } from '../../shared/operations/headers';
import type { ColumnMapping } from '../../shared/operations/headers';
import type { OperationDef, OperationId } from '../../shared/operations/types';
import { appError, err, ok, type Result } from '../../shared/result';
import { readSettings, writeSettings } from './settings-file';

export const savedMappingSchema = z.object({
  operation: operationIdSchema,
  fingerprint: z.string().min(1).max(100),
  /** The headers as the sheet wrote them, for the Settings list. */
  headers: z.array(z.string().max(500)).max(2000),
  columns: z.record(z.string().max(500), z.string().max(100).nullable()),
  savedAt: z.string(),
});
export type SavedMapping = z.infer<typeof savedMappingSchema>;

/** The settings file's key: other areas keep their own keys beside it (settingsSchema is loose). */
const settingsKey = 'columnMappings';

/** One column's choice: the header as written, and a field key or null (不导入 / ignore). */
export interface MappingChoice {
  header: string;
  field: string | null;
}

/** Why a set of choices is not a mapping for `op`: where, and what. */
export interface MappingFault {
  key: string;
  reason: string;
}

/**
 * Choices to a mapping for `op`, keyed by normalised header: every field must be the operation's, and no
 * field may take two columns (the second would be dropped, and the clerk would not know which).
 */
export function buildMapping(op: OperationDef, choices: readonly MappingChoice[], lang: Lang): Result<ColumnMapping, MappingFault> {
  const columns: Record<string, string | null> = {};
  const firstOf = new Map<string, string>();
  for (const { header, field } of choices) {
    const name = normaliseHeader(header);
    if (name === '') continue;
    if (field !== null) {
      if (!op.fields.some((f) => f.key === field)) {
        const fields = op.fields.map((f) => f.key).join(', ');
        return err({ key: header, reason: t(lang, 'mapping.file.unknownField', { field, operation: op.id, fields }) });
      }
      const first = firstOf.get(field);
      if (first !== undefined) return err({ key: header, reason: t(lang, 'mapping.file.fieldTwice', { field, first, second: header }) });
      firstOf.set(field, header);
    }
    columns[name] = field;
  }
  return ok({ operation: op.id, columns });
}

export interface MappingsOptions {
  file: string;
  lang: () => Lang;
  now?: () => Date;
}

/** The saved mappings in the settings file: list, save (one per operation and header set), remove. */
export class MappingStore {
  constructor(private readonly o: MappingsOptions) {}

  async list(): Promise<Result<SavedMapping[]>> {
    const settings = await readSettings(this.o.file, this.o.lang());
    if (!settings.ok) return settings;
    return ok(entriesOf(settings.value).flatMap((e) => (e.parsed ? [e.parsed] : [])));
  }

  /** Remembers `mapping` for the header set `headers` (or the read's `fingerprint` of it); replaces the one saved before for the same operation and set. */
  async save(mapping: ColumnMapping, headers: readonly string[], fingerprint = headerFingerprint(headers)): Promise<Result<SavedMapping>> {
    const saved: SavedMapping = {
      operation: mapping.operation,
      fingerprint,
      headers: headers.filter((h) => h.trim() !== ''),
      columns: { ...mapping.columns },
      savedAt: (this.o.now?.() ?? new Date()).toISOString(),
    };
    const written = await this.#rewrite((kept) => [...kept.filter((e) => !same(e.parsed, saved.operation, saved.fingerprint)).map((e) => e.raw), saved]);
    return written.ok ? ok(saved) : written;
  }

  /** Forgets one saved mapping; false when there was none. */
  async remove(operation: OperationId, fingerprint: string): Promise<Result<boolean>> {
    let found = false;
    const written = await this.#rewrite((kept) =>
      kept.filter((e) => {
        const hit = same(e.parsed, operation, fingerprint);
        found ||= hit;
        return !hit;
      }).map((e) => e.raw),
    );
    return written.ok ? ok(found) : written;
  }

  async #rewrite(change: (entries: Entry[]) => unknown[]): Promise<Result<void>> {
    const lang = this.o.lang();
    const settings = await readSettings(this.o.file, lang);
    if (!settings.ok) return settings;
    const next = { ...settings.value, [settingsKey]: change(entriesOf(settings.value)) };
    const written = await writeSettings(this.o.file, next, lang);
    if (!written.ok) return err(appError('PROFILE_INVALID', t(lang, 'mapping.settings.unwritable', { reason: written.error.message }), { file: this.o.file }));
    return written;
  }
}

interface Entry {
  raw: unknown;
  parsed: SavedMapping | null;
}

const same = (m: SavedMapping | null, operation: OperationId, fingerprint: string) => m !== null && m.operation === operation && m.fingerprint === fingerprint;

function entriesOf(settings: Record<string, unknown>): Entry[] {
  const list = settings[settingsKey];
  if (!Array.isArray(list)) return [];
  return list.map((raw: unknown) => {
    const parsed = savedMappingSchema.safeParse(raw);
    return { raw, parsed: parsed.success ? parsed.data : null };
  });
}
