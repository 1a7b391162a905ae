// The most common reasons for failure: the ERP's words verbatim, with how many rows got each, most
// first. The results screen and the results workbook's Summary sheet show the same list.

export interface ReasonCount {
  message: string;
  count: number;
}

export function topReasons(rows: Iterable<{ state: string; message: string }>, limit = 5): ReasonCount[] {
  const counts = new Map<string, number>();
  for (const r of rows) if (r.state === 'failed' && r.message) counts.set(r.message, (counts.get(r.message) ?? 0) + 1);
  return [...counts]
    .map(([message, count]) => ({ message, count }))
    .sort((a, b) => b.count - a.count || a.message.localeCompare(b.message))
    .slice(0, limit);
}
