// The one set of final row states (docs: "Every row ends in exactly one state"), plus `pending`.

/** Final states a row can end in. Rows in = rows out: every row ends in exactly one. */
export const finalStates = ['succeeded', 'failed', 'invalid', 'duplicate', 'unknown', 'skipped'] as const;
export type FinalState = (typeof finalStates)[number];
/** A row not yet settled (not sent, or sent and awaiting an answer or reconciliation). */
export type RowState = FinalState | 'pending';
export type StateCounts = Record<RowState, number>;

export const emptyCounts = (): StateCounts => ({
  succeeded: 0, failed: 0, invalid: 0, duplicate: 0, unknown: 0, skipped: 0, pending: 0,
});

/** Job lifecycle as the CLI and UI show it. */
export const jobStates = ['running', 'waiting', 'paused', 'interrupted', 'done'] as const;
export type JobState = (typeof jobStates)[number];
