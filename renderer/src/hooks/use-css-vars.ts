// Styles computed at run time go through the CSSOM (element.style.setProperty), which the CSP's
// style-src 'self' allows; inline style attributes (React's style prop) it does not, and a test forbids them.
import { useLayoutEffect, useRef, type RefObject } from 'react';

export function useCssVars<E extends HTMLElement>(vars: Record<string, string>): RefObject<E | null> {
  const ref = useRef<E>(null);
  const text = JSON.stringify(vars);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    for (const [name, value] of Object.entries(JSON.parse(text) as Record<string, string>)) el.style.setProperty(name, value);
  }, [text]);
  return ref;
}

/** A ref callback that places an absolutely positioned row at `y` pixels. */
export const placeAt = (y: number) => (el: HTMLElement | null) => {
  if (el) el.style.transform = `translateY(${y}px)`;
};
