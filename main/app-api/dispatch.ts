// One request, from any front end (the Electron router, the test host): size guard, schema parse,
// the API call, and every throw turned into a logged INTERNAL Result. Never throws itself.
import { channels, maxPayloadBytes, payloadWithin, type ChannelName, type ServerApi } from '../../shared/contract';
import { t, type Lang } from '../../shared/i18n';
import { appError, err, type Result } from '../../shared/result';
import type { Logger } from '../effects';

export const isChannelName = (name: string): name is ChannelName => Object.hasOwn(channels, name);

/** The table entry a wire channel ('jobs:start') belongs to. */
export const channelByWire: ReadonlyMap<string, ChannelName> = new Map(
  (Object.keys(channels) as ChannelName[]).map((name) => [channels[name].channel, name]),
);

export async function dispatch(api: ServerApi, name: string, payload: unknown, lang: Lang, logger: Logger): Promise<Result<unknown>> {
  try {
    if (!isChannelName(name)) return err(appError('INVALID_ARGUMENT', t(lang, 'ui.error.unknownChannel', { channel: name.slice(0, 100) })));
    if (!payloadWithin(payload, maxPayloadBytes)) {
      return err(appError('INVALID_ARGUMENT', t(lang, 'ui.error.tooLarge', { limit: maxPayloadBytes }), { limit: maxPayloadBytes }));
    }
    const parsed = channels[name].request.safeParse(payload);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const reason = issue ? `${issue.path.join('.') || '(request)'}: ${issue.message}` : 'invalid';
      return err(appError('INVALID_ARGUMENT', t(lang, 'ui.error.invalidRequest', { reason }), { channel: channels[name].channel }));
    }
    // The table ties each name to its schema; TypeScript can't follow the correlation through the index.
    const handler = api[name] as (request: unknown) => Promise<Result<unknown>>;
    const result = await handler(parsed.data);
    if (!result || typeof result !== 'object' || typeof (result as { ok?: unknown }).ok !== 'boolean') {
      throw new Error(`handler ${name} returned a non-Result`);
    }
    return result;
  } catch (error) {
    logger.error('ipc handler threw', { channel: name.slice(0, 100), error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
    return err(appError('INTERNAL', t(lang, 'ui.error.internal')));
  }
}
