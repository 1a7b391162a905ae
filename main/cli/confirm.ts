// The production confirmation of the commands that send (submit, resend): where it goes, what it does and
// how much, then a yes at the terminal — or --yes, without which nothing goes to production from a script.
import { createInterface } from 'node:readline';
import { t, type Lang } from '../../shared/i18n';
import type { OperationDef } from '../../shared/operations/types';
import { appError } from '../../shared/result';
import { confirmationText, needsConfirmation, type ConfirmationCounts } from '../profiles/production-safety';
import type { Profile } from '../profiles/types';
import { exitCodes, type CliIo } from './context';
import { printError } from './output';

async function askYes(io: CliIo, question: string): Promise<boolean> {
  const rl = createInterface({ input: io.stdin, output: io.stderr, terminal: false });
  try {
    const answer = await new Promise<string>((resolve) => {
      rl.question(question, resolve);
      rl.once('close', () => resolve(''));
    });
    return /^(y|yes|是|确认)$/i.test(answer.trim());
  } finally {
    rl.close();
  }
}

/** null when the send may go on; else the exit status (the refusal is printed). Nothing to send needs no yes. */
export async function confirmSend(
  io: CliIo,
  o: { json: boolean; lang: Lang; yes: boolean | undefined },
  profile: Pick<Profile, 'name' | 'environment' | 'sid' | 'baseUrl'>,
  op: Pick<OperationDef, 'method' | 'label'>,
  counts: ConfirmationCounts,
): Promise<number | null> {
  const { json, lang } = o;
  if (!needsConfirmation(profile) || o.yes || counts.orders === 0) return null;
  const text = confirmationText(profile, { method: op.method, label: op.label[lang] }, counts, lang);
  if (!io.interactive) {
    printError(io, { json }, appError('CONFIRMATION_REQUIRED', `${text}\n${t(lang, 'cli.confirmNeedsYes')}`, { profile: profile.name }));
    return exitCodes.nothingSubmitted;
  }
  io.stderr.write(`${text}\n`);
  if (await askYes(io, t(lang, 'cli.confirmPrompt'))) return null;
  printError(io, { json }, appError('CONFIRMATION_REQUIRED', t(lang, 'cli.confirmDeclined'), { profile: profile.name }));
  return exitCodes.nothingSubmitted;
}
