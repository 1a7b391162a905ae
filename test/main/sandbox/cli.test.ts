// `wdt-bulk sandbox` as a real separate process (the bundle built by the global setup).
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { request } from 'undici';
import { describe, expect, it } from 'vitest';
import { sandboxCredentials } from '../../../main/sandbox';
import { body, clientFor } from '../wdt/helpers';

const cli = fileURLToPath(new URL('../../../out/node/cli.cjs', import.meta.url));
const launcher = `require(${JSON.stringify(cli)}).main(process.argv.slice(1)).then((code) => { process.exitCode = code; });`;

function startCli(args: string[]) {
  const child = spawn(process.execPath, ['-e', launcher, '--', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  const firstLine = new Promise<string>((resolve, reject) => {
    child.stdout.on('data', () => {
      const nl = stdout.indexOf('\n');
      if (nl >= 0) resolve(stdout.slice(0, nl));
    });
    child.on('exit', (code) => reject(new Error(`exited ${code}: ${stderr}`)));
  });
  firstLine.catch(() => {}); // a test that expects the process to fail never awaits it
  return { child, firstLine, output: () => stdout + stderr };
}

describe('wdt-bulk sandbox', () => {
  it('serves the sandbox in another process, steerable over loopback, until SIGTERM', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'wdt-sandbox-cli-'));
    const dataFile = path.join(dir, 'data.json');
    try {
      const run = startCli(['sandbox', '--json', '--port', '0', '--data', dataFile]);
      const info = JSON.parse(await run.firstLine) as { url: string; sid: string; appkey: string };
      expect(info).toMatchObject({ sid: sandboxCredentials.sid, appkey: sandboxCredentials.appkey });
      const client = clientFor(info);
      expect(await client.call({ method: 'wms.stockin.Purchase.cancel', body: body('RK2006030008') })).toMatchObject({ kind: 'answered', erp: { status: 0 } });

      // Steered from here: its next call fails after acting.
      const set = await request(`${info.url}/__sandbox/options`, { method: 'POST', body: JSON.stringify({ faults: [{ kind: 'reset-after-acting' }] }) });
      await set.body.text();
      expect((await client.call({ method: 'wms.stockin.Purchase.cancel', body: body('RK2406000001') })).kind).toBe('unknown');
      const state = (await (await request(`${info.url}/__sandbox/state`)).body.json()) as { data: { stockins: { stockin_no: string; status: number }[] } };
      expect(state.data.stockins.find((s) => s.stockin_no === 'RK2406000001')?.status).toBe(10);
      await client.close();

      run.child.kill('SIGTERM');
      const [code] = await once(run.child, 'exit');
      expect(code).toBe(0);
      expect(run.output()).not.toContain(sandboxCredentials.appSecret.split(':')[0]);

      // Back up on the same data file: the documents it changed stay changed.
      const again = startCli(['sandbox', '--json', '--data', dataFile]);
      const info2 = JSON.parse(await again.firstLine) as { url: string };
      const answer = await clientFor(info2).call({ method: 'wms.stockin.Purchase.cancel', body: body('RK2406000001') });
      expect(answer).toMatchObject({ kind: 'answered', erp: { status: 100, message: '入库单状态不为编辑中' } });
      again.child.kill('SIGINT');
      expect((await once(again.child, 'exit'))[0]).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('prints prose without the secret, and refuses a bad port', async () => {
    const run = startCli(['sandbox', '--lang', 'en']);
    expect(await run.firstLine).toMatch(/^Sandbox ERP running at http:\/\/127\.0\.0\.1:\d+$/);
    // The account lines follow the first one; wait for them (a loaded machine may deliver them later).
    for (let i = 0; i < 100 && !run.output().includes(sandboxCredentials.appkey); i++) await new Promise((r) => setTimeout(r, 50));
    run.child.kill('SIGTERM');
    await once(run.child, 'exit');
    expect(run.output()).toContain(sandboxCredentials.appkey);
    expect(run.output()).not.toContain('sandbox-demo-secret');

    const bad = startCli(['sandbox', '--port', 'abc']);
    const [code] = await once(bad.child, 'exit');
    expect(code).toBe(2);
    expect(bad.output()).toContain('--port abc');
  });
});
