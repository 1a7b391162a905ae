// Shared test plumbing for the profiles room: temp data folders, the built CLI as a child process,
// and making sure the private keyring that scripts/with-keyring.sh starts has a default collection.
import { execFileSync, spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';

export const repoRoot = path.resolve(__dirname, '../../..');
export const cliBin = path.join(repoRoot, 'bin/wdt-bulk.mjs');

export const tempHome = (): Promise<string> => mkdtemp(path.join(os.tmpdir(), 'wdt-bulk-profiles-'));
export const uniqueName = (prefix: string): string => `${prefix}-${randomBytes(4).toString('hex')}`;

/**
 * gnome-keyring started with an empty password (scripts/with-keyring.sh) creates no 'login'
 * collection, so the Secret Service has no default collection and every write fails. Point the
 * 'default' alias at the daemon's in-memory 'session' collection — only inside the private D-Bus
 * session the script started, never the person's own.
 */
export function ensureDefaultCollection(): void {
  if (!process.env.WDT_KEYRING_READY) return;
  const gdbus = (...args: string[]) =>
    execFileSync('gdbus', ['call', '--session', '--dest', 'org.freedesktop.secrets', '--object-path', '/org/freedesktop/secrets', ...args], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    });
  try {
    if (gdbus('--method', 'org.freedesktop.Secret.Service.ReadAlias', 'default').includes("'/'")) {
      gdbus('--method', 'org.freedesktop.Secret.Service.SetAlias', 'default', '/org/freedesktop/secrets/collection/session');
    }
  } catch {
    // No gdbus: the keychain tests then report the probe's own reason.
  }
}

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the built CLI (`node bin/wdt-bulk.mjs …`) with `input` piped to stdin. */
export function runCli(args: string[], options: { env: NodeJS.ProcessEnv; input?: string }): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cliBin, ...args], { cwd: repoRoot, env: options.env, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString('utf8')));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
    child.stdin.end(options.input ?? '');
  });
}

/** Every file under a folder, with its bytes as text (for "the secret is nowhere" checks). */
export async function readTree(folder: string): Promise<{ file: string; text: string }[]> {
  const out: { file: string; text: string }[] = [];
  for (const name of await readdir(folder)) {
    const full = path.join(folder, name);
    if ((await stat(full)).isDirectory()) out.push(...(await readTree(full)));
    else out.push({ file: full, text: await readFile(full, 'utf8') });
  }
  return out;
}

/** A child environment without any WDT_* variable of the outer shell, plus the given ones. */
export function cleanEnv(extra: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!k.startsWith('WDT_') || k === 'WDT_KEYRING_READY') env[k] = v;
  return { ...env, ...extra };
}
