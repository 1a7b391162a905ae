// Bundles the plain-Node entry points (CLI, worker threads, e2e host) into out/node/*.cjs with esbuild.
// npm packages stay external (installed beside us); native modules must never be bundled.
import { build } from 'esbuild';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** entry name → source file (relative to the repo root). Missing optional entries are skipped. */
export const nodeEntries = {
  cli: 'main/cli/index.ts',
  'read-worker': 'main/sheets/read/read.worker.ts',
  'checkpoint-worker': 'main/jobs/checkpoint.worker.ts',
  'e2e-host': 'test/e2e/host/index.ts',
};

export async function buildNode({ quiet = false } = {}) {
  const entryPoints = Object.fromEntries(
    Object.entries(nodeEntries).filter(([, file]) => existsSync(path.join(root, file))).map(([name, file]) => [name, path.join(root, file)]),
  );
  await build({
    entryPoints,
    outdir: path.join(root, 'out/node'),
    outExtension: { '.js': '.cjs' },
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    packages: 'external',
    sourcemap: 'linked',
    logLevel: quiet ? 'error' : 'info',
    define: {
      'process.env.WDT_BULK_BUILD': '"node"',
      'process.env.WDT_BULK_VERSION': JSON.stringify(JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')).version),
    },
  });
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await buildNode();
}
