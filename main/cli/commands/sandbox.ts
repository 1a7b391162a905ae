// `wdt-bulk sandbox` (docs: cli.md): runs the built-in sandbox ERP on loopback until SIGINT/SIGTERM.
// Prints its URL, sid and appkey — never the secret (tests import sandboxCredentials instead).
import { parseArgs } from 'node:util';
import { defaultLang, isLang, t } from '../../../shared/i18n';
import { startSandbox, sandboxCredentials } from '../../sandbox';
import { exitCodes, type CommandRun } from '../context';
import { printJson, printLine } from '../output';

export const run: CommandRun = async (io, argv) => {
  let values: { port?: string; data?: string; json?: boolean; lang?: string; help?: boolean };
  try {
    values = parseArgs({
      args: argv,
      options: {
        port: { type: 'string' },
        data: { type: 'string' },
        json: { type: 'boolean' },
        lang: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }).values;
  } catch (error) {
    io.stderr.write(`${t(defaultLang, 'wdt.sandbox.badArgs', { detail: (error as Error).message })}\n`);
    return exitCodes.nothingSubmitted;
  }
  const lang = isLang(values.lang) ? values.lang : isLang(io.env.WDT_BULK_LANG) ? io.env.WDT_BULK_LANG : defaultLang;
  if (values.help) {
    printLine(io, t(lang, 'wdt.sandbox.usage'));
    return exitCodes.ok;
  }
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    io.stderr.write(`${t(lang, 'wdt.sandbox.badArgs', { detail: `--port ${values.port}` })}\n`);
    return exitCodes.nothingSubmitted;
  }

  let sandbox;
  try {
    sandbox = await startSandbox({ port, dataFile: values.data });
  } catch (error) {
    const detail = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    if (values.json) printJson(io, { error: { code: 'INTERNAL', message: t(lang, 'wdt.sandbox.startFailed', { detail }) } });
    else io.stderr.write(`${t(lang, 'wdt.sandbox.startFailed', { detail })}\n`);
    return exitCodes.nothingSubmitted;
  }
  const { sid, appkey } = sandboxCredentials;
  if (values.json) printJson(io, { url: sandbox.url, port: sandbox.port, sid, appkey });
  else {
    printLine(io, t(lang, 'wdt.sandbox.listening', { url: sandbox.url }));
    printLine(io, t(lang, 'wdt.sandbox.account', { sid, appkey }));
    printLine(io, t(lang, 'wdt.sandbox.stopHint'));
  }

  await new Promise<void>((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  await sandbox.close();
  if (!values.json) printLine(io, t(lang, 'wdt.sandbox.stopped'));
  return exitCodes.ok;
};
