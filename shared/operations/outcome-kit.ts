// Building blocks for outcomes(): a refused call, an answer we cannot read, and the
// "failures listed, everyone else succeeded" shape of batchCancelOrder and pending.
import { z } from 'zod';
import { t, type LocalizedText, type MessageKey, type MessageParams } from '../i18n';
import type { ErpAnswer, OrderOutcome } from './types';

/** Our own wording: stored as LocalizedText, with a zh-CN rendering in `message` for plain-text consumers. */
export function ourText(key: MessageKey, params?: MessageParams): { message: string; text: LocalizedText } {
  return { message: t('zh-CN', key, params), text: params ? { key, params } : { key } };
}

/** Top-level status > 0: the whole call was refused; nothing was done to any of its orders. */
export function refusedAll(answer: ErpAnswer, keys: readonly string[]): OrderOutcome[] {
  const reason = answer.message?.trim();
  const failure = reason ? { message: reason } : ourText('operations.outcome.refusedNoReason', { status: answer.status });
  return keys.map((key) => ({ key, state: 'failed', ...failure }));
}

/** The call was accepted but its answer does not say what happened: the ERP may have acted. */
export const unknownAll = (keys: readonly string[], key: MessageKey, params?: MessageParams): OrderOutcome[] =>
  keys.map((k) => ({ key: k, state: 'unknown', ...ourText(key, params) }));

/** Numbers may arrive as strings and vice versa; the API is loose about it. */
export const looseInt = z.union([z.number().int(), z.string().trim().regex(/^-?\d+$/).transform(Number)]);
export const looseText = z.union([z.string(), z.number().transform(String)]);

const errorInfoData = z.looseObject({
  error_info: z.array(z.looseObject({ order_no: looseText, message: looseText.optional() })).nullish(),
  status: looseInt.optional(),
});

/**
 * batchCancelOrder and pending: every number in data.error_info failed, every other number of the
 * call succeeded (wdt-protocol.md). A data.status other than 0 with no listed failure is read as
 * "something went wrong that names no order": every key unknown rather than a blanket success.
 */
export function errorInfoOutcomes(answer: ErpAnswer, keys: readonly string[]): OrderOutcome[] {
  if (answer.status !== 0) return refusedAll(answer, keys);
  const parsed = errorInfoData.safeParse(answer.data);
  if (!parsed.success) return unknownAll(keys, 'operations.outcome.unreadable');
  const errors = parsed.data.error_info ?? [];
  const dataStatus = parsed.data.status ?? 0;
  if (dataStatus !== 0 && errors.length === 0) {
    return unknownAll(keys, 'operations.outcome.unexpectedStatus', { status: dataStatus });
  }
  const failed = new Map<string, string>();
  for (const e of errors) if (!failed.has(e.order_no.trim())) failed.set(e.order_no.trim(), e.message ?? '');
  return keys.map((key): OrderOutcome => {
    const reason = failed.get(key);
    if (reason === undefined) return { key, state: 'succeeded' };
    return reason.trim()
      ? { key, state: 'failed', message: reason }
      : { key, state: 'failed', ...ourText('operations.outcome.refusedNoReason', { status: dataStatus }) };
  });
}
