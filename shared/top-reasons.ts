// The most common reasons for failure: the ERP's words verbatim, with how many rows got each, most
// first. The results screen and the results workbook's Summary sheet show the same list.

export interface ReasonCount {
  message: string;
  count: number;
}

/** Counts failed rows by message as they go by (the workbook's scan feeds it while counting states). */
export class ReasonTally {
  private readonly counts = new Map<string, number>();

  see(row: { state: string; message: string }): void {
    if (row.state === 'failed' && row.message) this.counts.set(row.message, (this.counts.get(row.message) ?? 0) + 1);
  }

  top(limit = 5): ReasonCount[] {
    return [...this.counts]
      .map(([message, count]) => ({ message, count }))
      .sort((a, b) => b.count - a.count || a.message.localeCompare(b.message))
      .slice(0, limit);
  }
}

export function topReasons(rows: Iterable<{ state: string; message: string }>, limit = 5): ReasonCount[] {
  const tally = new ReasonTally();
  for (const r of rows) tally.see(r);
  return tally.top(limit);
}
