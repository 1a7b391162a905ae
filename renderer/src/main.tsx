// The renderer's entry: window.wdt (the preload's named functions, typed by shared/contract) and the app.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import type { WdtApi } from '../../shared/contract';
import { App } from './app';
import './app.css';
import './screens.css';
import './masterdata.css';

declare global {
  interface Window {
    /** Exposed by the preload (desktop) or the test host's bridge (browser): the only way to main. */
    readonly wdt: WdtApi;
  }
}

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
createRoot(root).render(
  <StrictMode>
    <App api={window.wdt} />
  </StrictMode>,
);
