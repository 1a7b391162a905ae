// The refresh of the local copy against the sandbox on loopback, into a real SQLite file: fresh,
// incremental (only what changed is fetched), interrupted and resumed, a method not granted, the
// vendor's rate limit and a failing network.
import { afterEach, describe, expect, it } from 'vitest';
import { openJobDatabase } from '../../../main/jobs/database';
import { MasterdataStore } from '../../../main/masterdata/md-store';
import { refreshMasterdata, windowMs } from '../../../main/masterdata/refresh';
import { systemClock } from '../../../main/effects';
import { listDefs } from '../../../shared/masterdata/lists';
import { mdRig, seedStart, type MdRig } from './helpers';

const goods = listDefs.specs.method;
const warehouses = listDefs.warehouses.method;
const links = listDefs.providerGoods.method;

let rig: MdRig | undefined;
afterEach(async () => {
  await rig?.close();
  rig = undefined;
});

const windowsSinceSeedStart = () => Math.ceil((Date.now() - seedStart) / windowMs);

describe('masterdata refresh', () => {
  it('a fresh refresh reads every list, window by window, into the store', async () => {
    rig = await mdRig();
    const progress: string[] = [];
    const got = await rig.refresh({ onProgress: (p) => progress.push(p.list) });
    expect(got.ok).toBe(true);
    if (!got.ok) return;
    expect(got.value.complete).toBe(true);
    expect(got.value.lists.map((l) => [l.list, l.outcome, l.records])).toEqual([
      ['warehouses', 'fresh', 4],
      ['providers', 'fresh', 4],
      // A goods comes with all its specs whenever one of them changed: the three shirts came three times.
      ['specs', 'fresh', 16],
      ['providerGoods', 'fresh', 12],
    ]);
    // One call per 30-day window from the start (every window fits in one page); the supplier list at once.
    expect(rig.calls(warehouses)).toBe(windowsSinceSeedStart());
    expect(rig.calls(links)).toBe(1);
    expect(new Set(progress)).toEqual(new Set(['warehouses', 'providers', 'specs', 'providerGoods']));
    const status = rig.store.status('sandbox');
    expect(status.map((s) => [s.list, s.state, s.count, s.resumable])).toEqual([
      ['warehouses', 'fresh', 4, false],
      ['providers', 'fresh', 4, false],
      ['specs', 'fresh', 10, false],
      ['providerGoods', 'fresh', 12, false],
    ]);
    expect(status.every((s) => s.refreshedAt !== null && s.highWaterMs !== null || s.list === 'providerGoods')).toBe(true);
    const lookup = rig.store.lookup('sandbox');
    expect(lookup.warehouses?.get('WH001')).toEqual({ name: '上海主仓', inactive: false });
    expect(lookup.supplies?.has('LJTest', 'xiaowanzi')).toBe(true);
    expect(lookup.supplies?.has('LJTest', 'SKU-CAP-01')).toBe(false);
  });

  it('an incremental refresh fetches only what changed since the last one', async () => {
    rig = await mdRig();
    expect((await rig.refresh()).ok).toBe(true);
    rig.sandbox.state.resetCounters();
    // Changed a moment before the refresh (the ERP's times are whole seconds).
    const now = Date.now() - 2000;
    rig.md.putSpec('SKU-NEW-9', '新品九', now);
    rig.md.putProvider('P001', '华东纺织（新名）', now);
    rig.md.putWarehouse('WH002', '北京仓', now, true);
    rig.md.link('P002', 'SKU-BAG-02', false);
    rig.md.link('P001', 'SKU-NEW-9');
    const got = await rig.refresh();
    expect(got.ok && got.value.lists.map((l) => [l.list, l.records, l.calls])).toEqual([
      ['warehouses', 1, 1],
      ['providers', 1, 1],
      ['specs', 1, 1],
      // The supplier list has no modified time at the vendor: it is read whole again.
      ['providerGoods', 12, 1],
    ]);
    expect(rig.calls(goods)).toBe(1);
    const lookup = rig.store.lookup('sandbox');
    expect(lookup.specs?.get('SKU-NEW-9')?.name).toBe('新品九');
    expect(lookup.providers?.get('P001')?.name).toBe('华东纺织（新名）');
    expect(lookup.warehouses?.get('WH002')).toEqual({ name: '北京仓', inactive: true });
    expect(lookup.supplies?.has('P002', 'SKU-BAG-02')).toBe(false);
    expect(lookup.supplies?.has('P001', 'SKU-NEW-9')).toBe(true);
    expect(rig.store.status('sandbox').find((s) => s.list === 'specs')?.count).toBe(11);
  });

  it('an interrupted refresh continues from its last saved page, in another connection to the file', async () => {
    rig = await mdRig();
    // The uninterrupted cost, in small pages, on a second sandbox-and-store of the same seed.
    const baseline = await mdRig();
    try {
      await baseline.refresh({ pageSize: 2, lists: ['specs'] });
      const whole = baseline.calls(goods);
      const stop = new AbortController();
      const first = await rig.refresh({ pageSize: 2, lists: ['specs'], signal: stop.signal, onProgress: (p) => p.calls === 3 && stop.abort() });
      expect(first.ok && first.value.lists[0]).toMatchObject({ outcome: 'stopped', calls: 3 });
      expect(rig.store.status('sandbox')[2]).toMatchObject({ list: 'specs', state: 'partial', resumable: true });
      // As after a crash: the file is opened again by another connection (another process would do the same).
      rig.db.close();
      const db = openJobDatabase(rig.dbFile);
      rig.db = db;
      const store = new MasterdataStore(db);
      const second = await refreshMasterdata(
        { store, query: rig.query, clock: systemClock, lang: 'zh-CN' },
        { profile: 'sandbox', account: 'wdtapi3@sandbox', startMs: seedStart, pageSize: 2, lists: ['specs'] },
      );
      expect(second.ok && second.value.lists[0]?.outcome).toBe('fresh');
      expect(rig.calls(goods)).toBe(whole);
      expect(store.status('sandbox')[2]).toMatchObject({ state: 'fresh', count: 10, resumable: false });
    } finally {
      await baseline.close();
    }
  });

  it('skips a list whose method the account was not granted, with a notice, and keeps the rest', async () => {
    rig = await mdRig({ deniedMethods: [links] });
    const got = await rig.refresh();
    expect(got.ok).toBe(true);
    if (!got.ok) return;
    expect(got.value.complete).toBe(true);
    const denied = got.value.lists.find((l) => l.list === 'providerGoods');
    expect(denied).toMatchObject({ outcome: 'denied', notice: { key: 'masterdata.refresh.denied', params: { method: links } } });
    expect(got.value.lists.filter((l) => l.outcome === 'fresh').map((l) => l.list)).toEqual(['warehouses', 'providers', 'specs']);
    expect(rig.store.status('sandbox')[3]).toMatchObject({ state: 'denied', notice: { key: 'masterdata.refresh.denied' } });
    // Nothing is checked against a list the account cannot read.
    expect(rig.store.lookup('sandbox').supplies).toBeNull();
  });

  it('slows down for the vendor\'s rate limit and still completes', async () => {
    rig = await mdRig({ callsPerMinute: 4, rateWindowMs: 150 }, { windowMs: 150 });
    const got = await rig.refresh({ lists: ['warehouses'] });
    expect(got.ok && got.value.lists[0]?.outcome).toBe('fresh');
    expect(rig.sandbox.state.counters.rateLimited).toBeGreaterThan(0);
    expect(rig.calls(warehouses)).toBe(windowsSinceSeedStart());
  });

  it('a failing network stops the refresh with a notice, never a throw, and the next one goes on', async () => {
    rig = await mdRig({ faults: [{ kind: '502-before-acting', count: 2, method: warehouses }] });
    const got = await rig.refresh();
    expect(got.ok).toBe(true);
    if (!got.ok) return;
    expect(got.value.complete).toBe(false);
    expect(got.value.lists.map((l) => l.outcome)).toEqual(['failed', 'not-run', 'not-run', 'not-run']);
    expect(got.value.lists[0]?.notice?.key).toBe('masterdata.refresh.failed');
    const again = await rig.refresh();
    expect(again.ok && again.value.complete).toBe(true);
  });

  it('refuses to go on with a refused account, as an error naming why', async () => {
    rig = await mdRig({ accountLock: 'ip' });
    const got = await rig.refresh();
    expect(got.ok).toBe(false);
    if (got.ok) return;
    expect(got.error.code).toBe('CREDENTIALS_REFUSED');
    expect(got.error.details).toEqual({ list: 'warehouses' });
  });

  it('a start in the future asks nothing and leaves the list fresh (and empty)', async () => {
    rig = await mdRig();
    const got = await rig.refresh({ lists: ['providers'], startMs: Date.now() + 24 * 3600_000 });
    expect(got.ok && got.value.lists[0]).toMatchObject({ outcome: 'fresh', calls: 0, records: 0 });
    expect(rig.calls(listDefs.providers.method)).toBe(0);
  });

  it('forgets a copy made for another account under the same profile name', async () => {
    rig = await mdRig();
    await rig.refresh({ lists: ['warehouses'] });
    expect(rig.store.status('sandbox')[0]?.count).toBe(4);
    rig.store.openProfile('sandbox', 'other-sid@https://erp.example');
    expect(rig.store.status('sandbox')[0]).toMatchObject({ state: 'never', count: 0 });
  });
});
