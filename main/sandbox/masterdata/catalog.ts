// The sandbox ERP's master data as the four query methods see it: the warehouses, suppliers and SKUs of
// the sandbox's own document kinds (the ones createOrder accepts), each with a last-modified time, and
// which supplier supplies which SKU (a document kind of its own, provider-goods.ts). The times live
// beside the state (one overlay per state, not persisted: the seed's times come back at each start).
import { providers } from '../documents/providers';
import { specs } from '../documents/specs';
import { warehouses } from '../documents/warehouses';
import type { SandboxState } from '../state';
import { providerGoods } from './provider-goods';

export interface MdWarehouse {
  warehouse_no: string;
  name: string;
  is_disabled: boolean;
  modifiedMs: number;
}
export interface MdProvider {
  provider_no: string;
  provider_name: string;
  is_disabled: boolean;
  modifiedMs: number;
}
export interface MdSpec {
  spec_no: string;
  spec_name: string;
  goods_no: string;
  goods_name: string;
  deleted: boolean;
  modifiedMs: number;
}

/** China-time calendar day → epoch ms (10:00 that day), for readable seed times. */
const day = (y: number, m: number, d: number): number => Date.UTC(y, m - 1, d, 2, 0, 0);

/** Seed times spread over 2023–2024, so a first refresh crosses many 30-day windows, most of them empty. */
const seedTimes: Record<string, number> = {
  WH001: day(2023, 2, 1),
  WH002: day(2023, 2, 1),
  'wdtapi3-test': day(2023, 7, 15),
  'WH-LOCKED': day(2024, 3, 10),
  P001: day(2023, 3, 5),
  P002: day(2023, 9, 20),
  LJTest: day(2023, 9, 21),
  'P-STOPPED': day(2024, 5, 2),
};
/** A seeded SKU's time by its place in the seed (stable whatever is added or deleted later). */
const specTime = (no: string): number => {
  const index = specs.seed().findIndex((s) => s.spec_no === no);
  return index < 0 ? day(2023, 1, 1) : day(2023, 1, 10) + index * 47 * 24 * 3600_000;
};

/** A goods number for a spec: the shirts share one goods, every other SKU is its own. */
const goodsNoOf = (specNo: string): string => (/^SKU-TS-/.test(specNo) ? 'GOODS-TS' : specNo);

/** The ERP keeps modified times to the second (its answers end in 000). */
const toSecond = (ms: number): number => Math.floor(ms / 1000) * 1000;

export class SandboxMasterdata {
  /** What changed after the seed, by code: the time, and whether it was stopped/deleted. */
  private readonly changed = new Map<string, { modifiedMs: number; inactive: boolean }>();

  constructor(private readonly state: SandboxState) {}

  private when(kind: string, code: string, seedMs: number): { modifiedMs: number; inactive: boolean } {
    return this.changed.get(`${kind}\t${code}`) ?? { modifiedMs: seedMs, inactive: false };
  }

  warehouses(): MdWarehouse[] {
    return [...this.state.table(warehouses).values()].map((w) => {
      const t = this.when('w', w.warehouse_no, seedTimes[w.warehouse_no] ?? day(2023, 1, 1));
      return { warehouse_no: w.warehouse_no, name: w.name, is_disabled: t.inactive, modifiedMs: t.modifiedMs };
    });
  }

  providers(): MdProvider[] {
    return [...this.state.table(providers).values()].map((p) => {
      const t = this.when('p', p.provider_no, seedTimes[p.provider_no] ?? day(2023, 1, 1));
      return { provider_no: p.provider_no, provider_name: p.name, is_disabled: t.inactive, modifiedMs: t.modifiedMs };
    });
  }

  /** Deleted SKUs stay listed (deleted: true) once deleted here, as the ERP keeps them. */
  specs(): MdSpec[] {
    const live = [...this.state.table(specs).values()].map((s) => {
      const t = this.when('s', s.spec_no, specTime(s.spec_no));
      return { spec_no: s.spec_no, spec_name: s.goods_name, goods_no: goodsNoOf(s.spec_no), goods_name: s.goods_name, deleted: false, modifiedMs: t.modifiedMs };
    });
    const gone = [...this.deletedSpecs.entries()].filter(([no]) => !live.some((s) => s.spec_no === no));
    return [...live, ...gone.map(([no, d]) => ({ spec_no: no, spec_name: d.name, goods_no: goodsNoOf(no), goods_name: d.name, deleted: true, modifiedMs: d.modifiedMs }))];
  }

  private readonly deletedSpecs = new Map<string, { name: string; modifiedMs: number }>();

  /** Adds or changes a warehouse now (createOrder then accepts it). */
  putWarehouse(no: string, name: string, nowMs: number, disabled = false): void {
    this.changed.set(`w\t${no}`, { modifiedMs: toSecond(nowMs), inactive: disabled });
    const table = this.state.table(warehouses);
    table.set(no, { ...(table.get(no) ?? {}), warehouse_no: no, name });
  }

  putProvider(no: string, name: string, nowMs: number, disabled = false): void {
    this.changed.set(`p\t${no}`, { modifiedMs: toSecond(nowMs), inactive: disabled });
    const table = this.state.table(providers);
    table.set(no, { ...(table.get(no) ?? {}), provider_no: no, name });
  }

  putSpec(no: string, name: string, nowMs: number, deleted = false): void {
    this.changed.set(`s\t${no}`, { modifiedMs: toSecond(nowMs), inactive: deleted });
    const table = this.state.table(specs);
    if (deleted) {
      table.delete(no);
      this.deletedSpecs.set(no, { name, modifiedMs: toSecond(nowMs) });
    } else {
      table.set(no, { spec_no: no, goods_name: name });
      this.deletedSpecs.delete(no);
    }
  }

  /** The supplier↔SKU list has no modified time at the vendor: a change is only seen by reading it all again. */
  link(provider: string, spec: string, supplied = true): void {
    const table = this.state.table(providerGoods);
    const key = `${provider}\t${spec}`;
    if (supplied) table.set(key, { provider_no: provider, spec_no: spec, is_disabled: false });
    else table.delete(key);
  }
}

const perState = new WeakMap<SandboxState, SandboxMasterdata>();

/** The master data of one sandbox. */
export function masterdataOf(state: SandboxState): SandboxMasterdata {
  let md = perState.get(state);
  if (!md) {
    md = new SandboxMasterdata(state);
    perState.set(state, md);
  }
  return md;
}
