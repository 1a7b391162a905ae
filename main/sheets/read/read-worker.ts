// Worker-thread entry: runs the read off the main thread (the UI never waits). Bundled to
// out/node/read-worker.cjs; under vitest the .ts runs through tsx. The same script runs twice per read:
// as the read worker (intake guards, rows, checks, orders) and as its parse thread (exceljs, started beside
// it; parse-thread.ts). exceljs loads while the intake guards run and sees the file only once they passed
// (the zip's directory and its small parts; the worksheets are inflated by the guard alongside the parser,
// and the file is hashed alongside too). Rows stream out in batches as they are read, then orders, then the
// rest of the import. The messages and their compact form are in read-wire.ts.
import { MessagePort, workerData } from 'node:worker_threads';

// Each role loads only its own modules (esbuild keeps a dynamically imported module lazy in the bundle):
// the parse thread needs exceljs's parts, not zod, the catalog and the checks, and is ready that much sooner.
const parseRole = workerData as { role?: unknown; port?: unknown } | null;
if (parseRole?.role === 'parse' && parseRole.port instanceof MessagePort) {
  const port = parseRole.port;
  void import('./parse-thread').then((m) => m.serveParse(port));
} else {
  void import('./read-thread').then((m) => m.runRead());
}
