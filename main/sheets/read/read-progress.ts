// Telling how far a read is (ReadProgress): rows checked so far against the sheet's own estimate of its
// size, and the problems as they are found, so a screen can fill a progress bar and a problem list while
// the rest of a 100,000-row sheet streams in. Told at most every `intervalMs`, so the caller's IPC and
// rendering stay a small share of the read.
import { performance } from 'node:perf_hooks';
import type { CellProblem } from '../../../shared/operations/types';
import type { ReadProgress } from './types';

const intervalMs = 100;
/** Problems carried by the reports of one read: a list to start on, not the whole list (that comes with the result). */
export const progressProblems = 500;

export class ProgressTeller {
  private problems = 0;
  private sent = 0;
  private fresh: CellProblem[] = [];
  private last = performance.now();

  constructor(
    private readonly tell: (progress: ReadProgress) => void,
    private readonly headerRow: number,
    /** The sheet's last row as the file says (SourceSheet.lastRow). */
    private readonly lastRow: () => number | null,
  ) {}

  /** One data row checked (`rows` so far), with its own problems. */
  row(rows: number, problems: readonly CellProblem[] | null): void {
    if (problems) {
      this.problems += problems.length;
      for (const p of problems) if (this.sent + this.fresh.length < progressProblems) this.fresh.push(p);
    }
    if ((rows & 127) === 0 && performance.now() - this.last >= intervalMs) this.report(rows);
  }

  /** Tells now (the first rows are out; every row is in). */
  report(rows: number): void {
    const last = this.lastRow();
    // The dimension counts the header and rows above it, blank rows too; a stale one may be short.
    const total = last !== null && last > this.headerRow ? Math.max(rows, last - this.headerRow) : null;
    const newProblems = this.fresh;
    this.sent += newProblems.length;
    this.fresh = [];
    this.last = performance.now();
    this.tell({ rows, total, problems: this.problems, newProblems });
  }
}
