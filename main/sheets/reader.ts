// readSheet: the reader's front door. The read runs in a worker thread with memory limits and a time limit,
// so a 100,000-row sheet (or a hostile file) never blocks or takes down the caller.
import { Worker } from 'node:worker_threads';
import path from 'node:path';
import { z } from 'zod';
import { defaultLang, t } from '../../shared/i18n';
import type { Lang } from '../../shared/i18n';
import { errorCodes, appError, err } from '../../shared/result';
import type { Result } from '../../shared/result';
import { operationIds } from '../../shared/operations/types';
import { defaultLimits } from './limits';
import type { ReadLimits } from './limits';
import { readSheetInProcess } from './read-pipeline';
import type { ReadRequest } from './read-pipeline';
import type { ReadOptions, SheetImport } from './types';

export { readSheetInProcess };

export interface ReadSheetOptions extends ReadOptions {
  /** The bundled worker (out/node/read-worker.cjs), or main/sheets/read-worker.ts under tsx. Without it the read runs in-process. */
  workerPath?: string;
  lang?: Lang;
  limits?: Partial<ReadLimits>;
  /** Heap ceiling of the worker, in MB. */
  workerHeapMb?: number;
}

const errorSchema = z.object({ code: z.enum(errorCodes), message: z.string(), details: z.record(z.string(), z.unknown()).optional() });
/** The worker's answer. Rows are checked for shape, not re-validated cell by cell: the worker built them from our own types. */
const answerSchema = z.union([
  z.object({ ok: z.literal(false), error: errorSchema }),
  z.object({
    ok: z.literal(true),
    value: z
      .object({
        file: z.object({ path: z.string(), name: z.string(), bytes: z.number(), sha256: z.string(), format: z.enum(['xlsx', 'xlsm', 'csv']) }),
        sheet: z.string(),
        headerRow: z.number().int().positive(),
        operation: z.enum(operationIds),
        columns: z.array(z.object({ index: z.number(), header: z.string(), field: z.string().nullable() })),
        rows: z.array(z.object({ rowNumber: z.number() }).loose()),
        orders: z.array(z.object({ key: z.string() }).loose()),
      })
      .loose(),
  }),
]);

export async function readSheet(filePath: string, options: ReadSheetOptions = {}): Promise<Result<SheetImport>> {
  const { workerPath, workerHeapMb, ...rest } = options;
  const request: ReadRequest = rest;
  const absolute = path.resolve(filePath);
  if (!workerPath) return readSheetInProcess(absolute, request);
  const lang = options.lang ?? defaultLang;
  const timeoutMs = options.limits?.timeoutMs ?? defaultLimits.timeoutMs;
  const name = path.basename(absolute);

  return new Promise((resolve) => {
    const worker = new Worker(workerPath, {
      workerData: { path: absolute, ...request },
      execArgv: workerPath.endsWith('.ts') ? ['--import', 'tsx'] : undefined,
      resourceLimits: { maxOldGenerationSizeMb: workerHeapMb ?? 1024, maxYoungGenerationSizeMb: 64 },
    });
    let settled = false;
    const settle = (result: Result<SheetImport>) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      resolve(result);
    };
    const timer = setTimeout(() => {
      const params = { file: name, seconds: Math.round(timeoutMs / 1000) };
      settle(err(appError('FILE_TOO_LARGE', t(lang, 'sheets.limit.timeout', params), params)));
    }, timeoutMs);
    worker.on('message', (message: unknown) => {
      const parsed = answerSchema.safeParse(message);
      if (!parsed.success) {
        settle(err(appError('INTERNAL', `read worker sent an unexpected answer: ${parsed.error.message.slice(0, 300)}`)));
        return;
      }
      // The schema checked the shape; the full type is the worker's own SheetImport.
      settle(parsed.data.ok ? { ok: true, value: (message as { value: SheetImport }).value } : parsed.data);
    });
    worker.on('error', (e: Error & { code?: string }) => {
      if (e.code === 'ERR_WORKER_OUT_OF_MEMORY') {
        settle(err(appError('FILE_TOO_LARGE', t(lang, 'sheets.limit.memory', { file: name }), { file: name })));
      } else {
        settle(err(appError('INTERNAL', `read worker failed: ${e.message}`)));
      }
    });
    worker.on('exit', (code) => {
      if (!settled) settle(err(appError('INTERNAL', `read worker exited (${code}) without an answer`)));
    });
  });
}
