// Renders the whole app over the fake window.wdt. jsdom lays nothing out, so the grid's scroller is
// given a size (the virtualizer reads clientHeight/clientWidth) and scrolling is a scrollTop change.
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, expect } from 'vitest';
import { App } from '../../renderer/src/app';
import { FakeWdt } from './fake-api';

const size = (name: 'clientHeight' | 'clientWidth', px: number) =>
  Object.defineProperty(HTMLElement.prototype, name, {
    configurable: true,
    get(this: HTMLElement) {
      return this.classList.contains('grid-scroll') ? px : 0;
    },
  });
size('clientHeight', 320);
size('clientWidth', 1000);
// The virtualizer scrolls with element.scrollTo, which jsdom lacks.
Element.prototype.scrollTo = function scrollTo(this: Element, options?: ScrollToOptions | number) {
  if (typeof options === 'object' && options.top !== undefined) this.scrollTop = options.top;
  this.dispatchEvent(new Event('scroll'));
} as Element['scrollTo'];

afterEach(() => cleanup());

export async function renderApp(fake = new FakeWdt()) {
  const view = render(<App api={fake.api} />);
  await waitFor(() => expect(screen.getByTestId('env-banner').textContent).toContain(fake.lang === 'en' ? 'SANDBOX' : '沙箱'));
  return { fake, ...view };
}

/** The app on the submit screen: the fake's import taken through the sample button, reviewed, then 下一步. */
export async function atSubmit(fake: FakeWdt) {
  await renderApp(fake);
  fireEvent.click(screen.getByTestId('sample'));
  await screen.findByTestId('review-counts');
  fireEvent.click(screen.getByTestId('to-submit'));
  await screen.findByTestId('submit-counts');
}
