// A job of many rows made fast, through the store's own API (createJob, beginAhead, finishAttempt): a cancel
// list of `rows` rows, every 50th refused by the reader (invalid), the rest sent in calls of 500 (default) and answered
// — every 10th failed, every 100th unknown, the rest succeeded. Used by the store's browse test and by the
// e2e test that scrolls a 100,000-row job (submitting that many through the sandbox would take minutes).
import { getOperation } from '../../../shared/operations/catalog';
import type { ImportRow, SheetImport } from '../../../main/sheets/read/types';
import type { JobStore, OrderSettlement } from '../../../main/jobs/job-store';

export const bigKey = (i: number): string => `PR${String(i).padStart(7, '0')}`;
/** The state row i (0-based) ends in. */
export const bigState = (i: number): 'invalid' | 'failed' | 'unknown' | 'succeeded' =>
  i % 50 === 7 ? 'invalid' : i % 10 === 3 ? 'failed' : i % 100 === 42 ? 'unknown' : 'succeeded';
export const bigRefusal = '单据不存在';

export function bigSheet(rows: number, name = 'big-cancel.xlsx'): SheetImport {
  const op = getOperation('return-cancel')!;
  const header = '采购退货单号';
  const sheetRows: ImportRow[] = [];
  for (let i = 0; i < rows; i += 1) {
    const rowNumber = i + 2;
    if (bigState(i) === 'invalid') {
      const text = { key: 'sheets.problem.required' as const, params: { column: header } };
      sheetRows.push({ rowNumber, cells: [''], values: {}, problems: [{ row: rowNumber, column: header, field: op.keyField, text }], disposition: { kind: 'invalid' } });
    } else {
      sheetRows.push({ rowNumber, cells: [bigKey(i)], values: { [op.keyField]: bigKey(i) }, problems: [], disposition: { kind: 'valid', orderKey: bigKey(i) } });
    }
  }
  const valid = sheetRows.filter((r) => r.disposition.kind === 'valid');
  return {
    file: { path: `/tmp/${name}`, name, bytes: rows * 20, sha256: `${'b'.repeat(56)}${String(rows).padStart(8, '0')}`, format: 'xlsx' },
    sheets: [{ name: 'Sheet1', visible: true, operation: op.id }],
    sheet: 'Sheet1',
    headerRow: 1,
    operation: op.id,
    operationReason: { key: 'sheets.operation.chosen' },
    columns: [{ index: 0, header, field: op.keyField }],
    ignoredColumns: [],
    fingerprint: 'big',
    mapping: null,
    unmapped: { columns: [], fields: [] },
    rows: sheetRows,
    orders: valid.map((r) => ({ key: r.cells[0]!, rows: [r.rowNumber], header: { [op.keyField]: r.cells[0]! }, lines: [] })),
    notices: [],
  };
}

/** Stores and settles a big job; resolves to its id. `profileName` and `now` let a test make jobs that differ. */
export function seedBigJob(
  store: JobStore,
  rows: number,
  { profileName = 'sandbox', now = Date.now(), name, perCall = 500 }: { profileName?: string; now?: number; name?: string; perCall?: number } = {},
): string {
  const op = getOperation('return-cancel')!;
  const sheet = bigSheet(rows, name);
  const id = store.createJob({
    sheet,
    now,
    meta: {
      operation: op.id, method: op.method, profileName, environment: 'sandbox', sid: 'wdtbulk-demo', baseUrl: 'http://127.0.0.1',
      operator: 'tester', appVersion: '0.0.0-test', isCheck: false, lang: 'zh-CN', perCall,
    },
  });
  const { total } = store.callCounts(id);
  const calls = Array.from({ length: total }, (_, i) => i + 1);
  const { started } = store.beginAhead(id, calls, op.method, now);
  const index = (key: string) => Number(key.slice(2));
  started.forEach((attempt, i) => {
    if (!attempt) return;
    const settlements: OrderSettlement[] = attempt.orders.map((o) => {
      const state = bigState(index(o.key));
      if (state === 'failed') return { key: o.key, state, erpMessage: `${bigRefusal} ${o.key}` };
      if (state === 'unknown') return { key: o.key, state, notes: [{ text: { key: 'jobs.unknown.check', params: { key: o.key } } }] };
      return { key: o.key, state: 'succeeded', erpNo: `R${o.key}` };
    });
    store.finishAttempt(id, calls[i]!, attempt.attemptId, { outcome: 'answered', httpStatus: 200, erpStatus: 0, erpMessage: null, durationMs: 20 }, settlements);
  });
  store.setState(id, 'done', null, now);
  return id;
}
