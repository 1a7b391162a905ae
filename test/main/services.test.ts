// One services layer (issue 15): the app API and the CLI are two front doors to the same Services.
// Real parts only: a temp data folder with its SQLite store, the built-in sandbox ERP on loopback,
// real .xlsx files, the CLI run in-process through main() and the app API through createAppApi.
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DesktopPort } from '../../main/app-api/desktop-port';
import { createAppApi } from '../../main/app-api';
import { ok } from '../../shared/result';
import { json, listBook, runCliInProcess, type JobsJson, type SubmitJson } from './cli/helpers';
import { testServices } from './test-services';

let home: string;
const made: string[] = [];
beforeAll(async () => {
  home = await mkdtemp(path.join(os.tmpdir(), 'wdt-services-'));
  made.push(home);
});
afterAll(async () => {
  for (const dir of made) await rm(dir, { recursive: true, force: true });
});

/** The data folder the first test's CLI and app share: not made beforehand, as on a clerk's first run. */
const data = () => path.join(home, 'data');

/** The CLI in-process on the data folder, run from `home`, as a clerk's shell would run it. */
const cli = (args: string[]) => runCliInProcess(args, { env: { WDT_BULK_HOME: data() }, cwd: home });

/** A desktop whose save dialogs answer with files in `home`, in the order given. */
function savingDesktop(...names: string[]): DesktopPort & { opened: string[] } {
  const opened: string[] = [];
  return {
    mode: 'desktop',
    opened,
    chooseSpreadsheet: async () => null,
    chooseSaveTarget: async () => {
      const next = names.shift();
      return next === undefined ? null : path.join(home, next);
    },
    openPath: async (file) => {
      opened.push(file);
      return ok(undefined);
    },
    showInFolder: async () => ok(undefined),
    openExternal: async () => {},
  };
}

describe('one services layer', () => {
  it('the CLI and the app API give the same answer for the same job (list, counts, rows)', async () => {
    // Seeded sandbox returns: 0001 is being edited (cancellable), 0006 already cancelled (refused), then one that does not exist.
    await listBook(path.join(home, 'cancel.xlsx'), ['CR202406010001', 'CR202406010006', 'CR209912319999']);
    const submitted = await cli(['submit', 'cancel.xlsx', '--op', 'return-cancel', '--json', '--lang', 'en']);
    expect(submitted.code, submitted.stderr).toBe(1); // some rows did not succeed
    const job = json<SubmitJson>(submitted);
    expect(job.rows).toBe(3);
    const listed = await cli(['jobs', '--json']);
    expect(listed.code, listed.stderr).toBe(0);
    const fromCli = json<JobsJson>(listed).jobs;

    const services = await testServices(data());
    const app = createAppApi(services, savingDesktop(), () => {});
    try {
      const fromApp = await app.api.jobsList({});
      if (!fromApp.ok) throw new Error(fromApp.error.message);
      expect(fromApp.value.map((v) => ({ job: v.id, operation: v.operation, state: v.state, created: v.createdAt, counts: v.counts }))).toEqual(
        fromCli.map((j) => ({ job: j.job, operation: j.operation, state: j.state, created: j.created, counts: j.counts })),
      );
      const [viewed] = fromApp.value;
      expect(viewed?.id).toBe(job.job);
      expect(viewed?.counts).toEqual(job.counts);
      expect(viewed?.counts.succeeded).toBeGreaterThanOrEqual(1);
      expect(viewed?.counts.failed).toBeGreaterThanOrEqual(1);
      const rows = await app.api.jobsRows({ jobId: job.job, offset: 0, limit: 10 });
      if (!rows.ok) throw new Error(rows.error.message);
      expect(rows.value.total).toBe(fromCli[0]?.rows);
      expect(rows.value.items.map((r) => r.rowNumber)).toEqual([2, 3, 4]);
      // The workbook the CLI wrote is the path the store remembers, whichever front door asks.
      expect(fromCli[0]?.results).toBe(job.results);
      expect(services.jobs.record(job.job)?.results_path).toBe(job.results);
    } finally {
      app.dispose();
      await services.close();
    }
  }, 60_000);

  it('every domain object is there from the start: templates, profile checks and results work through the app API', async () => {
    const services = await testServices(data());
    for (const member of [services.settings, services.profiles, services.sheets, services.jobs]) expect(member).toBeInstanceOf(Object);
    const desktop = savingDesktop('template.xlsx', 'again.xlsx');
    const app = createAppApi(services, desktop, () => {});
    try {
      const template = await app.api.templatesSave({ operation: 'return-cancel' });
      expect(template).toMatchObject({ ok: true, value: { saved: true, name: 'template.xlsx' } });
      expect(existsSync(path.join(home, 'template.xlsx'))).toBe(true);
      const checked = await app.api.profilesTest({ name: 'sandbox' });
      expect(checked).toMatchObject({ ok: true, value: { outcome: 'works' } });
      const [job] = services.jobs.list();
      if (!job) throw new Error('the first test left no job');
      const saved = await app.api.jobsSaveResults({ jobId: job.id });
      expect(saved).toMatchObject({ ok: true, value: { saved: true, name: 'again.xlsx' } });
      expect(services.jobs.record(job.id)?.results_path).toBe(path.join(home, 'again.xlsx'));
      const info = await app.api.appInfo({});
      expect(info).toMatchObject({ ok: true, value: { secrets: 'session', online: true } });
    } finally {
      app.dispose();
      await services.close();
    }
  }, 60_000);

  it('the built-in sandbox starts in a data folder not made yet (a first run, before any job)', async () => {
    const fresh = await mkdtemp(path.join(os.tmpdir(), 'wdt-services-first-'));
    made.push(fresh);
    const services = await testServices(path.join(fresh, 'not-yet'));
    try {
      expect(await services.profiles.check('sandbox')).toMatchObject({ ok: true, value: { outcome: 'works' } });
    } finally {
      await services.close();
    }
  });

  it('validate and profiles never open the job store', async () => {
    const fresh = await mkdtemp(path.join(os.tmpdir(), 'wdt-services-fresh-'));
    made.push(fresh);
    await listBook(path.join(fresh, 'list.xlsx'), ['CR202406010001']);
    const io = { env: { WDT_BULK_HOME: fresh }, cwd: fresh };
    expect((await runCliInProcess(['validate', 'list.xlsx', '--op', 'return-cancel', '--json'], io)).code).toBe(0);
    expect((await runCliInProcess(['profiles', 'list', '--json'], io)).code).toBe(0);
    expect(existsSync(path.join(fresh, 'jobs.sqlite'))).toBe(false);
  });
});
