// The app's API: one implementation of the contract (shared/contract) over the services (main/services.ts)
// and the front end's own capabilities (DesktopPort), shared by the Electron router
// (main/electron/ipc-router.ts) and the browser test host (test/e2e/host). Requests arrive parsed (see
// main/app-api/dispatch.ts); expected failures leave as Result values. The CLI calls the same services.
import type { EventSink, ServerApi } from '../shared/contract';
import { t } from '../shared/i18n';
import { appError, err, ok, type Result } from '../shared/result';
import { externalHref } from './app-api/external-links';
import { createImportApi, ImportState } from './app-api/import-api';
import { createJobsApi } from './app-api/jobs-api';
import { createMasterdataApi } from './app-api/masterdata-api';
import type { DesktopPort } from './app-api/desktop-port';
import { createProfilesApi } from './app-api/profiles-api';
import type { Services } from './services';

export type { DesktopPort } from './app-api/desktop-port';
export { dispatch, channelByWire } from './app-api/dispatch';

export interface AppApi {
  /** The contract's handlers, keyed like window.wdt. */
  readonly api: ServerApi;
  /** A file the OS handed us (open-file, argv, a second launch): becomes a ticket pushed to the renderer. */
  openFromOs(path: string): Promise<Result<void>>;
  /** Stops forwarding service events. */
  dispose(): void;
}

export function createAppApi(services: Services, desktop: DesktopPort, emit: EventSink): AppApi {
  const lang = () => services.settings.lang();
  const imports = new ImportState();
  const unsubscribe = services.jobs.subscribe((change) => {
    if (change.type === 'progress') emit('onDidProgress', change.progress);
    else if (change.type === 'jobs-changed') emit('onDidChangeJobs', { jobId: change.jobId });
    else emit('onDidChangeOnline', { online: change.online });
  });

  const api: ServerApi = {
    ...createImportApi(services, desktop, imports, emit),
    ...createJobsApi(services, desktop, imports),
    ...createProfilesApi(services),
    ...createMasterdataApi(services, emit, imports),
    async appInfo() {
      return ok({
        name: t(lang(), 'common.appName'),
        version: services.version,
        lang: lang(),
        mode: desktop.mode,
        platform: process.platform,
        secrets: services.profiles.secretsKind,
        online: services.jobs.online(),
      });
    },
    appSetLang: ({ lang: next }) => services.settings.setLang(next),
    async appOpenExternal({ url }) {
      const href = externalHref(url);
      if (href === null) return err(appError('INVALID_ARGUMENT', t(lang(), 'ui.error.linkRefused', { url: url.slice(0, 200) })));
      await desktop.openExternal(href);
      return ok(undefined);
    },
  };

  return {
    api,
    async openFromOs(path) {
      const ticket = await imports.tokens.accept(path, lang());
      if (!ticket.ok) return ticket;
      imports.pending.push(ticket.value);
      emit('onDidImportFile', ticket.value);
      return ok(undefined);
    },
    dispose: () => unsubscribe(),
  };
}
