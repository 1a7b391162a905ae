// The local copy of the ERP's master data in the job store's SQLite file (migration 5): one transaction
// per fetched page, records and the list's cursor together, so a refresh killed at any moment continues
// from the last saved page. Rows read back are parsed (rule 6). Never a secret: only codes and names.
import { z } from 'zod';
import type { LocalizedText } from '../../shared/i18n';
import { formatChinaTime } from '../../shared/operations/erp-time';
import type { CodeLookup, MasterdataLookup } from '../../shared/masterdata/check-create';
import { listIds, type CodeRecord, type LinkRecord, type ListId } from '../../shared/masterdata/lists';
import { looseKey } from '../../shared/masterdata/loose-key';
import { immediate, type JobDatabase } from '../jobs/database';

/** Where an interrupted refresh of one list stands. */
export const cursorSchema = z.object({
  /** Windowed lists: the window being read (ms, ERP clock) and the last window's end. */
  windowStart: z.number().optional(),
  windowEnd: z.number().optional(),
  until: z.number().optional(),
  /** The next page to read (from 0). */
  pageNo: z.number().int().nonnegative(),
  /** Whole-list reads: the generation this read stamps on what it sees. */
  generation: z.number().int().optional(),
});
export type RefreshCursor = z.infer<typeof cursorSchema>;

const listRowSchema = z.object({
  profile: z.string(),
  list: z.enum(listIds),
  account: z.string(),
  state: z.enum(['partial', 'fresh', 'denied']),
  high_water_ms: z.number().nullable(),
  cursor: z.string().nullable().transform((s, ctx) => {
    if (s === null) return null;
    const parsed = cursorSchema.safeParse(JSON.parse(s));
    if (!parsed.success) ctx.addIssue({ code: 'custom', message: 'bad cursor' });
    return parsed.success ? parsed.data : null;
  }),
  refreshed_at: z.number().nullable(),
  notice: z.string().nullable().transform((s) => (s === null ? null : (JSON.parse(s) as LocalizedText))),
});
export type ListRow = z.infer<typeof listRowSchema>;

export interface ListStatus {
  list: ListId;
  state: 'never' | 'partial' | 'fresh' | 'denied';
  /** Records in the copy. */
  count: number;
  refreshedAt: number | null;
  highWaterMs: number | null;
  /** A refresh stopped midway and will continue from its cursor. */
  resumable: boolean;
  notice: LocalizedText | null;
}

export class MasterdataStore {
  constructor(private readonly db: JobDatabase) {}

  /** The lists' rows of a profile; a copy made for another account is forgotten first. */
  openProfile(profile: string, account: string): void {
    immediate(this.db, () => {
      const other = this.db.prepare('SELECT 1 FROM md_lists WHERE profile = ? AND account <> ? LIMIT 1').get(profile, account);
      if (!other) return;
      this.forget(profile);
    });
  }

  /** Drops a profile's whole copy (the profile now names another account, or was removed). */
  forget(profile: string): void {
    immediate(this.db, () => {
      for (const table of ['md_lists', 'md_codes', 'md_links']) this.db.prepare(`DELETE FROM ${table} WHERE profile = ?`).run(profile);
    });
  }

  list(profile: string, list: ListId): ListRow | null {
    const row = this.db.prepare('SELECT * FROM md_lists WHERE profile = ? AND list = ?').get(profile, list);
    return row ? listRowSchema.parse(row) : null;
  }

  /** Each list's state, age and size, for `masterdata status` and Settings. */
  status(profile: string): ListStatus[] {
    return listIds.map((list) => {
      const row = this.list(profile, list);
      const count =
        list === 'providerGoods'
          ? (this.db.prepare('SELECT count(*) AS n FROM md_links WHERE profile = ?').get(profile) as { n: number }).n
          : (this.db.prepare('SELECT count(*) AS n FROM md_codes WHERE profile = ? AND list = ?').get(profile, list) as { n: number }).n;
      return {
        list,
        state: row?.state ?? 'never',
        count,
        refreshedAt: row?.refreshed_at ?? null,
        highWaterMs: row?.high_water_ms ?? null,
        resumable: row?.cursor !== null && row?.cursor !== undefined,
        notice: row?.notice ?? null,
      };
    });
  }

  /** Starts (or keeps) a list's row; the cursor marks a refresh in progress. */
  begin(profile: string, list: ListId, account: string, cursor: RefreshCursor): void {
    immediate(this.db, () => {
      this.db
        .prepare(
          `INSERT INTO md_lists (profile, list, account, state, cursor) VALUES (?, ?, ?, 'partial', ?)
           ON CONFLICT (profile, list) DO UPDATE SET cursor = excluded.cursor, account = excluded.account,
             state = CASE WHEN md_lists.state = 'denied' THEN 'partial' ELSE md_lists.state END`,
        )
        .run(profile, list, account, JSON.stringify(cursor));
    });
  }

