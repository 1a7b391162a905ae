// The IPC router over the real AppApi and the real local services (temp data folder, session secrets):
// foreign senders, wrong shapes and oversize payloads are refused with typed errors, never a throw.
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { channels, maxPayloadBytes, type ChannelName } from '../../../shared/contract';
import { errorCodes, ok, type Result } from '../../../shared/result';
import { createAppApi, type AppApi } from '../../../main/app-api';
import type { DesktopPort } from '../../../main/app-api/desktop-port';
import type { Services } from '../../../main/services';
import { testServices } from '../test-services';
import type { Logger } from '../../../main/effects';
import { createChannelHandler, registerIpcRouter, type FrameLike, type RouterOptions } from '../../../main/electron/ipc-router';

const names = Object.keys(channels) as ChannelName[];
const logged: string[] = [];
const logger: Logger = { info() {}, warn: (m) => logged.push(`warn ${m}`), error: (m, f) => logged.push(`error ${m} ${JSON.stringify(f)}`) };
/** Electron's dialogs stand in as an effect port; 'throw' simulates a dialog that fails inside Electron. */
let dialogBehaviour: 'cancel' | 'throw' = 'cancel';
/** What reached the OS browser. */
const opened: string[] = [];
const desktop: DesktopPort = {
  mode: 'desktop',
  chooseSpreadsheet: async () => {
    if (dialogBehaviour === 'throw') throw new Error('dialog exploded');
    return null;
  },
  chooseSaveTarget: async () => null,
  openPath: async () => ok(undefined),
  showInFolder: async () => ok(undefined),
  openExternal: async (url) => {
    opened.push(url);
  },
};

const mainFrame: FrameLike = { url: 'app://wdt-bulk/index.html' };
/** A typed fake of Electron's IpcMainInvokeEvent: only senderFrame is read. */
const eventFrom = (frame: FrameLike | null) => ({ senderFrame: frame }) as unknown as Parameters<ReturnType<typeof createChannelHandler>>[0];

let home: string;
let services: Services;
let app: AppApi;
let options: RouterOptions;

beforeAll(async () => {
  home = await mkdtemp(path.join(os.tmpdir(), 'wdt-router-'));
  services = await testServices(home, { logger });
  app = createAppApi(services, desktop, () => {});
  options = { api: app.api, lang: () => 'en', logger, mainFrame: () => mainFrame };
});
afterAll(async () => {
  app.dispose();
  await services.close();
  await rm(home, { recursive: true, force: true });
});

const call = (name: ChannelName, payload: unknown, frame: FrameLike | null = mainFrame) => createChannelHandler(name, options)(eventFrom(frame), payload);
const isResult = (r: Result<unknown>) => typeof r.ok === 'boolean' && (r.ok || errorCodes.includes(r.error.code));

describe('sender check', () => {
  it('answers our main frame', async () => {
    const info = await call('appInfo', undefined);
    expect(info).toMatchObject({ ok: true, value: { mode: 'desktop', version: '0.0.0-test', lang: 'en' } });
  });

  it('refuses any other frame, whatever its URL, with IPC_FORBIDDEN', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...names), fc.oneof(fc.webUrl(), fc.constant('app://wdt-bulk/index.html'), fc.string()), async (name, url) => {
        const answer = await call(name, undefined, { url });
        expect(answer).toMatchObject({ ok: false, error: { code: 'IPC_FORBIDDEN' } });
      }),
      { numRuns: 100 },
    );
  });

  it('refuses our main frame when it shows a foreign page, a missing frame and a destroyed frame', async () => {
    const foreign = { url: 'https://evil.example/' };
    const foreignOptions = { ...options, mainFrame: () => foreign };
    expect(await createChannelHandler('appInfo', foreignOptions)(eventFrom(foreign), undefined)).toMatchObject({ ok: false, error: { code: 'IPC_FORBIDDEN' } });
    expect(await call('appInfo', undefined, null)).toMatchObject({ ok: false, error: { code: 'IPC_FORBIDDEN' } });
    const destroyed = {
      get url(): string {
        throw new Error('Render frame was disposed');
      },
    };
    const destroyedOptions = { ...options, mainFrame: () => destroyed };
    expect(await createChannelHandler('appInfo', destroyedOptions)(eventFrom(destroyed), undefined)).toMatchObject({ ok: false, error: { code: 'IPC_FORBIDDEN' } });
  });

  it('trusts the dev server origin only when given', async () => {
    const dev = { url: 'http://localhost:5173/' };
    const devOptions = { ...options, mainFrame: () => dev };
    expect(await createChannelHandler('appInfo', devOptions)(eventFrom(dev), undefined)).toMatchObject({ ok: false });
    expect(await createChannelHandler('appInfo', { ...devOptions, devOrigin: 'http://localhost:5173' })(eventFrom(dev), undefined)).toMatchObject({ ok: true });
  });
});

