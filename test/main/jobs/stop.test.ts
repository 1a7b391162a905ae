import { hostname } from 'node:os';
// Issue 14 item 2: a stopped job is not done. Stopping a job that waits on a dead ERP answers at once,
// leaves it interrupted with its rows pending (no call, no submit time), puts them on the workbook's
// To fix sheet, and resume sends them. Real parts: the sandbox on loopback, a closed port, a SQLite file,
// the results workbook opened with exceljs.
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import { systemClock } from '../../../main/effects';
import { defaultLimits } from '../../../main/profiles/types';
import { startSandbox, sandboxCredentials } from '../../../main/sandbox';
import { resultsSheetNames } from '../../../main/sheets/results/results-layout';
import { writeResults } from '../../../main/sheets/results/results-writer';
import { HttpWdtClient } from '../../../main/wdt/client';
import { ok } from '../../../shared/result';
import { listSheet, metaFor, readImport, rig, type Rig } from './helpers';

let r: Rig | undefined;
afterEach(async () => {
  await r?.close();
  r = undefined;
});

const numbers = (n: number) => Array.from({ length: n }, (_, i) => `CR20240602${String(i + 1).padStart(4, '0')}`);

/** A port nothing listens on: a sandbox started and closed again. */
async function deadUrl(): Promise<string> {
  const gone = await startSandbox({});
  const url = gone.url;
  await gone.close();
  return url;
}

const waitFor = async (check: () => boolean, ms = 5000) => {
  const until = Date.now() + ms;
  while (!check()) {
    if (Date.now() > until) throw new Error('condition not met in time');
    await new Promise((res) => setTimeout(res, 10));
  }
};

/** A rig whose ERP address can be switched between runs (dead first, the live sandbox later). */
async function switchableRig(backoffMs: number): Promise<{ rig: Rig; point(url: string): void }> {
  let target = '';
  const made = await rig({
    engine: {
      pacing: { backoff: { baseMs: backoffMs, capMs: backoffMs } },
      connect: async () => {
        const client = new HttpWdtClient({
          baseUrl: target,
          sid: sandboxCredentials.sid,
          appkey: sandboxCredentials.appkey,
          getSecret: async () => sandboxCredentials.appSecret,
          clock: systemClock,
          timeoutMs: 5000,
        });
        return ok({ client, limits: { ...defaultLimits, callsPerMinute: 0 }, close: () => client.close() });
      },
    },
  });
  return { rig: made, point: (url) => (target = url) };
}

async function cancelJob(x: Rig, n: number): Promise<string> {
  const sheet = await readImport(await listSheet(path.join(x.dir, 'stop.xlsx'), '采购退货单号', numbers(n)), 'return-cancel');
  const created = x.engine.create({ sheet, meta: metaFor(sheet) });
  if (!created.ok) throw new Error(created.error.message);
  return created.value;
}

describe('stop (issue 14, item 2)', () => {
  it('on a dead ERP: answers at once, interrupted, rows pending and never given a call or submit time; resume sends them', async () => {
    // A 30 s backoff: a stop that waited for the next try would take that long.
    const { rig: x, point } = await switchableRig(30_000);
    r = x;
    point(await deadUrl());
    const jobId = await cancelJob(x, 4);
    const running = x.engine.run(jobId);
    await waitFor(() => x.store.job(jobId)?.state === 'waiting' && x.views.attemptCount(jobId) >= 1);

    const asked = Date.now();
    expect(x.engine.stop(jobId)).toEqual({ ok: true, value: undefined });
    const end = await running;
    expect(Date.now() - asked).toBeLessThan(2000);
    expect(end).toMatchObject({ ok: true, value: { kind: 'interrupted', code: 'STOPPED' } });
    const job = x.store.job(jobId)!;
    expect(job.state).toBe('interrupted');
    expect(job.state_reason?.key).toBe('jobs.interrupted.stopped');
    expect(job.finished_at).toBeNull();
    expect(x.views.counts(jobId)).toMatchObject({ pending: 4, skipped: 0, succeeded: 0 });
    const rows = x.views.rows(jobId, 'en', 0, 10).items;
    for (const row of rows) {
      expect(row).toMatchObject({ state: 'pending', call: null, submittedAt: null });
      expect(row.message).toMatch(/not been sent/);
    }

    // The workbook: the unsent rows say so, carry no call or submit time, and wait on the To fix sheet.
    const file = path.join(x.dir, 'stopped.results.xlsx');
    expect((await writeResults(x.views.reportSource(job, 'zh-CN'), file)).ok).toBe(true);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(file);
    const results = book.getWorksheet(resultsSheetNames.results)!;
    const headers = (results.getRow(1).values as unknown[]).map(String);
    const col = (name: string) => headers.indexOf(name);
    for (let i = 2; i <= 5; i++) {
      const row = results.getRow(i);
      expect(row.getCell(col('状态')).text).toBe('待提交');
      expect(row.getCell(col('调用')).value).toBeNull();
      expect(row.getCell(col('提交时间')).value).toBeNull();
      expect(row.getCell(col('ERP 返回信息')).text).toContain('尚未发送');
    }
    const toFix = book.getWorksheet(resultsSheetNames.toFix)!;
    expect(toFix.actualRowCount).toBe(5);
    expect([2, 3, 4, 5].map((i) => toFix.getRow(i).getCell(1).text)).toEqual(numbers(4));
    const summary = book.getWorksheet(resultsSheetNames.summary)!;
    const summaryText: string[] = [];
    summary.eachRow((row) => summaryText.push(row.values ? (row.values as unknown[]).join('|') : ''));
    expect(summaryText.join('\n')).not.toMatch(/已完成/);

    // Resumable: the same job, once the ERP answers, sends the four rows.
    point(x.sandbox.url);
    expect(await x.engine.run(jobId)).toMatchObject({ ok: true, value: { kind: 'done' } });
    expect(x.views.counts(jobId)).toMatchObject({ succeeded: 4, pending: 0 });
    for (const row of x.views.rows(jobId, 'en', 0, 10).items) {
      expect(row.call).toBe(1);
      expect(row.submittedAt).not.toBeNull();
    }
  });

  it('a job that is not running here (waiting after a restart) stops straight to interrupted', async () => {
    const { rig: x, point } = await switchableRig(20);
    r = x;
    point(x.sandbox.url);
    const jobId = await cancelJob(x, 3);
    x.store.setState(jobId, 'waiting', { key: 'jobs.wait.offline' });
    expect(x.engine.stop(jobId).ok).toBe(true);
    expect(x.store.job(jobId)).toMatchObject({ state: 'interrupted', state_reason: { key: 'jobs.interrupted.stopped' } });
    expect(x.views.counts(jobId)).toMatchObject({ pending: 3, skipped: 0 });
    expect(x.sandbox.state.returnByNo(numbers(3)[0]!)?.status).not.toBe(10);
  });

  it('a job another live process runs is refused, not marked stopped under its feet', async () => {
    const { rig: x, point } = await switchableRig(20);
    r = x;
    point(x.sandbox.url);
    const jobId = await cancelJob(x, 2);
    x.store.setState(jobId, 'running');
    // A new job is owned by the engine that made it; hand it to another live process.
    x.store.release(jobId, `${hostname()}:${process.pid}`);
    expect(x.store.acquire(jobId, 'elsewhere:1', Date.now(), 30_000, () => true)).toBe(true);
    expect(x.engine.stop(jobId)).toMatchObject({ ok: false, error: { code: 'JOB_STATE' } });
    expect(x.store.job(jobId)?.state).toBe('running');
  });
});
