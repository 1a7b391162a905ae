// The review screen's ERP preview through the app API (createAppApi over the real services): a cancel
// list read from a real .xlsx, previewed against the embedded sandbox on loopback — already-cancelled,
// shipped-out and unknown returns marked; stopped midway; beyond the cap read by windows — and the
// rows the clerk drops after it recorded in the job and the results workbook as excluded, with why.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAppApi, type AppApi } from '../../../main/app-api';
import type { DesktopPort } from '../../../main/app-api/desktop-port';
import type { Services } from '../../../main/services';
import type { MasterdataPreviewProgress } from '../../../shared/contract';
import { formatChinaTime } from '../../../shared/operations/erp-time';
import { ok, type Result } from '../../../shared/result';
import { listBook, readBook, sheetNames } from '../cli/helpers';
import { createSheet } from '../jobs/helpers';
import { testServices } from '../test-services';

let home: string;
let services: Services;
let app: AppApi;
let progress: MasterdataPreviewProgress[];
let onProgress: (p: MasterdataPreviewProgress) => void;

function desktop(): DesktopPort {
  return {
    mode: 'desktop',
    chooseSpreadsheet: async () => null,
    chooseSaveTarget: async (name) => path.join(home, name),
    openPath: async () => ok(undefined),
    showInFolder: async () => ok(undefined),
    openExternal: async () => {},
  } as DesktopPort;
}

const value = <T>(r: Result<T>): T => {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value;
};

beforeEach(async () => {
  home = await mkdtemp(path.join(os.tmpdir(), 'wdt-review-preview-'));
  progress = [];
  onProgress = () => {};
});
afterEach(async () => {
  app?.dispose();
  await services?.close();
  await rm(home, { recursive: true, force: true });
});

async function open(settings?: object) {
  if (settings) await writeFile(path.join(home, 'settings.json'), JSON.stringify({ version: 1, profiles: [], ...settings }));
  services = await testServices(home, { lang: 'zh-CN' });
  app = createAppApi(services, desktop(), (name, payload) => {
    if (name === 'onDidMasterdataPreviewProgress') {
      progress.push(payload as MasterdataPreviewProgress);
      onProgress(payload as MasterdataPreviewProgress);
    }
  });
}

async function read(numbers: string[]): Promise<string> {
  const file = await listBook(path.join(home, '取消.xlsx'), numbers);
  const ticket = value(await app.api.importDroppedFile({ path: file }));
  const summary = value(await app.api.importRead({ token: ticket.token, operation: 'return-cancel' }));
  expect(summary.counts.valid).toBe(numbers.length);
  return summary.importId;
}

const verdicts = (rows: { key: string; rows: number[]; verdict: string }[]) => rows.map((r) => [r.key, r.rows, r.verdict]);

