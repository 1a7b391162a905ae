// What the checkpoint thread (checkpoint.worker.ts) is started with and tells the main thread (checkpointer.ts).

export interface CheckpointRequest {
  /** The job store's file. */
  file: string;
  /** How often it looks whether the -wal file was written. */
  everyMs: number;
}

export type CheckpointReport =
  | { kind: 'ready' }
  /** A PASSIVE checkpoint ran: frames in the WAL, and how many of them are now in the database file. */
  | { kind: 'checkpointed'; log: number; checkpointed: number }
  | { kind: 'failed'; message: string };
