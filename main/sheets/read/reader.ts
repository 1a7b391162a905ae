// readSheet: the reader's front door. The read runs in a worker thread with memory limits and a time limit,
// so a 100,000-row sheet (or a hostile file) never blocks or takes down the caller. The worker runs the
// intake guards while it loads the workbook parser, then streams rows back in batches as it reads them
// (read-worker.ts, read-wire.ts); the rows are assembled here a slice at a time, so the event loop keeps turning.
import { performance } from 'node:perf_hooks';
import { MessageChannel, Worker } from 'node:worker_threads';
import type { MessagePort } from 'node:worker_threads';
import path from 'node:path';
import { defaultLang, t } from '../../../shared/i18n';
import type { Lang } from '../../../shared/i18n';
import { appError, err } from '../../../shared/result';
import type { Result } from '../../../shared/result';
import { getOperation } from '../../../shared/operations/catalog';
import type { CellProblem, FieldValue, OrderDraft, RowDisposition } from '../../../shared/operations/types';
import { defaultLimits } from './limits';
import type { ReadLimits } from './limits';
import { readSheetInProcess } from './read-pipeline';
import type { ReadRequest } from './read-pipeline';
import { decodeRows, messageSchema, orderMembers, rebuildOrder } from './read-wire';
import type { DecodedRows, DoneValue, ReadWorkerMessage } from './read-wire';
import { padCells } from './sheet-rows';
import type { ImportRow, ReadOptions, SheetImport } from './types';

export { readSheetInProcess };

export interface ReadSheetOptions extends ReadOptions {
  /** The bundled worker (out/node/read-worker.cjs), or main/sheets/read-worker.ts under tsx. Without it the read runs in-process. */
  workerPath?: string;
  lang?: Lang;
  limits?: Partial<ReadLimits>;
  /** Heap ceiling of each worker, in MB. */
  workerHeapMb?: number;
}

/** Rows arrive while the sheet is read; the import is assembled once the reader is done. */
class Assembly {
  private readonly rows: DecodedRows = { numbers: [], cells: [], values: [] };
  private readonly problems = new Map<number, readonly CellProblem[]>();

  add(m: Exclude<ReadWorkerMessage, { type: 'done' }>): void {
    if (m.type === 'rows') decodeRows(m, this.rows);
    else for (const [i, list] of m.entries) this.problems.set(i, list);
  }

  /**
   * Builds orders and rows a slice at a time, yielding whenever a slice has run for a few milliseconds, so
   * the main thread never stalls on a big sheet however slow the machine. Rows of one order share one
   * (frozen) disposition, and rows without problems one frozen empty list: fewer objects for the collector.
   */
  async finish(done: DoneValue): Promise<Result<SheetImport>> {
    const { rows: skeleton, orders: orderCount, ...rest } = done;
    const op = getOperation(rest.operation);
    const { numbers, cells, values } = this.rows;
    if (!op || skeleton.count !== numbers.length || skeleton.kinds.length !== skeleton.count || skeleton.refs.length !== skeleton.count) {
      return err(appError('INTERNAL', `read worker sent ${numbers.length} rows, then said ${skeleton.count}`));
    }
    const pace = new Pacer();
    await pace.breathe();
    const members = orderMembers(skeleton, orderCount);
    const orders: OrderDraft[] = new Array<OrderDraft>(orderCount);
    const valid: RowDisposition[] = new Array<RowDisposition>(orderCount);
    for (let o = 0; o < orderCount; o++) {
      if (pace.due(o)) await pace.breathe();
      const order = rebuildOrder(op, members[o] as number[], this.rows);
      orders[o] = order;
      valid[o] = Object.freeze({ kind: 'valid', orderKey: order.key });
    }
    const width = rest.columns.length;
    const rows: ImportRow[] = new Array<ImportRow>(skeleton.count);
    for (let i = 0; i < skeleton.count; i++) {
      if (pace.due(i)) await pace.breathe();
      const kind = skeleton.kinds[i];
      const ref = skeleton.refs[i] as number;
      const disposition: RowDisposition | undefined = kind === 0 ? valid[ref] : kind === 1 ? invalid : kind === 2 ? { kind: 'duplicate', ofRow: ref } : undefined;
      if (!disposition) return err(appError('INTERNAL', `read worker sent an unknown disposition for row ${numbers[i]}`));
      rows[i] = { rowNumber: numbers[i] as number, cells: padCells(cells[i] as string[], width), values: values[i] as Record<string, FieldValue>, problems: this.problems.get(i) ?? noProblems, disposition };
    }
    return { ok: true, value: { ...rest, rows, orders } };
  }
}

