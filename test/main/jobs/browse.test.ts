// Every job, every row (issue 16 item 5): a 100,000-row job in a real SQLite file paged by state and by a key
// or row-number search, and the jobs list filtered by the store. Page times are printed, never asserted.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openJobDatabase, type JobDatabase } from '../../../main/jobs/database';
import { JobStore } from '../../../main/jobs/job-store';
import { JobViews } from '../../../main/jobs/job-views';
import { bigKey, bigRefusal, bigState, seedBigJob } from './big-job';
import { tempDir } from './helpers';

const rows = 100_000;
const tmp = tempDir('wdt-browse-');
let db: JobDatabase;
let store: JobStore;
let views: JobViews;
let big: string;
const small: string[] = [];

/** Row indexes (0-based) in a state, as the seeding made them. */
const indexesIn = (state: string) => Array.from({ length: rows }, (_, i) => i).filter((i) => bigState(i) === state);

/** Runs a query three times (the first on a cold cache) and prints each time; returns the last answer. */
function timed<T>(label: string, run: () => T): T {
  const times: string[] = [];
  let got: T | undefined;
  for (let i = 0; i < 3; i += 1) {
    const start = performance.now();
    got = run();
    times.push((performance.now() - start).toFixed(1));
  }
  process.stdout.write(`[browse] ${label}: ${times.join(' / ')} ms\n`);
  return got as T;
}

beforeAll(() => {
  db = openJobDatabase(path.join(tmp.dir, 'jobs.sqlite'));
  store = new JobStore(db);
  views = new JobViews(db);
  const start = performance.now();
  big = seedBigJob(store, rows, { now: Date.parse('2026-11-20T10:00:00Z'), name: 'big-cancel.xlsx' });
  process.stdout.write(`[browse] seeding ${rows} rows: ${(performance.now() - start).toFixed(0)} ms\n`);
  small.push(seedBigJob(store, 20, { profileName: 'prod-shop', now: Date.parse('2026-11-22T10:00:00Z'), name: 'march-returns.xlsx' }));
  small.push(seedBigJob(store, 20, { profileName: 'sandbox', now: Date.parse('2026-11-24T10:00:00Z'), name: 'april-returns.xlsx' }));
}, 120_000);

afterAll(() => {
  db.close();
  tmp.cleanup();
});

