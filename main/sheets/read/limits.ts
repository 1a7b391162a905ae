// The reader's limits. They keep a hostile or accidental file (a zip bomb, a 2 GB export) from taking the
// app down; every refusal states the limit so the clerk knows what to split or trim.

export interface ReadLimits {
  /** Largest file accepted, in bytes. */
  maxFileBytes: number;
  /** Most entries a workbook's zip may hold (a normal .xlsx has 10–40). */
  maxZipEntries: number;
  /** Most bytes all entries may inflate to together. */
  maxUncompressedBytes: number;
  /** Highest uncompressed/compressed ratio of one entry (checked for entries over 1 MiB). */
  maxCompressionRatio: number;
  /** Most data rows (rows holding a value) in the sheet that is read. */
  maxRows: number;
  /**
   * Most rows the sheet may hold at all, blank and merely formatted ones included: a bound on the work,
   * not on the clerk's data. Above Excel's own 1,048,576, so any sheet Excel can save is read through
   * (a few data rows above a million formatted empty ones); an endless hand-made one is still stopped.
   */
  maxRawRows: number;
  /** Most columns in the sheet that is read. */
  maxColumns: number;
  /** Longest the whole read may take, in milliseconds, before the worker is stopped. */
  timeoutMs: number;
}

export const defaultLimits: ReadLimits = {
  maxFileBytes: 100 * 1024 * 1024,
  maxZipEntries: 10_000,
  maxUncompressedBytes: 1024 * 1024 * 1024,
  maxCompressionRatio: 200,
  maxRows: 200_000,
  maxRawRows: 1_100_000,
  maxColumns: 100,
  timeoutMs: 5 * 60_000,
};

/** Entries smaller than this are never refused for their ratio: tiny XML parts compress very well. */
export const ratioFloorBytes = 1024 * 1024;

/** How many rows from the top are searched for the header row. */
export const headerSearchRows = 20;

export const mib = (bytes: number): string => `${Math.round(bytes / (1024 * 1024))} MB`;
