// A structured log in the data folder (logs/wdt-bulk-YYYYMMDD.log, JSON lines), shared by the app and
// the CLI. Callers never pass a secret, a sign or a full query string (effects.ts); this file adds a
// last guard anyway: a field named like a secret is never written.
import { appendFileSync } from 'node:fs';
import path from 'node:path';
import type { LogFields, Logger } from './effects';
import { ensurePrivateFolder, privateFileMode, tightenFiles } from './paths';

const secretLike = /secret|sign|password|token|salt/i;

export function fileLogger(folder: string, source: string, echo?: (line: string) => void): Logger {
  let ready = false;
  /** The day's file last written: a new one is created 0600, one left by an older build tightened once. */
  let current = '';
  const write = (level: string, message: string, fields?: LogFields) => {
    const safe: LogFields = {};
    for (const [k, v] of Object.entries(fields ?? {})) safe[k] = secretLike.test(k) ? '[withheld]' : v;
    const now = new Date();
    const line = JSON.stringify({ at: now.toISOString(), level, source, pid: process.pid, message, ...safe });
    try {
      if (!ready) ensurePrivateFolder(folder);
      ready = true;
      const day = now.toISOString().slice(0, 10).replace(/-/g, '');
      const file = path.join(folder, `wdt-bulk-${day}.log`);
      appendFileSync(file, `${line}\n`, { mode: privateFileMode });
      if (file !== current) tightenFiles(file);
      current = file;
    } catch {
      // A log that cannot be written must never stop a job.
    }
    echo?.(line);
  };
  return {
    info: (m, f) => write('info', m, f),
    warn: (m, f) => write('warn', m, f),
    error: (m, f) => write('error', m, f),
  };
}