describe('a job of 100,000 rows, paged', () => {
  it('has migration 8\'s indexes: a state page in seq order from the index, the jobs list by date', () => {
    const names = (table: string) =>
      (db.prepare(`SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL ORDER BY name`).all(table) as { name: string }[]).map((i) => i.name);
    expect(names('job_rows')).toEqual(['job_rows_by_order', 'job_rows_by_state_seq']);
    expect(names('jobs')).toEqual(['jobs_by_created']);
    // The page's subquery (job-views.ts) reads that index alone, in seq order: no table rows, no sort.
    const plan = (db.prepare(`EXPLAIN QUERY PLAN SELECT seq FROM job_rows WHERE job_id = ? AND state IN (?) ORDER BY seq LIMIT 100 OFFSET 10`).all(big, 'failed') as { detail: string }[])
      .map((p) => p.detail)
      .join(' | ');
    expect(plan).toContain('USING COVERING INDEX job_rows_by_state_seq');
    expect(plan).not.toContain('TEMP B-TREE');
  });

  it('pages every row in source order, the last page included', () => {
    const first = timed('page 1 of all rows (200)', () => views.rows(big, 'zh-CN', 0, 200));
    expect(first.total).toBe(rows);
    expect(first.items.map((r) => r.rowNumber)).toEqual(Array.from({ length: 200 }, (_, i) => i + 2));
    const last = timed('last page of all rows (offset 99,800)', () => views.rows(big, 'zh-CN', rows - 200, 200));
    expect(last.items).toHaveLength(200);
    expect(last.items.at(-1)!.rowNumber).toBe(rows + 1);
    const end = last.items.at(-1)!;
    expect(end.key).toBe(bigKey(rows - 1));
    expect(end.state).toBe(bigState(rows - 1));
    // The call that carried it: calls of 500 orders in plan order, invalid rows never planned.
    expect(end.call).toBe(Math.ceil((rows - indexesIn('invalid').length) / 500));
  });

  it('filters by state: the right rows, in order, with the right total, deep pages too', () => {
    const failed = indexesIn('failed');
    const page = timed('page 1 of failed', () => views.rows(big, 'zh-CN', 0, 100, ['failed']));
    expect(page.total).toBe(failed.length);
    expect(page.items.map((r) => r.rowNumber)).toEqual(failed.slice(0, 100).map((i) => i + 2));
    expect(page.items[0]!.message).toBe(`${bigRefusal} ${bigKey(failed[0]!)}`);
    const deep = timed('last page of failed', () => views.rows(big, 'zh-CN', failed.length - 50, 100, ['failed']));
    expect(deep.items.map((r) => r.rowNumber)).toEqual(failed.slice(-50).map((i) => i + 2));
    const invalid = views.rows(big, 'zh-CN', 0, 5, ['invalid']);
    expect(invalid.total).toBe(indexesIn('invalid').length);
    expect(invalid.items.every((r) => r.key === null && r.call === null && r.state === 'invalid')).toBe(true);
    const both = timed('page 1 of failed + unknown', () => views.rows(big, 'zh-CN', 0, 500, ['failed', 'unknown']));
    expect(both.total).toBe(failed.length + indexesIn('unknown').length);
    expect(both.items.map((r) => r.rowNumber)).toEqual([...failed, ...indexesIn('unknown')].sort((a, b) => a - b).slice(0, 500).map((i) => i + 2));
  });

  it('finds rows by part of the key (any case) or by sheet row number, with a state filter too', () => {
    const one = timed('search a full key', () => views.rows(big, 'zh-CN', 0, 50, undefined, bigKey(98_765).toLowerCase()));
    expect(one.items.map((r) => r.rowNumber)).toEqual([98_767]);
    const part = timed('search part of a key', () => views.rows(big, 'zh-CN', 0, 50, undefined, 'PR00123'));
    // PR0012300 … PR0012399: 100 keys, minus the invalid ones (their cells are blank).
    const wanted = Array.from({ length: 100 }, (_, k) => 12_300 + k).filter((i) => bigState(i) !== 'invalid');
    expect(part.total).toBe(wanted.length);
    expect(part.items.map((r) => r.rowNumber)).toEqual(wanted.slice(0, 50).map((i) => i + 2));
    const byRow = timed('search a row number', () => views.rows(big, 'zh-CN', 0, 50, undefined, '9'));
    // Row 9, and every key holding a 9.
    expect(byRow.items[0]!.rowNumber).toBe(9);
    expect(byRow.items.every((r) => r.rowNumber === 9 || (r.key ?? '').includes('9'))).toBe(true);
    const failedPart = timed('search + state', () => views.rows(big, 'zh-CN', 0, 50, ['failed'], 'PR00123'));
    expect(failedPart.items.map((r) => r.rowNumber)).toEqual(wanted.filter((i) => bigState(i) === 'failed').map((i) => i + 2));
    expect(views.rows(big, 'zh-CN', 0, 50, undefined, 'no-such-key').total).toBe(0);
  });
});

describe('the jobs list, filtered by the store', () => {
  const ids = (f: Parameters<JobViews['findJobs']>[0]) => views.findJobs(f, 0, 50).items.map((j) => j.id);

  it('lists newest first with what the filters can offer', () => {
    const all = timed('jobs list, no filter', () => views.findJobs({}, 0, 50));
    expect(all.total).toBe(3);
    expect(all.items.map((j) => j.id)).toEqual([small[1], small[0], big]);
    expect(all.operations).toEqual(['return-cancel']);
    expect(all.profiles).toEqual(['prod-shop', 'sandbox']);
    expect(views.findJobs({}, 1, 1).items.map((j) => j.id)).toEqual([small[0]]);
  });

  it('narrows by profile, operation, state, days (both included) and text', () => {
    expect(ids({ profile: 'prod-shop' })).toEqual([small[0]]);
    expect(ids({ operation: 'return-create' })).toEqual([]);
    expect(ids({ state: 'done', profile: 'sandbox' })).toEqual([small[1], big]);
    expect(ids({ state: 'running' })).toEqual([]);
    // Days are the local days created_at starts with.
    const day = (id: string) => store.job(id)!.created_at.slice(0, 10);
    expect(ids({ from: day(small[0]!), to: day(small[0]!) })).toEqual([small[0]]);
    expect(ids({ from: day(small[0]!) })).toEqual([small[1], small[0]]);
    expect(ids({ to: day(big) })).toEqual([big]);
    expect(ids({ text: 'APRIL' })).toEqual([small[1]]);
    expect(ids({ text: big.slice(-8) })).toEqual([big]);
    expect(views.findJobs({ text: 'returns' }, 0, 50).total).toBe(2);
  });
});
