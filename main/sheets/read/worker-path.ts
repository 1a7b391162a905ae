// Where the bundled read worker is. The bundles (scripts/build-node.mjs) put read-worker.cjs beside
// the CLI in out/node; the Electron app finds it under its app path. From sources (tests, vitest) there
// is no bundle and the read runs in-process.
import { existsSync } from 'node:fs';
import path from 'node:path';

export const readWorkerFile = 'read-worker.cjs';

/** The worker beside the running bundle (the CLI, the test host), or undefined when running from sources. */
export function bundledWorkerPath(): string | undefined {
  return process.env.WDT_BULK_BUILD === 'node' && typeof __dirname === 'string' ? path.join(__dirname, readWorkerFile) : undefined;
}

/** The worker in an app folder's out/node (the Electron app, the test host run from the repository), if built. */
export function appWorkerPath(appRoot: string): string | undefined {
  const file = path.join(appRoot, 'out/node', readWorkerFile);
  return existsSync(file) ? file : undefined;
}
