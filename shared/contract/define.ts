// How a contract entry is declared: a channel name, the zod schema of its request, and a phantom
// response type. Main parses every request with the schema; the renderer only sees the types.
import type { z } from 'zod';

/** Carries a type without a runtime value (the response of a channel, the payload of an event). */
export interface Phantom<T> {
  readonly __type?: T;
}
export const returns = <T>(): Phantom<T> => ({});

/** One request/response channel: `window.wdt.<name>(request)` → `ipcRenderer.invoke(channel, request)`. */
export interface InvokeDef<Req extends z.ZodType, Res> {
  readonly kind: 'invoke';
  readonly channel: string;
  readonly request: Req;
  readonly response: Phantom<Res>;
  /** 'dropped-file': the renderer passes a File; the preload turns it into its path (see import.contract.ts). */
  readonly preload?: 'dropped-file';
}

/** One push event main sends to the renderer. */
export interface EventDef<P> {
  readonly kind: 'event';
  readonly channel: string;
  readonly payload: Phantom<P>;
}

export const invoke = <Req extends z.ZodType, Res>(channel: string, request: Req, response: Phantom<Res>): InvokeDef<Req, Res> => ({
  kind: 'invoke',
  channel,
  request,
  response,
});

export const event = <P>(channel: string): EventDef<P> => ({ kind: 'event', channel, payload: {} });
