// The browser side of the test host: a script that defines window.wdt with the same named functions as
// the preload (built from the contract's tables), over HTTP (requests) and a WebSocket (push events).
// Test/dev only: the desktop app uses the preload; this never ships.
import { channels, events } from '../../../shared/contract';

export interface BridgeTarget {
  /** The host's origin, e.g. http://127.0.0.1:5180 */
  origin: string;
  /**
   * The host's random bearer token: given by tests (Playwright's addInitScript). The host's own
   * /bridge.js carries none — anyone on the machine can fetch it — and reads the token from the URL
   * fragment the person opened (`#token=…`, printed by `npm start`; never sent over HTTP), keeps it in
   * this tab's sessionStorage for reloads, and clears the fragment from the address bar and history.
   */
  token?: string;
}

/** The source of a script that installs window.wdt (for Playwright's addInitScript, or the host's /bridge.js). */
export function bridgeScript(target: BridgeTarget): string {
  const calls = Object.fromEntries(Object.entries(channels).map(([name, def]) => [name, def.channel]));
  const pushes = Object.fromEntries(Object.entries(events).map(([name, def]) => [name, def.channel]));
  const dropped = Object.entries(channels).filter(([, def]) => 'preload' in def && def.preload === 'dropped-file').map(([name]) => name);
  const config = JSON.stringify({ ...target, calls, pushes, dropped });
  return `(() => {
  const { origin, token: given, calls, pushes, dropped } = ${config};
  // Init scripts run in every document (about:blank too): only the host's own pages get the bridge.
  if (location.origin !== origin) return;
  const fromHash = /(?:^#|&)token=([^&]+)/.exec(location.hash);
  if (fromHash) {
    sessionStorage.setItem('wdt-bridge-token', decodeURIComponent(fromHash[1]));
    history.replaceState(history.state, '', location.pathname + location.search);
  }
  const token = given ?? sessionStorage.getItem('wdt-bridge-token') ?? '';
  if (!token) console.error('wdt-bulk browser mode: open the address npm start printed, with its #token=… part');
  const headers = { authorization: 'Bearer ' + token };
  const post = async (path, body, type) => {
    const res = await fetch(origin + path, { method: 'POST', headers: { ...headers, 'content-type': type }, body });
    return res.json();
  };
  const api = {};
  for (const [name, channel] of Object.entries(calls)) {
    api[name] = (request) => post('/api/' + encodeURIComponent(channel), request === undefined ? '' : JSON.stringify(request), 'application/json');
  }
  // A browser can't learn a dropped file's path: the bytes go to the host, which stores them and
  // hands the stored file to the same importDroppedFile handler the preload reaches.
  for (const name of dropped) {
    api[name] = async (file) => post('/files?name=' + encodeURIComponent(file.name), await file.arrayBuffer(), 'application/octet-stream');
  }
  const listeners = new Map();
  for (const [name, channel] of Object.entries(pushes)) {
    listeners.set(channel, new Set());
    api[name] = (listener) => {
      listeners.get(channel).add(listener);
      return () => void listeners.get(channel).delete(listener);
    };
  }
  const connect = () => {
    const ws = new WebSocket(origin.replace(/^http/, 'ws') + '/events?token=' + encodeURIComponent(token));
    ws.onmessage = (message) => {
      const { channel, payload } = JSON.parse(message.data);
      for (const listener of listeners.get(channel) ?? []) listener(payload);
    };
    ws.onclose = () => setTimeout(connect, 1000);
  };
  connect();
  Object.defineProperty(window, 'wdt', { value: Object.freeze(api), writable: false, configurable: false });
})();
`;
}
