// The sandbox ERP's master data as the four query methods see it: every warehouse, supplier and SKU
// the sandbox's documents use, each with its own last-modified time, and which supplier supplies which
// SKU. Kept beside the SandboxState (one per state, never persisted): the codes and names come from
// the state's seed, so createOrder and the queries always agree; the times and links are this file's.
import type { SandboxState } from '../state';

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
export interface MdLink {
  provider_no: string;
  spec_no: string;
  is_disabled: boolean;
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
const specTime = (index: number): number => day(2023, 1, 10) + index * 47 * 24 * 3600_000;

/** Which seeded supplier supplies which seeded SKU: the create samples (P001 shirts, LJTest the pages' examples) agree. */
const seedLinks: readonly [string, string][] = [
  ['P001', 'SKU-TS-RED-M'],
  ['P001', 'SKU-TS-RED-L'],
  ['P001', 'SKU-TS-BLU-M'],
  ['P001', 'SKU-JK-BLK-XL'],
  ['P001', 'SKU-CAP-01'],
  ['P001', 'SKU-000123'],
  ['P002', 'SKU-CAP-01'],
  ['P002', 'SKU-BAG-02'],
  ['P002', 'SKU-SOCK-03'],
  ['LJTest', 'xiaowanzi'],
  ['LJTest', 'daba1'],
  ['P-STOPPED', 'SKU-SOCK-03'],
];

/** A goods number for a spec: the SKU without its last part (shirts share one goods), else itself. */
const goodsNoOf = (specNo: string): string => (/^SKU-TS-/.test(specNo) ? 'GOODS-TS' : specNo);

export class SandboxMasterdata {
  readonly warehouses = new Map<string, MdWarehouse>();
  readonly providers = new Map<string, MdProvider>();
  readonly specs = new Map<string, MdSpec>();
  /** Keyed `provider_no\tspec_no`. */
  readonly links = new Map<string, MdLink>();

  constructor(private readonly state: SandboxState) {
    for (const w of state.warehouses.values()) {
      this.warehouses.set(w.warehouse_no, { warehouse_no: w.warehouse_no, name: w.name, is_disabled: false, modifiedMs: seedTimes[w.warehouse_no] ?? day(2023, 1, 1) });
    }
    for (const p of state.providers.values()) {
      this.providers.set(p.provider_no, { provider_no: p.provider_no, provider_name: p.name, is_disabled: false, modifiedMs: seedTimes[p.provider_no] ?? day(2023, 1, 1) });
    }
    [...state.specs.values()].forEach((s, i) => {
      this.specs.set(s.spec_no, { spec_no: s.spec_no, spec_name: s.goods_name, goods_no: goodsNoOf(s.spec_no), goods_name: s.goods_name, deleted: false, modifiedMs: specTime(i) });
    });
    for (const [provider, spec] of seedLinks) {
      if (this.providers.has(provider) && this.specs.has(spec)) this.links.set(`${provider}\t${spec}`, { provider_no: provider, spec_no: spec, is_disabled: false });
    }
  }

  /** Adds or changes a warehouse now (the state learns it too, so createOrder accepts it). */
  putWarehouse(no: string, name: string, nowMs: number, disabled = false): void {
    this.warehouses.set(no, { warehouse_no: no, name, is_disabled: disabled, modifiedMs: toSecond(nowMs) });
    this.state.warehouses.set(no, { ...(this.state.warehouses.get(no) ?? {}), warehouse_no: no, name });
  }

  putProvider(no: string, name: string, nowMs: number, disabled = false): void {
    this.providers.set(no, { provider_no: no, provider_name: name, is_disabled: disabled, modifiedMs: toSecond(nowMs) });
    this.state.providers.set(no, { ...(this.state.providers.get(no) ?? {}), provider_no: no, name });
  }

  putSpec(no: string, name: string, nowMs: number, deleted = false): void {
    this.specs.set(no, { spec_no: no, spec_name: name, goods_no: goodsNoOf(no), goods_name: name, deleted, modifiedMs: toSecond(nowMs) });
    if (deleted) this.state.specs.delete(no);
    else this.state.specs.set(no, { spec_no: no, goods_name: name });
  }

  /** The supplier↔SKU list has no modified time at the vendor: a change is only seen by reading it all again. */
  link(provider: string, spec: string, supplied = true): void {
    const key = `${provider}\t${spec}`;
    if (supplied) this.links.set(key, { provider_no: provider, spec_no: spec, is_disabled: false });
    else this.links.delete(key);
  }
}

/** The ERP keeps modified times to the second (its answers end in 000). */
const toSecond = (ms: number): number => Math.floor(ms / 1000) * 1000;

const perState = new WeakMap<SandboxState, SandboxMasterdata>();

/** The master data of one sandbox (made on first use from its state's seed). */
export function masterdataOf(state: SandboxState): SandboxMasterdata {
  let md = perState.get(state);
  if (!md) {
    md = new SandboxMasterdata(state);
    perState.set(state, md);
  }
  return md;
}
