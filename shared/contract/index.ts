// The renderer↔main contract: every channel and push event, the type of window.wdt, and the
// server-side type main implements. One table, typed once; the preload, the router and the test
// host are all built from it.
import type { z } from 'zod';
import type { Result } from '../result';
import { appContract } from './app.contract';
import type { EventDef, InvokeDef } from './define';
import { importContract, importEvents, type DroppedFile, type FileTicket } from './import.contract';
import { jobsContract, jobsEvents } from './jobs.contract';
import { masterdataContract, masterdataEvents } from './masterdata.contract';
import { profilesContract } from './profiles.contract';
import { readProgressEvents } from './read-progress.contract';
import { templatesContract } from './templates.contract';

export * from './app.contract';
export * from './import.contract';
export * from './jobs.contract';
export * from './masterdata.contract';
export * from './profiles.contract';
export * from './read-progress.contract';
export * from './templates.contract';
export type { Page } from './ids';
export { payloadWithin } from './payload';

/** Every request/response channel, by the name of its window.wdt function. */
export const channels = { ...importContract, ...jobsContract, ...profilesContract, ...templatesContract, ...appContract, ...masterdataContract } as const;
/** Every push event, by the name of its window.wdt subscription function. */
export const events = { ...importEvents, ...jobsEvents, ...masterdataEvents, ...readProgressEvents } as const;

export type Channels = typeof channels;
export type ChannelName = keyof Channels;
export type EventName = keyof typeof events;

/** The largest request payload main accepts, in bytes of JSON (withdrawn-row lists are the biggest). */
export const maxPayloadBytes = 2 * 1024 * 1024;

/** The names of window.wdt's functions, in table order (the preload's keys must equal this list). */
export const apiKeys: readonly string[] = [...Object.keys(channels), ...Object.keys(events)];

type RequestOf<C> = C extends InvokeDef<infer Req, unknown> ? Req : never;
export type ResponseOf<C> = C extends InvokeDef<z.ZodType, infer Res> ? Res : never;
export type EventPayload<N extends EventName> = (typeof events)[N] extends EventDef<infer P> ? P : never;

/** A request the renderer may omit when every field is optional (`window.wdt.jobsList()`). */
type Args<In> = undefined extends In ? [request?: In] : [request: In];

/** window.wdt: named functions only — no channel names, no ipcRenderer, no generic send. */
export type WdtApi = {
  [K in ChannelName]: Channels[K] extends { preload: 'dropped-file' }
    ? (file: DroppedFile) => Promise<Result<FileTicket>>
    : (...args: Args<z.input<RequestOf<Channels[K]>>>) => Promise<Result<ResponseOf<Channels[K]>>>;
} & {
  /** Subscribes to a push event; the returned function unsubscribes. */
  [K in EventName]: (listener: (payload: EventPayload<K>) => void) => () => void;
};

/** What main implements behind the router (and the test host): parsed requests in, Results out. */
export type ServerApi = {
  [K in ChannelName]: (request: z.output<RequestOf<Channels[K]>>) => Promise<Result<ResponseOf<Channels[K]>>>;
};

/** How main pushes an event to the window (the router) or the browser (the test host). */
export type EventSink = <N extends EventName>(name: N, payload: EventPayload<N>) => void;
