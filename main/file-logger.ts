// A structured log in the data folder (logs/wdt-bulk-YYYYMMDD.log, JSON lines), shared by the app and
// the CLI. Callers never pass a secret, a sign or a full query string (effects.ts); this file adds a
// last guard anyway: a field named like a secret is never written.
import { appendFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import type { LogFields, Logger } from './effects';

const secretLike = /secret|sign|password|token|salt/i;

export function fileLogger(folder: string, source: string, echo?: (line: string) => void): Logger {
  let ready = false;
  const write = (level: string, message: string, fields?: LogFields) => {
    const safe: LogFields = {};
    for (const [k, v] of Object.entries(fields ?? {})) safe[k] = secretLike.test(k) ? '[withheld]' : v;
    const now = new Date();
    const line = JSON.stringify({ at: now.toISOString(), level, source, pid: process.pid, message, ...safe });
    try {
      if (!ready) mkdirSync(folder, { recursive: true });
      ready = true;
      const day = now.toISOString().slice(0, 10).replace(/-/g, '');
      appendFileSync(path.join(folder, `wdt-bulk-${day}.log`), `${line}\n`);
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
