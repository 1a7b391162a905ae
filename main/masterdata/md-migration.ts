// Migration 5: the local copy of the ERP's master data, per profile (docs/masterdata.md). Numbered 5
// beside the job store's own migrations (4 renames batch → call); never edited once landed.
import type { Migration } from '../jobs/migrations';

export const masterdataMigration: Migration = {
  version: 5,
  name: 'a local copy of the ERP master data per profile, with a resumable refresh cursor per list',
  sql: `
    CREATE TABLE md_lists (
      profile TEXT NOT NULL,
      list TEXT NOT NULL CHECK (list IN ('warehouses', 'providers', 'specs', 'providerGoods')),
      account TEXT NOT NULL,            -- sid@base URL the copy came from: another account's copy is never used
      state TEXT NOT NULL CHECK (state IN ('partial', 'fresh', 'denied')),
      high_water_ms INTEGER,            -- windowed lists: every change up to here (ERP clock) is in the copy
      cursor TEXT,                      -- JSON: the refresh in progress (window, page, generation); null when none
      refreshed_at INTEGER,             -- when the last complete refresh ended (ms, local clock)
      notice TEXT,                      -- JSON LocalizedText: why the last refresh skipped or stopped this list
      PRIMARY KEY (profile, list)
    );
    CREATE TABLE md_codes (
      profile TEXT NOT NULL,
      list TEXT NOT NULL CHECK (list IN ('warehouses', 'providers', 'specs')),
      code TEXT NOT NULL,
      loose_key TEXT NOT NULL,          -- shared/masterdata/loose-key.ts: for "did you mean"
      name TEXT NOT NULL,
      inactive INTEGER NOT NULL CHECK (inactive IN (0, 1)),
      grp TEXT,                         -- a spec's goods_no
      modified_ms INTEGER,
      PRIMARY KEY (profile, list, code)
    );
    CREATE INDEX md_codes_by_loose_key ON md_codes (profile, list, loose_key);
    CREATE TABLE md_links (
      profile TEXT NOT NULL,
      provider TEXT NOT NULL,
      spec TEXT NOT NULL,
      inactive INTEGER NOT NULL CHECK (inactive IN (0, 1)),
      generation INTEGER NOT NULL,      -- the full read that last saw it; older ones are gone when a read completes
      PRIMARY KEY (profile, provider, spec)
    );
  `,
};
