#!/usr/bin/env node
// The `wdt-bulk` command: a thin launcher for the bundled CLI (built by `npm run build:node`, run by `prepare`).
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const cliPath = fileURLToPath(new URL('../out/node/cli.cjs', import.meta.url));
if (!existsSync(cliPath)) {
  console.error('wdt-bulk is not built yet. Run `npm run build:node` in the project folder, then try again.');
  process.exit(2);
}
const { main } = createRequire(import.meta.url)(cliPath);
process.exitCode = await main(process.argv.slice(2));
