// The test/dev host's entry (bundled to out/node/e2e-host.cjs): builds the services, starts the host and
// prints one JSON line {"url","token","open","home"} on stdout (a pipe to its parent; `open` is the address
// with the token in its fragment, for a person). Options: --port N, --renderer DIR, --dev-bridge,
// --test-control (the /test/* routes; e2e tests only), --home DIR (else WDT_BULK_HOME, else a fresh temp
// folder), --keychain. Without --keychain secrets live in
// memory only (session store): a browser try-out never touches the OS keychain. The e2e tests pass
// --keychain: they run inside a throw-away gnome-keyring (scripts/with-keyring.sh), so the app's secrets
// go through the real Secret Service there, with the same probe and fallback as the desktop app.
import { mkdir, mkdtemp } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { isLang } from '../../../shared/i18n';
import type { Logger } from '../../../main/effects';
import { pathsIn } from '../../../main/paths';
import { openSecretStore, SessionSecretStore } from '../../../main/profiles/keychain';
import { createServices } from '../../../main/services';
import { checkpointWorkerBeside } from '../../../main/jobs/checkpointer';
import { appWorkerPath } from '../../../main/sheets/read/worker-path';
import { HostDesktop } from './host-desktop';
import { startHost } from './server';

const { values } = parseArgs({
  options: {
    port: { type: 'string' },
    renderer: { type: 'string' },
    home: { type: 'string' },
    lang: { type: 'string' },
    'dev-bridge': { type: 'boolean' },
    'test-control': { type: 'boolean' },
    keychain: { type: 'boolean' },
  },
});

const root = process.cwd();
const logger: Logger = {
  info: (message, fields) => process.stderr.write(`[host] ${message} ${JSON.stringify(fields ?? {})}\n`),
  warn: (message, fields) => process.stderr.write(`[host] warn ${message} ${JSON.stringify(fields ?? {})}\n`),
  error: (message, fields) => process.stderr.write(`[host] error ${message} ${JSON.stringify(fields ?? {})}\n`),
};

async function main(): Promise<void> {
  const home = path.resolve(values.home ?? process.env.WDT_BULK_HOME ?? (await mkdtemp(path.join(os.tmpdir(), 'wdt-host-home-'))));
  const downloads = path.join(home, 'downloads');
  await mkdir(downloads, { recursive: true });
  const desktop = new HostDesktop(downloads);
  const worker = appWorkerPath(root);
  const checkpointWorker = checkpointWorkerBeside(worker);
  const version = (JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string }).version;
  // The same services and start as the Electron main process (main/electron/index.ts).
  const lang = isLang(values.lang) ? values.lang : 'zh-CN';
  const secrets = values.keychain ? (await openSecretStore(lang)).store : new SessionSecretStore();
  const services = await createServices({
    paths: pathsIn(home),
    secrets,
    logger,
    version,
    env: {},
    ...(worker ? { readWorker: worker } : {}),
    ...(checkpointWorker ? { checkpointWorker } : {}),
    ...(isLang(values.lang) ? { lang: values.lang } : {}),
  });
  services.jobs.resumeInterrupted();
  const host = await startHost({
    rendererRoot: path.resolve(values.renderer ?? path.join(root, 'out/renderer')),
    services,
    desktop,
    ...(values.port ? { port: Number(values.port) } : {}),
    devBridge: values['dev-bridge'] ?? false,
    testControl: values['test-control'] ?? false,
  });
  const open = `${host.url}/#token=${encodeURIComponent(host.token)}`;
  process.stdout.write(`${JSON.stringify({ url: host.url, token: host.token, open, home })}\n`);
  const stop = () => {
    void host.close().then(() => services.close()).finally(() => process.exit(0));
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`[host] failed to start: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