  /** One fetched page and where the refresh goes next, in one transaction. */
  savePage(profile: string, list: ListId, records: readonly CodeRecord[] | readonly LinkRecord[], next: RefreshCursor): void {
    immediate(this.db, () => {
      if (list === 'providerGoods') {
        const put = this.db.prepare(
          `INSERT INTO md_links (profile, provider, spec, inactive, generation) VALUES (?, ?, ?, ?, ?)
           ON CONFLICT (profile, provider, spec) DO UPDATE SET inactive = excluded.inactive, generation = excluded.generation`,
        );
        for (const r of records as readonly LinkRecord[]) put.run(profile, r.provider, r.spec, r.inactive ? 1 : 0, next.generation ?? 0);
      } else {
        const put = this.db.prepare(
          `INSERT INTO md_codes (profile, list, code, loose_key, name, inactive, grp, modified_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
           ON CONFLICT (profile, list, code) DO UPDATE SET loose_key = excluded.loose_key, name = excluded.name,
             inactive = excluded.inactive, grp = excluded.grp, modified_ms = excluded.modified_ms`,
        );
        for (const r of records as readonly CodeRecord[]) {
          if (r.code === '') continue;
          put.run(profile, list, r.code, looseKey(r.code), r.name, r.inactive ? 1 : 0, r.group ?? null, r.modifiedMs);
        }
      }
      this.db.prepare('UPDATE md_lists SET cursor = ? WHERE profile = ? AND list = ?').run(JSON.stringify(next), profile, list);
    });
  }

  /** A refresh of the list completed: its new high-water mark, no cursor; a whole-list read drops what it did not see. */
  finish(profile: string, list: ListId, at: number, highWaterMs: number | null, generation?: number): void {
    immediate(this.db, () => {
      if (list === 'providerGoods' && generation !== undefined) this.db.prepare('DELETE FROM md_links WHERE profile = ? AND generation <> ?').run(profile, generation);
      this.db
        .prepare(`UPDATE md_lists SET state = 'fresh', cursor = NULL, refreshed_at = ?, high_water_ms = ?, notice = NULL WHERE profile = ? AND list = ?`)
        .run(at, highWaterMs, profile, list);
    });
  }

  /** The account may not call the list's method: skipped, with the notice; what an earlier refresh got is kept. */
  deny(profile: string, list: ListId, account: string, notice: LocalizedText): void {
    immediate(this.db, () => {
      this.db
        .prepare(
          `INSERT INTO md_lists (profile, list, account, state, notice) VALUES (?, ?, ?, 'denied', ?)
           ON CONFLICT (profile, list) DO UPDATE SET state = 'denied', cursor = NULL, notice = excluded.notice`,
        )
        .run(profile, list, account, JSON.stringify(notice));
    });
  }

  /** The refresh stopped midway: the cursor stays for the next one, with why. */
  note(profile: string, list: ListId, notice: LocalizedText | null): void {
    this.db.prepare('UPDATE md_lists SET notice = ? WHERE profile = ? AND list = ?').run(notice ? JSON.stringify(notice) : null, profile, list);
  }

  /** The copy as the create-sheet check reads it; a list never completed or denied is null (nothing checked). */
  lookup(profile: string): MasterdataLookup {
    const usable = (list: ListId): ListRow | null => {
      const row = this.list(profile, list);
      return row && row.refreshed_at !== null ? row : null;
    };
    const codes = (list: 'warehouses' | 'providers' | 'specs'): CodeLookup | null => {
      const row = usable(list);
      if (!row) return null;
      const get = this.db.prepare('SELECT name, inactive FROM md_codes WHERE profile = ? AND list = ? AND code = ?');
      const near = this.db.prepare('SELECT code FROM md_codes WHERE profile = ? AND list = ? AND loose_key = ? ORDER BY code LIMIT 5').pluck();
      return {
        asOf: shownTime(row.refreshed_at!),
        get: (code) => {
          const hit = get.get(profile, list, code) as { name: string; inactive: number } | undefined;
          return hit ? { name: String(hit.name), inactive: hit.inactive === 1 } : undefined;
        },
        near: (key) => near.all(profile, list, key).map(String),
      };
    };
    const links = usable('providerGoods');
    const has = this.db.prepare('SELECT 1 FROM md_links WHERE profile = ? AND provider = ? AND spec = ? AND inactive = 0').pluck();
    return {
      warehouses: codes('warehouses'),
      providers: codes('providers'),
      specs: codes('specs'),
      supplies: links ? { asOf: shownTime(links.refreshed_at!), has: (provider, spec) => has.get(profile, provider, spec) !== undefined } : null,
    };
  }
}

/** 'yyyy-MM-dd HH:mm' in China time: how the clerk reads the copy's age. */
export const shownTime = (ms: number): string => formatChinaTime(ms).slice(0, 16);