const invalid: RowDisposition = Object.freeze({ kind: 'invalid' });
const noProblems: readonly CellProblem[] = Object.freeze([]);

/** Yields to the event loop once the current task has run for `sliceMs`; checks the clock every 128 items. */
class Pacer {
  private since = performance.now();
  due(i: number): boolean {
    return (i & 127) === 0 && performance.now() - this.since >= sliceMs;
  }
  async breathe(): Promise<void> {
    await new Promise((resolve) => setImmediate(resolve));
    this.since = performance.now();
  }
}
const sliceMs = 8;

export async function readSheet(filePath: string, options: ReadSheetOptions = {}): Promise<Result<SheetImport>> {
  const { workerPath, workerHeapMb, ...rest } = options;
  const request: ReadRequest = rest;
  const absolute = path.resolve(filePath);
  if (!workerPath) return readSheetInProcess(absolute, request);
  const lang = options.lang ?? defaultLang;
  const timeoutMs = options.limits?.timeoutMs ?? defaultLimits.timeoutMs;
  const name = path.basename(absolute);

  return new Promise((resolve) => {
    // Two threads, started together: the read worker (guards, rows, checks, orders) and its parse thread
    // (exceljs), joined by a channel of their own (parse-thread.ts). Both are this one script; both have
    // the memory limits; the time limit stops both.
    const channel = new MessageChannel();
    const thread = (workerData: Record<string, unknown>, port: MessagePort) =>
      new Worker(workerPath, {
        workerData,
        transferList: [port],
        // The bundle needs no loader: don't hand the worker this process's (tsx under the bench and tests).
        execArgv: workerPath.endsWith('.ts') ? ['--import', 'tsx'] : [],
        resourceLimits: { maxOldGenerationSizeMb: workerHeapMb ?? 1024, maxYoungGenerationSizeMb: 64 },
      });
    const parser = thread({ role: 'parse', port: channel.port1 }, channel.port1);
    const reader = thread({ path: absolute, ...request, parsePort: channel.port2 }, channel.port2);
    const assembly = new Assembly();
    let settled = false;
    /** The reader said 'done' and its rows are being assembled: its exit is expected now. */
    let finishing = false;
    const settle = (result: Result<SheetImport>) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void reader.terminate();
      void parser.terminate();
      resolve(result);
    };
    const timer = setTimeout(() => {
      const params = { file: name, seconds: Math.round(timeoutMs / 1000) };
      settle(err(appError('FILE_TOO_LARGE', t(lang, 'sheets.limit.timeout', params), params)));
    }, timeoutMs);

    reader.on('message', (message: unknown) => {
      if (settled) return;
      const parsed = messageSchema.safeParse(message);
      if (!parsed.success) {
        settle(err(appError('INTERNAL', `read worker sent an unexpected answer: ${parsed.error.message.slice(0, 300)}`)));
        return;
      }
      // The schema checked the shape; the full type is the worker's own.
      const m = message as ReadWorkerMessage;
      if (m.type === 'done') {
        if (!m.result.ok) return settle(m.result);
        finishing = true;
        void assembly.finish(m.result.value).then(settle, (e: unknown) => settle(err(appError('INTERNAL', `read worker answer: ${String(e)}`))));
      } else if (!finishing) {
        try {
          assembly.add(m);
        } catch (e) {
          settle(err(appError('INTERNAL', `read worker answer: ${e instanceof Error ? e.message : String(e)}`)));
        }
      } else {
        settle(err(appError('INTERNAL', `read worker sent '${m.type}' out of turn`)));
      }
    });
    for (const [worker, role] of [[reader, 'read worker'], [parser, 'parse thread']] as const) {
      worker.on('error', (e: Error & { code?: string }) => {
        if (e.code === 'ERR_WORKER_OUT_OF_MEMORY') {
          settle(err(appError('FILE_TOO_LARGE', t(lang, 'sheets.limit.memory', { file: name }), { file: name })));
        } else {
          settle(err(appError('INTERNAL', `${role} failed: ${e.message}`)));
        }
      });
    }
    reader.on('exit', (code) => {
      if (!settled && !finishing) settle(err(appError('INTERNAL', `read worker exited (${code}) without an answer`)));
    });
    // The parse thread ends when the read worker lets go of it (a CSV, or the sheet is read): not a failure.
  });
}
