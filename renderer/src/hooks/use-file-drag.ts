// Whether a file is being dragged over the window, for the window-wide drop highlight. dragenter and
// dragleave fire for every child crossed, so a counter (not a flag) says when the drag has really left.
import { useCallback, useRef, useState, type DragEvent } from 'react';

export function useFileDrag(): { over: boolean; enter(e: DragEvent): void; leave(e: DragEvent): void; end(): void } {
  const depth = useRef(0);
  const [over, setOver] = useState(false);
  const enter = useCallback((e: DragEvent) => {
    if (!e.dataTransfer.types.includes('Files')) return;
    depth.current += 1;
    setOver(true);
  }, []);
  const leave = useCallback((e: DragEvent) => {
    if (!e.dataTransfer.types.includes('Files')) return;
    depth.current = Math.max(0, depth.current - 1);
    if (depth.current === 0) setOver(false);
  }, []);
  const end = useCallback(() => {
    depth.current = 0;
    setOver(false);
  }, []);
  return { over, enter, leave, end };
}
