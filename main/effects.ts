// The small interfaces through which effects enter services (rule 3). main/services.ts wires the real ones;
// tests wire real local ones (temp folders, loopback servers), never mocks of our own code.

export interface Clock {
  /** Milliseconds since the Unix epoch. */
  now(): number;
}
export const systemClock: Clock = { now: () => Date.now() };

export type LogFields = Record<string, string | number | boolean | null | undefined>;
/** Structured log. Callers never pass a secret, a sign or a full query string. */
export interface Logger {
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
}
export const silentLogger: Logger = { info() {}, warn() {}, error() {} };

/** Where the app keeps its data (WDT_BULK_HOME, else the OS per-user app-data folder). */
export interface Paths {
  home: string;
  /** The job store file. */
  database: string;
  /** The validated settings file (profiles, language). */
  settings: string;
  logs: string;
}
