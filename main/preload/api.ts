// window.wdt, built from the contract: a fixed object of named functions. The renderer never sees
// ipcRenderer, a channel name or a generic "send"; each function invokes exactly one channel.
import { channels, events, type ChannelName, type DroppedFile, type EventName, type EventPayload, type WdtApi } from '../../shared/contract';

/** The part of ipcRenderer the preload uses (a parameter, so tests can build the api without Electron). */
export interface PreloadIpc {
  invoke(channel: string, payload?: unknown): Promise<unknown>;
  on(channel: string, listener: (event: unknown, payload: unknown) => void): unknown;
  removeListener(channel: string, listener: (event: unknown, payload: unknown) => void): unknown;
}

/** webUtils.getPathForFile: the path of a File the person dropped ('' for files not on disk). */
export type PathForFile = (file: DroppedFile) => string;

export function createApi(ipc: PreloadIpc, pathForFile: PathForFile): WdtApi {
  // Results are plain data main made with the contract's types; the router never sends anything else.
  const call =
    <N extends ChannelName>(name: N) =>
    (request?: unknown) =>
      ipc.invoke(channels[name].channel, request) as never;
  const on =
    <N extends EventName>(name: N) =>
    (listener: (payload: EventPayload<N>) => void) => {
      // Wrapped so the renderer's listener never receives the IPC event object (it holds the sender).
      const wrapped = (_event: unknown, payload: unknown) => listener(payload as EventPayload<N>);
      ipc.on(events[name].channel, wrapped);
      return () => void ipc.removeListener(events[name].channel, wrapped);
    };

  return {
    importOpenDialog: call('importOpenDialog'),
    importDroppedFile: (file: DroppedFile) => ipc.invoke(channels.importDroppedFile.channel, { path: pathForFile(file) }) as never,
    importRead: call('importRead'),
    importMappings: call('importMappings'),
    importMappingRemove: call('importMappingRemove'),
    importRows: call('importRows'),
    importFindRow: call('importFindRow'),
    importProblems: call('importProblems'),
    importSample: call('importSample'),
    importToFix: call('importToFix'),
    importTakePending: call('importTakePending'),
    importEdit: call('importEdit'),
    importDiscard: call('importDiscard'),
    jobsPreview: call('jobsPreview'),
    jobsStart: call('jobsStart'),
    jobsResendDraft: call('jobsResendDraft'),
    jobsResend: call('jobsResend'),
    jobsPause: call('jobsPause'),
    jobsResume: call('jobsResume'),
    jobsStop: call('jobsStop'),
    jobsList: call('jobsList'),
    jobsGet: call('jobsGet'),
    jobsRows: call('jobsRows'),
    jobsAttempts: call('jobsAttempts'),
    jobsSaveResults: call('jobsSaveResults'),
    jobsOpenResults: call('jobsOpenResults'),
    jobsQuery: call('jobsQuery'),
    jobsSaveProblems: call('jobsSaveProblems'),
    profilesList: call('profilesList'),
    profilesSave: call('profilesSave'),
    profilesRemove: call('profilesRemove'),
    profilesSetDefault: call('profilesSetDefault'),
    profilesTest: call('profilesTest'),
    templatesSave: call('templatesSave'),
    appInfo: call('appInfo'),
    appSetLang: call('appSetLang'),
    appOpenExternal: call('appOpenExternal'),
    masterdataStatus: call('masterdataStatus'),
    masterdataRefresh: call('masterdataRefresh'),
    masterdataStop: call('masterdataStop'),
    masterdataNames: call('masterdataNames'),
    masterdataPreview: call('masterdataPreview'),
    masterdataPreviewStop: call('masterdataPreviewStop'),
    onDidImportFile: on('onDidImportFile'),
    onDidProgress: on('onDidProgress'),
    onDidChangeJobs: on('onDidChangeJobs'),
    onDidChangeOnline: on('onDidChangeOnline'),
    onDidMasterdataProgress: on('onDidMasterdataProgress'),
    onDidMasterdataPreviewProgress: on('onDidMasterdataPreviewProgress'),
    onDidReadProgress: on('onDidReadProgress'),
  } satisfies WdtApi;
}