describe('the review screen\'s ERP preview', () => {
  it('marks the rows a cancel cannot succeed on; the rows dropped after it are excluded in the job and the workbook, with why', async () => {
    await open();
    const importId = await read(['CR202406010001', 'CR202406010006', 'CR202406010004', 'CR209912319999']);
    const view = value(await app.api.masterdataPreview({ importId }));
    expect(view).toMatchObject({ importId, profile: 'sandbox', mode: 'by-number', cap: 200, complete: true, calls: 4, counts: { ok: 1, blocked: 3, unknown: 0 }, notice: null });
    expect(verdicts(view.rows)).toEqual([
      ['CR202406010001', [2], 'ok'],
      ['CR202406010006', [3], 'blocked'],
      ['CR202406010004', [4], 'blocked'],
      ['CR209912319999', [5], 'blocked'],
    ]);
    expect(view.rows[1]!.labels.map((l) => l.key)).toEqual(['masterdata.status.cancelled', 'masterdata.stockout.none']);
    expect(view.rows[1]!.reason?.key).toBe('masterdata.preview.alreadyCancelled');
    expect(view.at).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    expect(progress.map((p) => [p.done, p.total])).toEqual([[1, 4], [2, 4], [3, 4], [4, 4]]);

    // The clerk drops the blocked rows (row 5 by hand too: any withdrawn row the preview blocked says why).
    const dropped = view.rows.filter((r) => r.verdict === 'blocked').flatMap((r) => r.rows);
    const sandbox = await services.sandbox();
    sandbox.state.resetCounters();
    const { jobId } = value(await app.api.jobsStart({ importId, profile: 'sandbox', withdrawnRows: dropped, isCheck: false, includeDone: false, confirmed: false }));
    for (let i = 0; i < 200 && value(await app.api.jobsGet({ jobId })).state !== 'done'; i += 1) await new Promise((r) => setTimeout(r, 50));
    const rows = value(await app.api.jobsRows({ jobId, offset: 0, limit: 10 })).items;
    expect(rows.map((r) => [r.rowNumber, r.state])).toEqual([
      [2, 'succeeded'],
      [3, 'skipped'],
      [4, 'skipped'],
      [5, 'skipped'],
    ]);
    expect(rows[1]!.message).toContain('发送前预览 ERP 状态（');
    expect(rows[1]!.message).toContain('后由操作员排除，未发送');
    expect(rows[1]!.message).toContain('单据已取消，发送会失败。');
    expect(rows[1]!.message).toContain('已取消');
    expect(rows[2]!.message).toContain('单据已出库或部分出库，不能取消。');
    expect(rows[3]!.message).toContain('ERP 中没有这张单据');
    // Only the one that can succeed was sent.
    expect(sandbox.state.counters.byMethod['purchase.PurchaseReturn.batchCancelOrder']).toBe(1);

    const saved = value(await app.api.jobsSaveResults({ jobId }));
    const book = await readBook(saved.path!);
    const results = book.get(sheetNames.results)!;
    const line = results.find((r) => r.includes('CR202406010006'))!;
    expect(line.join(' ')).toContain('发送前预览 ERP 状态');
    expect(line.join(' ')).toContain('单据已取消，发送会失败。');
  }, 60_000);

  it('a withdrawn row the preview found can succeed keeps the plain "skipped on review" note', async () => {
    await open();
    const importId = await read(['CR202406010001', 'CR202406010006']);
    value(await app.api.masterdataPreview({ importId }));
    const { jobId } = value(await app.api.jobsStart({ importId, profile: 'sandbox', withdrawnRows: [2, 3], isCheck: false, includeDone: false, confirmed: false }));
    for (let i = 0; i < 200 && value(await app.api.jobsGet({ jobId })).state !== 'done'; i += 1) await new Promise((r) => setTimeout(r, 50));
    const rows = value(await app.api.jobsRows({ jobId, offset: 0, limit: 10 })).items;
    expect(rows.map((r) => r.message)).toEqual(['检查时选择跳过，未发送', expect.stringContaining('单据已取消')]);
  }, 60_000);

  it('stops midway when the clerk stops it: the rest are unknown, never "will fail"', async () => {
    await open();
    const importId = await read(['CR202406010006', 'CR202406010001', 'CR202406010004', 'CR202406010005']);
    onProgress = (p) => {
      if (p.done === 1) void app.api.masterdataPreviewStop({});
    };
    const view = value(await app.api.masterdataPreview({ importId }));
    expect(view.complete).toBe(false);
    expect(view.calls).toBe(1);
    expect(verdicts(view.rows).map((r) => r[2])).toEqual(['blocked', 'unknown', 'unknown', 'unknown']);
    expect(view.rows[1]!.reason?.key).toBe('masterdata.preview.stopped');
    expect(progress.map((p) => p.done)).toEqual([1]);
    // Another preview of the same read runs again from the start.
    onProgress = () => {};
    expect(value(await app.api.masterdataPreview({ importId })).counts).toEqual({ ok: 1, blocked: 3, unknown: 0 });
  }, 60_000);

  it('beyond the cap (a setting) reads by modified-time windows and pages, within the last previewDays', async () => {
    await open({ masterdata: { previewCap: 2, previewDays: 30, pageSize: 2 } });
    const sandbox = await services.sandbox();
    const recent = formatChinaTime(Date.now() - 3600_000);
    for (const no of ['CR202406010006', 'CR202406010001', 'CR202406010003']) sandbox.state.returnByNo(no)!.modified = recent;
    const importId = await read(['CR202406010006', 'CR202406010001', 'CR202406010003']);
    sandbox.state.resetCounters();
    const view = value(await app.api.masterdataPreview({ importId }));
    expect(view).toMatchObject({ mode: 'by-window', cap: 2, complete: true });
    expect(verdicts(view.rows)).toEqual([
      ['CR202406010006', [2], 'blocked'],
      ['CR202406010001', [3], 'ok'],
      ['CR202406010003', [4], 'ok'],
    ]);
    // One 30-day window in pages of two: three returns changed in it → two pages.
    expect(view.calls).toBe(2);
    expect(sandbox.state.counters.byMethod['purchase.PurchaseReturn.queryWithDetail']).toBe(2);
  }, 60_000);

  it('names the codes of a create sheet from the local copy, edits included; a cancel list has none', async () => {
    await open({ masterdata: { startDate: '2023-01-01' } });
    const listId = await read(['CR202406010001']);
    expect(value(await app.api.masterdataNames({ importId: listId }))).toEqual({ warehouse_no: {}, provider_no: {}, spec_no: {} });
    expect(value(await app.api.masterdataRefresh({})).complete).toBe(true);
    const file = await createSheet(path.join(home, '退货.xlsx'), [
      { outer: 'O1', warehouse: 'WH001', provider: 'P001', spec: 'SKU-TS-RED-M' },
      { outer: 'O2', warehouse: 'WH404', provider: 'P001', spec: 'SKU-TS-RED-M' },
    ]);
    const ticket = value(await app.api.importDroppedFile({ path: file }));
    const importId = value(await app.api.importRead({ token: ticket.token })).importId;
    const names = value(await app.api.masterdataNames({ importId }));
    expect(names.warehouse_no).toEqual({ WH001: '上海主仓' });
    expect(Object.keys(names.provider_no)).toEqual(['P001']);
    expect(Object.keys(names.spec_no)).toEqual(['SKU-TS-RED-M']);
    // A cell fixed in the review grid is named at once (the names follow the edited sheet).
    value(await app.api.importEdit({ importId, rowNumber: 3, column: 1, value: 'WH002' }));
    expect(Object.keys(value(await app.api.masterdataNames({ importId })).warehouse_no).sort()).toEqual(['WH001', 'WH002']);
  }, 90_000);
});
