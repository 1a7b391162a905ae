// Each screen's heading. When a screen appears, focus moves to its heading (not to the page body), so a
// keyboard or screen-reader user starts reading where the new screen starts — unless a dialog holds focus.
import { useEffect, useRef, type ReactNode } from 'react';

export function ScreenTitle({ children, className }: { children: ReactNode; className?: string }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (document.activeElement?.closest('[role="dialog"]')) return;
    ref.current?.focus({ preventScroll: true });
  }, []);
  return (
    <h2 ref={ref} tabIndex={-1} className={className ? `screen-title ${className}` : 'screen-title'} data-testid="screen-title">
      {children}
    </h2>
  );
}
