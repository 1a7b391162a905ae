// The worker rule (eslint.config.js): code marked *.worker.ts under main/ imports no services, while the
// rest of main/ may. Linted as the repository's own config lints it.
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });
const source = [
  "import { createServices } from '../../services';",
  "import type { JobStore } from '../../jobs/job-store';",
  "import { readSheet } from './reader';",
  'export const x = [createServices, readSheet, null as unknown as JobStore];',
  '',
].join('\n');
const restricted = async (filePath: string) =>
  (await eslint.lintText(source, { filePath }))[0]?.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.line) ?? [];

describe('worker code imports no services', () => {
  it('a *.worker.ts file under main/ may not import services or jobs, but may import the reader', async () => {
    expect(await restricted('main/sheets/read/example.worker.ts')).toEqual([1, 2]);
  });

  it('the same imports elsewhere in main/ are allowed', async () => {
    expect(await restricted('main/sheets/read/example.ts')).toEqual([]);
  });
});
