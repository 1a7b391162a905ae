// A fixed-row-height window over a paged list (the review grid, a job's rows): only the rows in view, plus a
// margin, are rendered; the pages covering them are asked for as they scroll in. The sticky header sits above
// the rows inside the scroller, so the rows start one row height down (`scrollMargin`).
import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, type RefObject } from 'react';
import { useCssVars } from './use-css-vars';
import type { Pages } from './use-pages';

export const rowHeight = 32;

export function useRowWindow<T>(rows: Pages<T>, scroller: RefObject<HTMLDivElement | null>) {
  const total = rows.total ?? 0;
  // React 19 batches the scroll updates itself; flushSync from inside a render only draws a warning.
  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scroller.current,
    estimateSize: () => rowHeight,
    overscan: 12,
    scrollMargin: rowHeight,
    useFlushSync: false,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items.at(-1)?.index ?? 0;
  const { ensure, refresh: refreshPages } = rows;
  useEffect(() => {
    if (total > 0) ensure(first, last);
  }, [ensure, first, last, total]);
  /** Asks again for the rows in view (the list changed under them); the scroll position stays where it is. */
  const refresh = useCallback(() => refreshPages(first, last), [refreshPages, first, last]);
  /** The element whose height is every row's: the scroller's scrollbar covers the whole list. */
  const sizer = useCssVars<HTMLDivElement>({ height: `${virtualizer.getTotalSize()}px` });
  return { total, virtualizer, items, sizer, refresh };
}
