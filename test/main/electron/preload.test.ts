// The preload's window.wdt: exactly the contract's names, each function on its own channel, events
// unwrapped from the IPC event object, and dropped files turned into paths only by webUtils.
import { describe, expect, it } from 'vitest';
import { apiKeys, channels, events } from '../../../shared/contract';
import { createApi, type PreloadIpc } from '../../../main/preload/api';

/** A typed fake of Electron's ipcRenderer: records invokes and lets the test push events. */
function fakeIpc() {
  const invoked: { channel: string; payload: unknown }[] = [];
  const listeners = new Map<string, Set<(event: unknown, payload: unknown) => void>>();
  const ipc: PreloadIpc = {
    invoke: async (channel, payload) => {
      invoked.push({ channel, payload });
      return { ok: true, value: channel };
    },
    on: (channel, listener) => listeners.set(channel, (listeners.get(channel) ?? new Set()).add(listener)),
    removeListener: (channel, listener) => listeners.get(channel)?.delete(listener),
  };
  const push = (channel: string, payload: unknown) => listeners.get(channel)?.forEach((l) => l({ sender: 'secret' }, payload));
  return { ipc, invoked, listeners, push };
}

describe('the preload api', () => {
  const { ipc, invoked, listeners, push } = fakeIpc();
  const api = createApi(ipc, (file) => `/dropped/${file.name}`);

  it('exposes exactly the contract names, all functions', () => {
    expect(Object.keys(api)).toEqual(apiKeys);
    expect(Object.keys(api)).toMatchSnapshot();
    for (const value of Object.values(api)) expect(typeof value).toBe('function');
    expect(Object.keys(api)).not.toContain('ipcRenderer');
  });

  it('each request function invokes its own channel with the request as given', async () => {
    for (const [name, def] of Object.entries(channels)) {
      if (name === 'importDroppedFile') continue;
      invoked.length = 0;
      const fn = api[name as keyof typeof api] as (request?: unknown) => Promise<unknown>;
      await expect(fn({ probe: name })).resolves.toEqual({ ok: true, value: def.channel });
      expect(invoked).toEqual([{ channel: def.channel, payload: { probe: name } }]);
    }
  });

  it('a dropped file travels as the path webUtils gives, never as the File', async () => {
    invoked.length = 0;
    await api.importDroppedFile({ name: 'a.xlsx', size: 3 });
    expect(invoked).toEqual([{ channel: 'import:drop', payload: { path: '/dropped/a.xlsx' } }]);
  });

  it('events reach listeners without the IPC event object, and unsubscribe', () => {
    const seen: unknown[] = [];
    const off = api.onDidProgress((payload) => seen.push(payload));
    push(events.onDidProgress.channel, { jobId: 'j1' });
    expect(seen).toEqual([{ jobId: 'j1' }]);
    off();
    push(events.onDidProgress.channel, { jobId: 'j2' });
    expect(seen).toHaveLength(1);
    expect(listeners.get(events.onDidProgress.channel)?.size).toBe(0);
  });

  it('channels and events have unique wire names', () => {
    const wire = [...Object.values(channels), ...Object.values(events)].map((d) => d.channel);
    expect(new Set(wire).size).toBe(wire.length);
  });
});
