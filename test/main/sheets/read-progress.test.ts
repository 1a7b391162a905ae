// A read tells how far it is while rows are checked (issue 18 item 3): the first 100 rows once, then rows
// so far against the sheet's own dimension, with every problem counted — through the real worker — and the
// app turns that into onDidReadProgress events for the ticket being read.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { EventName, EventPayload } from '../../../shared/contract';
import { ok } from '../../../shared/result';
import { createAppApi } from '../../../main/app-api';
import type { DesktopPort } from '../../../main/app-api/desktop-port';
import { readSheet } from '../../../main/sheets/read/reader';
import type { FirstRows, ReadProgress } from '../../../main/sheets/read/types';
import { testServices } from '../test-services';
import { tempDir, writeXlsx } from './fixtures';
import type { CellInput } from './fixtures';

const dir = tempDir();
const workerPath = path.resolve('out/node/read-worker.cjs');
const header = ['外部单号', '仓库编码', '供应商编号', '商家编码', '退货数量'];

/** 3,000 create rows under a title row; every 7th has a bad quantity. */
const rows = (): CellInput[][] => Array.from({ length: 3000 }, (_, i) => [`CG${Math.floor(i / 3)}`, 'WH01', 'P001', `SKU${i % 50}`, i % 7 === 0 ? -1 : 2]);

describe('a read tells its progress', () => {
  it('the first rows once, then rows so far of the dimension, and every problem counted', async () => {
    const file = await writeXlsx(path.join(dir, 'progress.xlsx'), [{ name: 'S', rows: [['标题'], header, ...rows()] }]);
    const told: ({ first: FirstRows } | { progress: ReadProgress })[] = [];
    const read = await readSheet(file, { workerPath, onFirstRows: (first) => told.push({ first }), onProgress: (progress) => told.push({ progress }) });
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    const firsts = told.flatMap((t) => ('first' in t ? [t.first] : []));
    expect(firsts).toHaveLength(1);
    expect(firsts[0]?.rows.map((r) => r.rowNumber)).toEqual([...read.value.rows].slice(0, 100).map((r) => r.rowNumber));
    expect('first' in (told[0] as object)).toBe(true);

    const reports = told.flatMap((t) => ('progress' in t ? [t.progress] : []));
    const last = reports.at(-1) as ReadProgress;
    expect(last.rows).toBe(3000);
    // The dimension says A1:E3002; the header is row 2. Only a preview told before the merges were known
    // (first-rows.ts) may say less: as far as the zip guard's scan had come by then.
    const [preview, ...rest] = reports;
    if (preview?.total !== 3000) expect([preview?.rows, preview?.problems, preview?.total !== undefined && preview.total !== null && preview.total < 3000]).toEqual([100, 0, true]);
    expect(rest.map((r) => r.total)).toEqual(rest.map(() => 3000));
    expect(reports.map((r) => r.rows)).toEqual([...reports.map((r) => r.rows)].sort((a, b) => a - b));
    const own = [...read.value.rows].reduce((n, r) => n + (r.ownProblems ?? r.problems).length, 0);
    expect(own).toBeGreaterThan(400);
    expect(last.problems).toBe(own);
    // The reports carry the first problems found, in row order, each once.
    const carried = reports.flatMap((r) => r.newProblems);
    expect(carried).toEqual([...read.value.rows].flatMap((r) => r.ownProblems ?? r.problems).slice(0, carried.length));
    expect(carried.length).toBe(Math.min(own, 500));
  });

  it('reaches the renderer as onDidReadProgress for the ticket being read, when the sheet is not tiny', async () => {
    const home = await mkdtemp(path.join(os.tmpdir(), 'wdt-progress-'));
    const file = await writeXlsx(path.join(home, 'returns.xlsx'), [{ name: 'S', rows: [header, ...rows().slice(0, 1200)] }]);
    const small = await writeXlsx(path.join(home, 'small.xlsx'), [{ name: 'S', rows: [header, ...rows().slice(0, 50)] }]);
    let chosen = file;
    const desktop: DesktopPort = {
      mode: 'desktop',
      chooseSpreadsheet: async () => chosen,
      chooseSaveTarget: async () => null,
      openPath: async () => ok(undefined),
      showInFolder: async () => ok(undefined),
      openExternal: async () => undefined,
    };
    const services = await testServices(home);
    const pushed: EventPayload<'onDidReadProgress'>[] = [];
    const app = createAppApi(services, desktop, <N extends EventName>(name: N, payload: EventPayload<N>) => {
      if (name === 'onDidReadProgress') pushed.push(payload as EventPayload<'onDidReadProgress'>);
    });
    try {
      const ticket = await app.api.importOpenDialog(undefined);
      if (!ticket.ok || !ticket.value) throw new Error('no ticket');
      const read = await app.api.importRead({ token: ticket.value.token });
      expect(read.ok).toBe(true);
      expect(pushed.length).toBeGreaterThanOrEqual(2);
      expect(new Set(pushed.map((p) => p.token))).toEqual(new Set([ticket.value.token]));
      const withFirst = pushed.filter((p) => p.first);
      expect(withFirst).toHaveLength(1);
      expect(withFirst[0]?.first?.rows).toHaveLength(100);
      expect(withFirst[0]?.first?.rows[0]).toEqual({ rowNumber: 2, cells: ['CG0', 'WH01', 'P001', 'SKU0', '-1'], problems: expect.any(Array) });
      expect(withFirst[0]?.first?.columns.map((c) => c.header)).toEqual(header);
      expect(pushed.at(-1)).toMatchObject({ rows: 1200, total: 1200 });

      // A small sheet reads in a blink: no preview to flash before its review.
      pushed.length = 0;
      chosen = small;
      const smallTicket = await app.api.importOpenDialog(undefined);
      if (!smallTicket.ok || !smallTicket.value) throw new Error('no ticket');
      expect((await app.api.importRead({ token: smallTicket.value.token })).ok).toBe(true);
      expect(pushed).toEqual([]);
    } finally {
      app.dispose();
      await services.close();
      await rm(home, { recursive: true, force: true });
    }
  });
});
