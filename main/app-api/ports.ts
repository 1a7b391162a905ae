// The narrow interface through which the app's API reaches the services. main/services.ts (the
// composition root) provides the real ones; the Electron router and the test host share one AppApi
// over them. A port that is null has not been wired yet: its channels answer INTERNAL "not available yet".
import type { Lang } from '../../shared/i18n';
import type { JobAttemptView, JobProgress, JobRowView, JobView } from '../../shared/contract';
import type { OperationId, OperationDef } from '../../shared/operations/types';
import type { RowState } from '../../shared/states';
import type { Result } from '../../shared/result';
import type { Logger } from '../effects';
import type { CredentialCheck } from '../profiles/check-credentials';
import type { ListedProfile, ProfileInput, SaveOptions } from '../profiles/profile-store';
import type { Profile } from '../profiles/types';
import type { ReadOptions, SheetImport } from '../sheets/read/types';

/** What only the front end can do: OS dialogs and handing files and links to the OS. */
export interface DesktopPort {
  readonly mode: 'desktop' | 'browser';
  /** Main's open dialog; the chosen path, or null when cancelled. */
  chooseSpreadsheet(lang: Lang): Promise<string | null>;
  /** Main's save dialog, suggesting a name; the chosen path, or null when cancelled. */
  chooseSaveTarget(suggestedName: string, title: string): Promise<string | null>;
  /** Opens a file in the OS's default app. */
  openPath(path: string): Promise<Result<void>>;
  /** Shows a file selected in the OS's file manager. */
  showInFolder(path: string): Promise<Result<void>>;
  /** Opens an (already allowlisted) https: link in the OS browser. */
  openExternal(url: string): Promise<void>;
}

export interface SheetsPort {
  read(path: string, options: ReadOptions & { lang: Lang }): Promise<Result<SheetImport>>;
  writeTemplate(op: OperationDef, lang: Lang, outPath: string): Promise<Result<string>>;
}

export interface ProfilesPort {
  list(): Promise<Result<ListedProfile[]>>;
  get(name: string): Promise<Result<Profile>>;
  /** appSecret null keeps the stored one only while base URL, sid and appkey are unchanged (ProfileStore.add). */
  add(input: ProfileInput, appSecret: string | null, options?: SaveOptions): Promise<Result<{ profile: Profile; replaced: boolean }>>;
  remove(name: string): Promise<Result<void>>;
  setDefault(name: string): Promise<Result<void>>;
  /** A harmless signed call with the profile's credentials. */
  check(name: string): Promise<Result<CredentialCheck>>;
  readonly secretsKind: 'keychain' | 'session';
}

export type JobsChange = { type: 'progress'; progress: JobProgress } | { type: 'jobs-changed'; jobId: string | null } | { type: 'online'; online: boolean };

/** The job engine as the app's API needs it (the integrator adapts JobEngine to this). */
export interface JobsPort {
  start(input: { sheet: SheetImport; profile: string; isCheck: boolean; withdrawnRows: readonly number[]; lang: Lang }): Promise<Result<{ jobId: string }>>;
  pause(jobId: string): Promise<Result<void>>;
  resume(jobId: string): Promise<Result<void>>;
  stop(jobId: string): Promise<Result<void>>;
  list(): Promise<Result<JobView[]>>;
  get(jobId: string): Promise<Result<JobView>>;
  rows(jobId: string, offset: number, limit: number, states?: readonly RowState[]): Promise<Result<{ total: number; items: JobRowView[] }>>;
  /** Attempts, newest first. */
  attempts(jobId: string, offset: number, limit: number): Promise<Result<{ total: number; items: JobAttemptView[] }>>;
  writeResults(jobId: string, lang: Lang, outPath: string): Promise<Result<string>>;
  online(): boolean;
  subscribe(listener: (change: JobsChange) => void): () => void;
}

export interface SettingsPort {
  lang(): Lang;
  setLang(lang: Lang): Promise<Result<void>>;
}

export interface AppServices {
  version: string;
  logger: Logger;
  settings: SettingsPort;
  desktop: DesktopPort;
  sheets: SheetsPort | null;
  profiles: ProfilesPort | null;
  jobs: JobsPort | null;
}

export type { OperationId };
