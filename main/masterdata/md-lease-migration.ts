// Migration 9: one refresh of a profile's copy at a time, across processes (the app and the CLI, two
// windows): a lease row per profile, taken in a transaction. Numbered 9 because 8 is kept for the job
// store's row index (issue 16 item 5); never edited once landed.
import type { Migration } from '../jobs/migrations';

export const masterdataLeaseMigration: Migration = {
  version: 9,
  name: 'a lease per profile so that two refreshes of its master data never interleave their cursors',
  sql: `
    CREATE TABLE md_lease (
      profile TEXT PRIMARY KEY,
      owner TEXT NOT NULL,              -- who refreshes: host, process id and a random part (never a secret)
      pid INTEGER NOT NULL,             -- shown to the clerk who is told to wait
      taken_at INTEGER NOT NULL,        -- ms, local clock
      expires_at INTEGER NOT NULL       -- ms, local clock: renewed while the refresh runs; a killed refresh's lease lapses
    );
  `,
};
