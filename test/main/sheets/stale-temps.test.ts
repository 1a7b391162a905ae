// Killed workbook writes leave hidden `.…tmp` files (issue 13 item 4): the next write to that folder
// sweeps those whose writer is gone, and only those. The writers here are real child processes,
// killed with SIGKILL midway, as a crash or a power-off would.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { safeWrite } from '../../../main/sheets/safe-write';
import { hostTag, isStaleTemp } from '../../../main/sheets/stale-temps';
import { tempDir } from './fixtures';

const safeWriteModule = path.resolve(__dirname, '../../../main/sheets/safe-write.ts');
const children: ChildProcess[] = [];
afterEach(() => {
  for (const c of children.splice(0)) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
});

/**
 * A child process that starts a safeWrite to `target`, writes half, and hangs there; resolves once its temp
 * file exists (it says 'midway' from the write's callback: the file is open and written by then).
 */
async function writerStuckMidway(target: string): Promise<{ child: ChildProcess; temp: string }> {
  const script = `const { safeWrite } = await import(${JSON.stringify(safeWriteModule)});
await safeWrite(${JSON.stringify(target)}, async (s) => { s.write('half of a workbook', () => process.stdout.write('midway\\n')); setInterval(() => {}, 1000); await new Promise(() => {}); });`;
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
  children.push(child);
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (c: Buffer) => c.toString().includes('midway') && resolve());
    child.on('exit', (code) => reject(new Error(`writer exited early (${code})`)));
  });
  const temp = readdirSync(path.dirname(target)).find((n) => n.endsWith('.tmp') && n.includes(`.${child.pid}-`));
  if (!temp) throw new Error('no temp file');
  return { child, temp };
}

async function kill(child: ChildProcess): Promise<void> {
  const exited = once(child, 'exit');
  child.kill('SIGKILL');
  await exited;
}

describe('stale temp files of killed writes', () => {
  it('the next write to the folder removes what a killed writer left, and keeps a live writer’s file', async () => {
    const dir = tempDir();
    const killed = await writerStuckMidway(path.join(dir, 'a.results.xlsx'));
    const live = await writerStuckMidway(path.join(dir, 'b.results.xlsx'));
    await kill(killed.child);
    // Another computer's write in a shared folder, an hour old: not ours to judge yet.
    const foreign = `.c.results.xlsx.4242-${hostTag('another-pc') === hostTag() ? 'ffffff' : hostTag('another-pc')}.0badf00d.tmp`;
    writeFileSync(path.join(dir, foreign), 'x');
    utimesSync(path.join(dir, foreign), new Date(Date.now() - 3_600_000), new Date(Date.now() - 3_600_000));
    // A clerk's own hidden file that merely looks alike is never touched.
    writeFileSync(path.join(dir, '.notes.tmp'), 'mine');
    expect(readdirSync(dir)).toContain(killed.temp);

    await safeWrite(path.join(dir, 'd.results.xlsx'), async (s) => void s.end('complete'));

    const left = readdirSync(dir).sort();
    expect(left).not.toContain(killed.temp);
    expect(left).toEqual([foreign, live.temp, '.notes.tmp', 'd.results.xlsx'].sort());
    expect(readFileSync(path.join(dir, 'd.results.xlsx'), 'utf8')).toBe('complete');
  }, 30_000);

  it('judges by pid, computer and age', () => {
    const now = Date.now();
    const mine = (pid: number) => `.x.xlsx.${pid}-${hostTag()}.0123abcd.tmp`;
    // This process, a file written before it started: the pid was reused, the writer is long gone.
    expect(isStaleTemp(mine(process.pid), now - process.uptime() * 1000 - 60_000, now)).toBe(true);
    expect(isStaleTemp(mine(process.pid), now, now)).toBe(false);
    // A pid no process has (beyond Linux's pid_max).
    expect(isStaleTemp(mine(4_194_999), now, now)).toBe(true);
    const other = `.x.xlsx.1-${hostTag('elsewhere') === hostTag() ? 'ffffff' : hostTag('elsewhere')}.0123abcd.tmp`;
    expect(isStaleTemp(other, now - 3_600_000, now)).toBe(false);
    expect(isStaleTemp(other, now - 25 * 3_600_000, now)).toBe(true);
    expect(isStaleTemp('.x.xlsx.tmp', 0, now)).toBe(false);
  });
});
