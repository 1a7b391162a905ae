// Issue 6: after full runs — one that works, one whose credentials are refused, and (where a keychain
// runs) one through a saved profile — the secret is nowhere: not in the data folder (job store, WAL,
// settings, logs), not in the results workbooks (every part of the zip, inflated), not in the output.
import { randomBytes } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import ExcelJS from 'exceljs';
import yauzl from 'yauzl';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../../main/sandbox';
import { cleanEnv, ensureDefaultCollection, readTree, runCli, tempHome, uniqueName, type CliRun } from './helpers';

const secret = `S3CR3T${randomBytes(6).toString('hex')}`;
const salt = `salt${randomBytes(4).toString('hex')}`;
const wrongSecret = `WR0NG${randomBytes(6).toString('hex')}`;
const account = { sid: 'leak-check', appkey: 'leak-key', appSecret: `${secret}:${salt}` };
let sandbox: Sandbox;
let home: string;
const outputs: CliRun[] = [];

/** Every entry of a zip (an .xlsx), inflated to text. */
function unzipText(file: string): Promise<string> {
  return new Promise((resolve, reject) => {
    yauzl.open(file, { lazyEntries: true }, (error, zip) => {
      if (error || !zip) return reject(error);
      let text = '';
      zip.on('entry', (entry: yauzl.Entry) => {
        zip.openReadStream(entry, (e, stream) => {
          if (e || !stream) return reject(e);
          stream.on('data', (c: Buffer) => (text += c.toString('utf8')));
          stream.on('end', () => zip.readEntry());
        });
      });
      zip.on('end', () => resolve(text));
      zip.readEntry();
    });
  });
}

async function cancelList(file: string): Promise<string> {
  const book = new ExcelJS.Workbook();
  const ws = book.addWorksheet('清单');
  ws.addRow(['采购退货单号']);
  for (const no of ['CR202406010001', 'CR202406010005', `=HYPERLINK("x","${'y'}")`]) ws.addRow([no]);
  await book.xlsx.writeFile(file);
  return file;
}

beforeAll(async () => {
  ensureDefaultCollection();
  sandbox = await startSandbox({ account });
  home = await tempHome();
});
afterAll(async () => {
  await sandbox?.close();
});

describe('the secret never reaches the data folder, a log, a workbook or the output', () => {
  it('full runs: working credentials, refused credentials, and a saved profile', async () => {
    const file = await cancelList(path.join(home, 'list.xlsx'));
    const envProfile = (appSecret: string) =>
      cleanEnv({ WDT_BULK_HOME: path.join(home, 'data'), WDT_BASE_URL: sandbox.url, WDT_SID: account.sid, WDT_APPKEY: account.appkey, WDT_APPSECRET: appSecret });

    const works = await runCli(['submit', file, '--op', 'return-cancel', '--json', '--wait', '2'], { env: envProfile(account.appSecret) });
    outputs.push(works);
    expect(works.code, works.stderr).toBe(1); // one cancelled; the ERP refuses the other two (not cancellable, no such return)
    const job = JSON.parse(works.stdout) as { counts: { succeeded: number }; results: string };
    expect(job.counts.succeeded).toBe(1);

    const refused = await runCli(['submit', file, '--op', 'return-cancel', '--json', '--wait', '2'], { env: envProfile(`${wrongSecret}:${salt}`) });
    outputs.push(refused);
    expect(refused.code, refused.stderr).toBe(4);

    if (process.env.WDT_KEYRING_READY) {
      const name = uniqueName('leak');
      const env = cleanEnv({ WDT_BULK_HOME: path.join(home, 'data') });
      const added = await runCli(['profiles', 'add', name, '--base-url', sandbox.url, '--sid', account.sid, '--appkey', account.appkey, '--env', 'test'], { env, input: `${account.appSecret}\n` });
      outputs.push(added);
      expect(added.code, added.stderr).toBe(0);
      const viaProfile = await runCli(['submit', file, '--op', 'return-cancel', '--profile', name, '--json', '--wait', '2'], { env });
      outputs.push(viaProfile);
      expect([0, 1], viaProfile.stderr).toContain(viaProfile.code);
      outputs.push(await runCli(['export', (JSON.parse(viaProfile.stdout) as { job: string }).job, '--out', path.join(home, 'again.xlsx'), '--lang', 'en'], { env }));
      outputs.push(await runCli(['profiles', 'remove', name], { env }));
    }

    const needles = [secret, wrongSecret, account.appSecret];
    const files = await readTree(path.join(home, 'data'));
    expect(files.some((f) => f.file.endsWith('jobs.sqlite'))).toBe(true);
    expect(files.some((f) => f.file.includes(`${path.sep}logs${path.sep}`))).toBe(true);
    for (const { file: f, text } of files) for (const n of needles) expect(text.includes(n), `${n} in ${f}`).toBe(false);

    const workbooks = (await readdir(home)).filter((f) => f.endsWith('.xlsx') && f !== 'list.xlsx');
    expect(workbooks.length).toBeGreaterThanOrEqual(1);
    for (const w of workbooks) {
      const text = await unzipText(path.join(home, w));
      expect(text).toContain('CR202406010001');
      for (const n of needles) expect(text.includes(n), `${n} in ${w}`).toBe(false);
    }
    for (const run of outputs) for (const n of needles) expect(`${run.stdout}${run.stderr}`.includes(n)).toBe(false);
  }, 60_000);
});
