// `wdt-bulk profiles` (docs: cli.md): list, add, remove, test, default. The app secret is read from
// standard input only (hidden prompt at a terminal) and never printed; prose or --json out.
import { parseArgs } from 'node:util';
import { isLang, t, type Lang } from '../../../shared/i18n';
import { appError, type AppError } from '../../../shared/result';
import { renderCheck, type CredentialOutcome } from '../../profiles/check-credentials';
import { openSecretStore, type OpenedSecretStore } from '../../profiles/keychain';
import type { ProfileInput } from '../../profiles/profile-store';
import type { ProfilesService } from '../../profiles/profiles-service';
import { readAppSecret } from '../../profiles/read-secret';
import { exitCodes, type CliIo, type CommandRun } from '../context';
import { cliServices } from '../cli-services';
import { printError, printJson, printLine } from '../output';

const options = {
  json: { type: 'boolean' },
  lang: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  'base-url': { type: 'string' },
  sid: { type: 'string' },
  appkey: { type: 'string' },
  env: { type: 'string' },
  concurrency: { type: 'string' },
  'calls-per-minute': { type: 'string' },
  timeout: { type: 'string' },
  'other-in-cancel-per-call': { type: 'string' },
  /** Acknowledges a production profile over plain http:// (the vendor's own address); remembered with the profile. */
  'allow-plain-http': { type: 'boolean' },
} as const;

/** Options someone might try to pass the secret with; refused with a message saying why. */
const secretOptions = /^--?(secret|app-?secret|appsecret|password)(=|$)/i;

/** The credential check's answer → the exit status (cli.md). */
export const checkExitCode: Record<CredentialOutcome, number> = {
  works: exitCodes.ok,
  // The credentials work; the message says which permission to apply for.
  'works-no-query': exitCodes.ok,
  'credentials-refused': exitCodes.credentialsRefused,
  'wrong-address': exitCodes.credentialsRefused,
  unreachable: exitCodes.waiting,
  'clock-skew': exitCodes.nothingSubmitted,
  'erp-error': exitCodes.nothingSubmitted,
};

