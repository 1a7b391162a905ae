// The sandbox ERP's state: one table per document kind (persisted to `dataFile` when one is given) and
// the counters tests read to prove what happened (nothing created twice, a retry took place).
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import type { DocumentKind } from './documents/kit';
import { otherIns, type OtherInDoc } from './documents/other-ins';
import type { PurchaseReturn } from './documents/purchase-return-model';
import { purchaseReturns, returnByOuterNo } from './documents/purchase-returns';
import { stockins, type StockinDoc } from './documents/stockins';
import { documentKinds, sandboxDataSchema, type SandboxData } from './registry';

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
  /** One table per kind, by the kind's key of each document. */
  private readonly tables = new Map<DocumentKind, Map<string, unknown>>();
  /** createOrder calls that reached the handler, per outer_no. */
  readonly createAttemptsByOuterNo = new Map<string, number>();
  counters: SandboxCounters = emptyCounters();
  nextReturnId = 1000;

  /** `data`: a parsed data file; absent tables start from their kind's seed. */
  constructor(
    data: Partial<SandboxData> = {},
    private readonly dataFile?: string,
  ) {
    for (const kind of documentKinds()) {
      const docs = (data[kind.table] as unknown[] | undefined) ?? kind.seed();
      this.tables.set(kind, new Map(docs.map((d) => [kind.keyOf(d), d])));
    }
    for (const [no, n] of Object.entries(data.createAttempts ?? {})) this.createAttemptsByOuterNo.set(no, n);
    this.nextReturnId = data.nextReturnId ?? this.nextReturnId;
  }

  /** The saved state when `dataFile` exists (parsed, defaults filled in), else the seed. */
  static open(dataFile?: string): SandboxState {
    if (dataFile && existsSync(dataFile)) {
      const data = sandboxDataSchema().parse(JSON.parse(readFileSync(dataFile, 'utf8'))) as SandboxData;
      return new SandboxState(data, dataFile);
    }
    const state = new SandboxState({}, dataFile);
    state.save();
    return state;
  }

  /** The documents of one kind, by their key; a kind added after this state was opened starts from its seed. */
  table<T>(kind: DocumentKind<T>): Map<string, T> {
    const entry = kind as DocumentKind;
    let table = this.tables.get(entry);
    if (!table) {
      table = new Map(kind.seed().map((d) => [kind.keyOf(d), d]));
      this.tables.set(entry, table);
    }
    return table as Map<string, T>;
  }

  // Shortcuts the tests read (the methods use `table(kind)`).
  get returns(): Map<string, PurchaseReturn> {
    return this.table(purchaseReturns);
  }

  /** The purchase return created from (or seeded with) this outer_no. */
  returnByOuterNo(outerNo: string): PurchaseReturn | undefined {
    return returnByOuterNo(this.returns, outerNo);
  }

  returnByNo(returnNo: string): PurchaseReturn | undefined {
    return this.returns.get(returnNo);
  }

  /** How many purchase returns carry this outer_no (a correct client never makes it more than 1). */
  returnsWithOuterNo(outerNo: string): number {
    return [...this.returns.values()].filter((r) => r.outer_no === outerNo).length;
  }

  /** createOrder calls for this outer_no that reached the handler (created or refused). */
  createAttempts(outerNo: string): number {
    return this.createAttemptsByOuterNo.get(outerNo) ?? 0;
  }

  otherIn(orderNo: string): OtherInDoc | undefined {
    return this.table(otherIns).get(orderNo);
  }

  stockin(stockinNo: string): StockinDoc | undefined {
    return this.table(stockins).get(stockinNo);
  }

  snapshot(): SandboxData {
    return {
      ...Object.fromEntries([...this.tables].map(([kind, docs]) => [kind.table, [...docs.values()]])),
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
