// The sandbox ERP's state: its documents (persisted to `dataFile` when one is given) and the
// counters tests read to prove what happened (nothing created twice, a retry took place).
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import {
  sandboxDataSchema,
  type OtherInDoc,
  type Provider,
  type PurchaseReturn,
  type SandboxData,
  type Spec,
  type StockinDoc,
  type Warehouse,
} from './model';
import { seedData } from './seed';

/** What happened at the door, for tests and the state endpoint. Not persisted. */
export interface SandboxCounters {
  /** Every POST /openapi. */
  requests: number;
  /** Calls that passed every check and reached a method handler. */
  handled: number;
  rateLimited: number;
  concurrencyLimited: number;
  signRefused: number;
  accountRefused: number;
  timestampRefused: number;
  faultsInjected: number;
  /** Handled calls per method. */
  byMethod: Record<string, number>;
}

const emptyCounters = (): SandboxCounters => ({
  requests: 0,
  handled: 0,
  rateLimited: 0,
  concurrencyLimited: 0,
  signRefused: 0,
  accountRefused: 0,
  timestampRefused: 0,
  faultsInjected: 0,
  byMethod: {},
});

export class SandboxState {
  readonly warehouses = new Map<string, Warehouse>();
  readonly providers = new Map<string, Provider>();
  readonly specs = new Map<string, Spec>();
  /** By return_no. */
  readonly returns = new Map<string, PurchaseReturn>();
  readonly otherIns = new Map<string, OtherInDoc>();
  readonly stockins = new Map<string, StockinDoc>();
  /** createOrder calls that reached the handler, per outer_no. */
  readonly createAttemptsByOuterNo = new Map<string, number>();
  counters: SandboxCounters = emptyCounters();
  nextReturnId = 1000;

  constructor(
    data: SandboxData = seedData(),
    private readonly dataFile?: string,
  ) {
    this.load(data);
  }

  /** The saved state when `dataFile` exists (parsed), else the seed. */
  static open(dataFile?: string): SandboxState {
    if (dataFile && existsSync(dataFile)) {
      const data = sandboxDataSchema.parse(JSON.parse(readFileSync(dataFile, 'utf8')));
      return new SandboxState(data, dataFile);
    }
    const state = new SandboxState(seedData(), dataFile);
    state.save();
    return state;
  }

  private load(data: SandboxData): void {
    for (const w of data.warehouses) this.warehouses.set(w.warehouse_no, w);
    for (const p of data.providers) this.providers.set(p.provider_no, p);
    for (const s of data.specs) this.specs.set(s.spec_no, s);
    for (const r of data.returns) this.returns.set(r.return_no, r);
    for (const d of data.otherIns) this.otherIns.set(d.order_no, d);
    for (const d of data.stockins) this.stockins.set(d.stockin_no, d);
    for (const [no, n] of Object.entries(data.createAttempts)) this.createAttemptsByOuterNo.set(no, n);
    this.nextReturnId = data.nextReturnId;
  }

  /** The purchase return created from (or seeded with) this outer_no. */
  returnByOuterNo(outerNo: string): PurchaseReturn | undefined {
    for (const r of this.returns.values()) if (r.outer_no === outerNo) return r;
    return undefined;
  }

  returnByNo(returnNo: string): PurchaseReturn | undefined {
    return this.returns.get(returnNo);
  }

  /** How many purchase returns carry this outer_no (a correct client never makes it more than 1). */
  returnsWithOuterNo(outerNo: string): number {
    let n = 0;
    for (const r of this.returns.values()) if (r.outer_no === outerNo) n += 1;
    return n;
  }

  /** createOrder calls for this outer_no that reached the handler (created or refused). */
  createAttempts(outerNo: string): number {
    return this.createAttemptsByOuterNo.get(outerNo) ?? 0;
  }

  otherIn(orderNo: string): OtherInDoc | undefined {
    return this.otherIns.get(orderNo);
  }

  stockin(stockinNo: string): StockinDoc | undefined {
    return this.stockins.get(stockinNo);
  }

  snapshot(): SandboxData {
    return {
      warehouses: [...this.warehouses.values()],
      providers: [...this.providers.values()],
      specs: [...this.specs.values()],
      returns: [...this.returns.values()],
      otherIns: [...this.otherIns.values()],
      stockins: [...this.stockins.values()],
      createAttempts: Object.fromEntries(this.createAttemptsByOuterNo),
      nextReturnId: this.nextReturnId,
    };
  }

  /** Writes the data file atomically (temp file + rename), so a killed sandbox never leaves half a file. */
  save(): void {
    if (!this.dataFile) return;
    const temp = `${this.dataFile}.${process.pid}.tmp`;
    writeFileSync(temp, JSON.stringify(this.snapshot()));
    renameSync(temp, this.dataFile);
  }

  resetCounters(): void {
    this.counters = emptyCounters();
  }
}
