// A stored row read back (records.ts): checked column by column by hand, as a boundary — a store written by another
// build or edited by hand must be refused naming the column, never become a wrong outcome in a workbook.
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openJobDatabase } from '../../../main/jobs/database';
import { JobStore } from '../../../main/jobs/job-store';
import { draftSchema, rowRecordSchema } from '../../../main/jobs/records';
import { seedBigJob } from './big-job';
import { tempDir } from './helpers';

const tmp = tempDir('wdt-records-');
afterEach(() => tmp.cleanup());

function storedJob() {
  const db = openJobDatabase(path.join(tmp.dir, 'jobs.sqlite'));
  const store = new JobStore(db);
  const id = seedBigJob(store, 120, { perCall: 20 });
  const raw = (seq: number) => db.prepare('SELECT * FROM job_rows WHERE job_id = ? AND seq = ?').get(id, seq);
  return { db, id, raw };
}

describe('a stored row read back', () => {
  it('comes back as stored: cells, state, the ERP words, notes, submit time', () => {
    const { db, raw } = storedJob();
    try {
      // Row 3 failed with the ERP's words; row 7 was invalid with a note naming the column; row 42 unknown.
      expect(rowRecordSchema.parse(raw(3))).toMatchObject({ seq: 3, row_number: 5, cells: ['PR0000003'], order_key: 'PR0000003', state: 'failed', erp_message: '单据不存在 PR0000003', notes: [], warnings: [], erp_no: null, call: 1, done_by: null, edits: [] });
      expect(rowRecordSchema.parse(raw(3)).submitted_at).toMatch(/^\d{4}-\d\d-\d\dT/);
      expect(rowRecordSchema.parse(raw(7))).toMatchObject({ state: 'invalid', cells: [''], order_key: null, call: null, submitted_at: null, notes: [{ column: '采购退货单号', text: { key: 'sheets.problem.required' } }] });
      expect(rowRecordSchema.parse(raw(42))).toMatchObject({ state: 'unknown', notes: [{ text: { key: 'jobs.unknown.check', params: { key: 'PR0000042' } } }] });
      expect(rowRecordSchema.parse(raw(0))).toMatchObject({ state: 'succeeded', erp_no: 'RPR0000000' });
    } finally {
      db.close();
    }
  });

  it('refuses a column that is not what this build wrote, naming it', () => {
    const { db, id, raw } = storedJob();
    try {
      db.prepare(`UPDATE job_rows SET cells = '{"a":1}' WHERE job_id = ? AND seq = 1`).run(id);
      expect(() => rowRecordSchema.parse(raw(1))).toThrow(/job_rows\.cells/);
      db.prepare(`UPDATE job_rows SET row_number = 'two' WHERE job_id = ? AND seq = 2`).run(id);
      expect(() => rowRecordSchema.parse(raw(2))).toThrow(/job_rows\.row_number/);
      db.prepare(`UPDATE job_rows SET erp_message = x'00' WHERE job_id = ? AND seq = 4`).run(id);
      expect(() => rowRecordSchema.parse(raw(4))).toThrow(/job_rows\.erp_message/);
      // The JSON columns keep their zod schemas: a note without its text is refused.
      db.prepare(`UPDATE job_rows SET notes = '[{"column":"x"}]' WHERE job_id = ? AND seq = 5`).run(id);
      expect(() => rowRecordSchema.parse(raw(5))).toThrow();
      db.prepare(`UPDATE job_rows SET edits = '[{"column":-1,"original":"a"}]' WHERE job_id = ? AND seq = 6`).run(id);
      expect(() => rowRecordSchema.parse(raw(6))).toThrow();
    } finally {
      db.close();
    }
  });

  it("reads an order's draft back as stored, and refuses one this build did not write, naming the order", () => {
    const { db, id } = storedJob();
    try {
      const draft = (key: string) => JSON.parse((db.prepare('SELECT draft FROM job_orders WHERE job_id = ? AND key = ?').get(id, key) as { draft: string }).draft) as unknown;
      const stored = draft('PR0000003');
      expect(draftSchema.parse(stored)).toEqual(stored);
      expect(draftSchema.parse(stored)).toMatchObject({ key: 'PR0000003', rows: [5], lines: [] });
      const create = { key: 'OUT-1', rows: [2, 3], header: { outer_no: 'OUT-1', is_check: false }, lines: [{ spec_no: 'SKU-1', num: 2, tags: ['a'] }, { spec_no: 'SKU-2', num: 1 }] };
      expect(draftSchema.parse(JSON.parse(JSON.stringify(create)))).toEqual(create);
      expect(() => draftSchema.parse({ ...create, rows: ['2'] })).toThrow(/job_orders\.draft.*OUT-1/);
      expect(() => draftSchema.parse({ ...create, lines: [{ num: { deep: 1 } }] })).toThrow(/OUT-1/);
      expect(() => draftSchema.parse({ ...create, header: [] })).toThrow(/job_orders\.draft/);
      expect(() => draftSchema.parse({ rows: [], header: {}, lines: [] })).toThrow(/job_orders\.draft/);
      expect(() => draftSchema.parse(null)).toThrow(/job_orders\.draft/);
    } finally {
      db.close();
    }
  });
});
