// Every operation's reconcile spec against the sandbox over real HTTP: after the operation acted, its
// lookups find the document in the state the call leaves it, changed after the call (succeeded); a number
// the ERP never had is not found (not done: safe to send). Asked of every operation in the catalog.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../../main/sandbox';
import { operations } from '../../../shared/operations/catalog';
import { formatChinaTime } from '../../../shared/operations/erp-time';
import { serializeArgs } from '../../../shared/operations/json-body';
import { verdictOf, type FoundDocument, type ReconcileSpec } from '../../../shared/operations/reconcile-kit';
import type { OrderDraft } from '../../../shared/operations/types';
import { clientFor } from '../wdt/helpers';

/** One order per operation the seeded sandbox lets succeed (test data; a new operation adds its own). */
const orderFor: Record<string, OrderDraft> = {
  'return-create': { key: 'RECON-0001', rows: [2], header: { warehouse_no: 'WH001', provider_no: 'P001' }, lines: [{ spec_no: 'SKU-CAP-01', num: '1' }] },
  'return-cancel': { key: 'CR202406010002', rows: [2], header: {}, lines: [] },
  'return-pending': { key: 'CR202406010003', rows: [2], header: {}, lines: [] },
  'other-in-cancel': { key: 'QR3796', rows: [2], header: {}, lines: [] },
  'stockin-cancel': { key: 'RK2006030008', rows: [2], header: {}, lines: [] },
};

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox();
});
afterAll(() => sandbox.close());

/** Runs a spec's lookups in order until one finds the document, as the job's reconciler does. */
async function lookUp(spec: ReconcileSpec, key: string, sentMs: number): Promise<FoundDocument | null> {
  const client = clientFor(sandbox);
  const window = { start: formatChinaTime(sentMs - 3600_000), end: formatChinaTime(sentMs + 3600_000) };
  for (const call of spec.lookups(key, window)) {
    const result = await client.call({ method: spec.method, body: serializeArgs(call.args), paging: { pageSize: 10, pageNo: 0 } });
    if (result.kind !== 'answered') throw new Error(`${spec.method}: ${result.kind} ${result.message}`);
    const found = spec.find(result.erp, key);
    if (found === 'unreadable') throw new Error(`${spec.method} answered what its spec cannot read: ${JSON.stringify(result.erp)}`);
    if (found) return found;
  }
  return null;
}

describe('each operation’s reconcile spec answers a sandbox query', () => {
  for (const op of operations) {
    it(`${op.id}: finds what the call did, and not what never was`, async () => {
      const spec = op.reconcile;
      if (!spec) return expect(op.reconcile).toBeUndefined();
      const order = orderFor[op.id];
      expect(order, `add a sandbox order for ${op.id}`).toBeDefined();
      const sentMs = Date.now();
      const result = await clientFor(sandbox).call({ method: op.method, body: serializeArgs(op.buildArgs([order!], { isCheck: false })) });
      if (result.kind !== 'answered') throw new Error(`${op.method}: ${result.kind}`);
      expect(op.outcomes(result.erp, [order!.key], [order!])).toMatchObject([{ key: order!.key, state: 'succeeded' }]);

      const found = await lookUp(spec, order!.key, sentMs);
      expect(found, op.id).not.toBeNull();
      expect(verdictOf(found, sentMs)).toMatchObject({ kind: 'succeeded' });
      expect(await lookUp(spec, 'NEVER-000001', sentMs)).toBeNull();
    });
  }
});