export const run: CommandRun = async (io, argv) => {
  const fallbackLang: Lang = isLang(io.env.WDT_LANG) ? io.env.WDT_LANG : 'zh-CN';
  if (argv.some((arg) => secretOptions.test(arg))) {
    return fail(io, false, appError('INVALID_ARGUMENT', t(fallbackLang, 'profiles.cli.secretInArguments')));
  }
  let parsed: ReturnType<typeof parseArgs<{ options: typeof options; allowPositionals: true }>>;
  try {
    parsed = parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (error) {
    io.stderr.write(`${t(fallbackLang, 'profiles.cli.badArguments', { reason: (error as Error).message })}\n\n${t(fallbackLang, 'profiles.cli.usage')}`);
    return exitCodes.nothingSubmitted;
  }
  const { values, positionals } = parsed;
  const lang: Lang = isLang(values.lang) ? values.lang : fallbackLang;
  const json = values.json ?? false;
  const [sub, name, ...extra] = positionals;
  if (values.help || !sub) {
    (values.help ? io.stdout : io.stderr).write(t(lang, 'profiles.cli.usage'));
    return values.help ? exitCodes.ok : exitCodes.nothingSubmitted;
  }
  if (extra.length > 0 || !['list', 'add', 'remove', 'test', 'default'].includes(sub)) {
    io.stderr.write(`${t(lang, 'profiles.cli.badArguments', { reason: positionals.join(' ') })}\n\n${t(lang, 'profiles.cli.usage')}`);
    return exitCodes.nothingSubmitted;
  }
  if (sub !== 'list' && sub !== 'test' && !name) return fail(io, json, appError('INVALID_ARGUMENT', t(lang, 'profiles.cli.missingName')));

  // Opened here: list, add and test tell the person when there is no keychain.
  const secrets = await openSecretStore(lang);
  const s = await cliServices(io, lang, { secrets });
  const store = s.profiles;
  try {
    switch (sub) {
      case 'list':
        return await list(io, store, secrets, lang, json);
      case 'add':
        return await add(io, store, secrets, lang, json, name as string, values);
      case 'remove':
        return await remove(io, store, lang, json, name as string);
      case 'default':
        return await setDefault(io, store, lang, json, name as string);
      default:
        return await test(io, store, secrets, lang, json, name);
    }
  } finally {
    await s.close();
  }
};

function fail(io: CliIo, json: boolean, error: AppError): number {
  printError(io, { json }, error);
  return exitCodes.nothingSubmitted;
}

async function list(io: CliIo, store: ProfilesService, secrets: OpenedSecretStore, lang: Lang, json: boolean): Promise<number> {
  const listed = await store.list();
  if (!listed.ok) return fail(io, json, listed.error);
  // Without the keychain, a saved profile's secret cannot be known: say so rather than "not stored".
  const rows = listed.value.map((p) => ({ ...p, secret: secrets.unavailable && !p.builtin ? ('unavailable' as const) : p.secret }));
  if (secrets.unavailable) io.stderr.write(`${secrets.unavailable.message}\n`);
  if (json) {
    printJson(io, {
      defaultProfile: rows.find((p) => p.isDefault)?.name,
      keychain: secrets.store.kind,
      profiles: rows.map(({ name, environment, builtin, baseUrl, sid, appkey, limits, isDefault, secret }) => ({
        name, environment, builtin, baseUrl, sid, appkey, limits, default: isDefault, secret,
      })),
    });
    return exitCodes.ok;
  }
  for (const p of rows) {
    printLine(io, t(lang, 'profiles.cli.listLine', {
      mark: p.isDefault ? '*' : ' ',
      name: p.name,
      env: t(lang, p.builtin ? 'common.env.sandbox' : p.environment === 'production' ? 'common.env.production' : 'common.env.test'),
      url: p.baseUrl ?? t(lang, 'profiles.cli.sandboxUrl'),
      sid: p.sid,
      appkey: p.appkey,
      secret: t(lang, `profiles.secretStatus.${p.secret}`),
    }));
  }
  return exitCodes.ok;
}

type Values = ReturnType<typeof parseArgs<{ options: typeof options; allowPositionals: true }>>['values'];

async function add(io: CliIo, store: ProfilesService, secrets: OpenedSecretStore, lang: Lang, json: boolean, name: string, values: Values): Promise<number> {
  // A session-only store would forget the secret when this command exits: refuse instead of pretending.
  if (secrets.unavailable) {
    return fail(io, json, { ...secrets.unavailable, message: t(lang, 'profiles.cli.addNeedsKeychain', { reason: secrets.unavailable.message }) });
  }
  const limits: NonNullable<ProfileInput['limits']> = {};
  const numbers = [
    ['concurrency', 'concurrency'],
    ['calls-per-minute', 'callsPerMinute'],
    ['timeout', 'timeoutSeconds'],
    ['other-in-cancel-per-call', 'otherInCancelPerCall'],
  ] as const;
  for (const [option, field] of numbers) {
    const raw = values[option];
    if (raw === undefined) continue;
    if (!/^\d+$/.test(raw.trim())) return fail(io, json, appError('INVALID_ARGUMENT', t(lang, 'profiles.cli.badNumber', { option: `--${option}` })));
    limits[field] = Number(raw.trim());
  }
  const input = {
    name,
    environment: values.env,
    baseUrl: values['base-url'],
    sid: values.sid,
    appkey: values.appkey,
    limits,
    ...(values['allow-plain-http'] ? { acknowledgePlainHttp: true } : {}),
  } as ProfileInput;
  const appSecret = await readAppSecret(io.stdin, io.stderr, t(lang, 'profiles.cli.secretPrompt'));
  if (appSecret === null) return fail(io, json, appError('INVALID_ARGUMENT', t(lang, 'profiles.cli.cancelled')));
  if (appSecret === '') return fail(io, json, appError('INVALID_ARGUMENT', t(lang, 'profiles.cli.secretEmpty')));
  const added = await store.add(input, appSecret);
  if (!added.ok) return fail(io, json, added.error);
  const { profile, replaced } = added.value;
  if (json) {
    printJson(io, { profile: { ...profile }, replaced, secret: secrets.store.kind });
  } else {
    printLine(io, t(lang, replaced ? 'profiles.cli.replaced' : 'profiles.cli.added', {
      name: profile.name,
      env: t(lang, profile.environment === 'production' ? 'common.env.production' : 'common.env.test'),
      where: t(lang, `profiles.secretStatus.${secrets.store.kind}`),
    }));
  }
  return exitCodes.ok;
}

async function remove(io: CliIo, store: ProfilesService, lang: Lang, json: boolean, name: string): Promise<number> {
  const removed = await store.remove(name);
  if (!removed.ok) return fail(io, json, removed.error);
  if (json) printJson(io, { removed: name });
  else printLine(io, t(lang, 'profiles.cli.removed', { name }));
  return exitCodes.ok;
}

async function setDefault(io: CliIo, store: ProfilesService, lang: Lang, json: boolean, name: string): Promise<number> {
  const done = await store.setDefault(name);
  if (!done.ok) return fail(io, json, done.error);
  if (json) printJson(io, { defaultProfile: name });
  else printLine(io, t(lang, 'profiles.cli.defaultSet', { name }));
  return exitCodes.ok;
}

async function test(io: CliIo, store: ProfilesService, secrets: OpenedSecretStore, lang: Lang, json: boolean, name: string | undefined): Promise<number> {
  const resolved = await store.resolve(name, io.env);
  if (!resolved.ok) return fail(io, json, resolved.error);
  const { profile } = resolved.value;
  // "No keychain" and "nothing stored" are different answers: without a keychain, say that.
  if (resolved.value.secret.where === 'session' && secrets.unavailable) return fail(io, json, secrets.unavailable);
  if (!json) io.stderr.write(`${t(lang, 'profiles.cli.testing', { name: profile.name, url: profile.baseUrl })}\n`);
  const checked = await store.checkResolved(resolved.value);
  if (!checked.ok) return fail(io, json, checked.error);
  const message = renderCheck(lang, checked.value);
  if (json) printJson(io, { profile: profile.name, result: checked.value.outcome, message });
  else printLine(io, message);
  return checkExitCode[checked.value.outcome];
}