describe('payloads', () => {
  it('any payload on any channel gives a Result; one that fails the schema gives INVALID_ARGUMENT', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...names.filter((n) => n !== 'importOpenDialog')), fc.anything({ withBigInt: true, withDate: true, withMap: true, withTypedArray: true }), async (name, payload) => {
        const answer = await call(name, payload);
        expect(isResult(answer)).toBe(true);
        if (!channels[name].request.safeParse(payload).success) expect(answer).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
      }),
      { numRuns: 300 },
    );
  });

  it('refuses oversize and cyclic payloads before parsing', async () => {
    const big = { importId: 'a'.repeat(22), offset: 0, limit: 1, filter: 'x'.repeat(maxPayloadBytes) };
    expect(await call('importRows', big)).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT', details: { limit: maxPayloadBytes } } });
    const many = { importId: 'a'.repeat(22), profile: 'sandbox', withdrawnRows: Array.from({ length: 2_000_000 }, (_, i) => i + 1) };
    expect(await call('jobsPreview', many)).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT', details: { limit: maxPayloadBytes } } });
    const cyclic: Record<string, unknown> = { name: 'x' };
    cyclic.self = cyclic;
    expect(await call('profilesTest', cyclic)).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
  });

  it('turns a throw into a logged INTERNAL Result', async () => {
    dialogBehaviour = 'throw';
    try {
      const answer = await call('importOpenDialog', undefined);
      expect(answer).toEqual({ ok: false, error: { code: 'INTERNAL', message: expect.any(String) } });
      expect(answer.ok ? '' : answer.error.message).not.toContain('exploded');
      expect(logged.some((line) => line.includes('dialog exploded'))).toBe(true);
    } finally {
      dialogBehaviour = 'cancel';
    }
  });

  it('reaches the job engine: an empty store lists no jobs, an unknown job is JOB_NOT_FOUND', async () => {
    expect(await call('jobsList', undefined)).toEqual({ ok: true, value: [] });
    expect(await call('jobsGet', { jobId: 'no-such-job' })).toMatchObject({ ok: false, error: { code: 'JOB_NOT_FOUND' } });
  });
});

describe('files become tickets', () => {
  it('accepts a dropped spreadsheet, refuses folders, other types and unknown tokens', async () => {
    const sheet = path.join(home, 'list.csv');
    await writeFile(sheet, '采购退货单号\nCR1\nCR2\n');
    const ticket = await call('importDroppedFile', { path: sheet });
    expect(ticket).toMatchObject({ ok: true, value: { name: 'list.csv' } });
    await mkdir(path.join(home, 'folder.xlsx'));
    expect(await call('importDroppedFile', { path: path.join(home, 'folder.xlsx') })).toMatchObject({ ok: false, error: { code: 'FILE_UNREADABLE' } });
    expect(await call('importDroppedFile', { path: '/etc/passwd' })).toMatchObject({ ok: false, error: { code: 'FILE_UNREADABLE' } });
    expect(await call('importDroppedFile', { path: 'relative.csv' })).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
    expect(await call('importRead', { token: 'A'.repeat(32) })).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
    if (!ticket.ok) throw new Error('no ticket');
    const token = (ticket.value as { token: string }).token;
    // The headers fit cancel and pending alike: the person picks, and the typed error says so.
    expect(await call('importRead', { token })).toMatchObject({ ok: false, error: { code: 'OPERATION_UNKNOWN' } });
    const read = await call('importRead', { token, operation: 'return-cancel' });
    expect(read).toMatchObject({ ok: true, value: { operation: 'return-cancel', counts: { rows: 2, valid: 2 } } });
    const importId = (read as { value: { importId: string } }).value.importId;
    expect(await call('importRows', { importId, offset: 1, limit: 5 })).toMatchObject({ ok: true, value: { total: 2, offset: 1, items: [{ rowNumber: 3 }] } });
    expect(await call('jobsPreview', { importId, profile: 'sandbox', withdrawnRows: [2] })).toMatchObject({
      ok: true,
      value: { orders: 1, rows: 1, withdrawn: 1, needsConfirmation: false, profile: { environment: 'sandbox' } },
    });
  });

  it('files from the OS are pushed as an event and taken once', async () => {
    const pushed: unknown[] = [];
    const withEvents = createAppApi(services, desktop, (name, payload) => pushed.push({ name, payload }));
    const sheet = path.join(home, 'from-os.xlsx');
    await writeFile(sheet, 'not really a workbook');
    expect(await withEvents.openFromOs(sheet)).toEqual({ ok: true, value: undefined });
    expect(pushed).toMatchObject([{ name: 'onDidImportFile', payload: { name: 'from-os.xlsx' } }]);
    expect(await withEvents.api.importTakePending(undefined)).toMatchObject({ ok: true, value: [{ name: 'from-os.xlsx' }] });
    expect(await withEvents.api.importTakePending(undefined)).toEqual({ ok: true, value: [] });
    withEvents.dispose();
  });
});

describe('external links', () => {
  it('the OS gets the parsed href of an allowed link, and nothing for a refused one', async () => {
    opened.length = 0;
    expect(await call('appOpenExternal', { url: 'https://open.wangdian.cn\\@evil.example/' })).toEqual({ ok: true, value: undefined });
    expect(await call('appOpenExternal', { url: 'https://evil.example/' })).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
    expect(opened).toEqual(['https://open.wangdian.cn/@evil.example/']);
  });
});

describe('registration', () => {
  it('registers exactly one handler per contract channel and removes them all', () => {
    const handled = new Map<string, unknown>();
    const ipcMain = {
      handle: (channel: string, listener: unknown) => {
        if (handled.has(channel)) throw new Error(`second handler for ${channel}`);
        handled.set(channel, listener);
      },
      removeHandler: (channel: string) => void handled.delete(channel),
    };
    const remove = registerIpcRouter(ipcMain as unknown as Parameters<typeof registerIpcRouter>[0], options);
    expect([...handled.keys()].sort()).toEqual(names.map((n) => channels[n].channel).sort());
    remove();
    expect(handled.size).toBe(0);
  });
});
