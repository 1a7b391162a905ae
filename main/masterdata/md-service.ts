// The master-data service: refresh a profile's local copy, tell each list's age, check a create sheet
// against the copy (offline), and preview a cancel/pending list against the ERP. The secret is read at
// send time by the client and never reaches the store, a log or a result (rule 3: effects come in).
import type { Dispatcher } from 'undici';
import type { Lang, LocalizedText } from '../../shared/i18n';
import { checkCreateSheet, checksMasterdata, withWarnings, type MasterdataCheck, type SheetToCheck } from '../../shared/masterdata/check-create';
import { listIds, type ListId } from '../../shared/masterdata/lists';
import type { SheetImport } from '../sheets/read/types';
import { getOperation } from '../../shared/operations/catalog';
import type { OperationId } from '../../shared/operations/types';
import { ok, type Result } from '../../shared/result';
import type { Clock, Logger } from '../effects';
import type { JobDatabase } from '../jobs/database';
import { profileClient } from '../profiles/profile-client';
import { RateLimiter } from '../jobs/rate-limiter';
import type { ProfileStore } from '../profiles/profile-store';
import { resolveProfile, type ResolvedProfile } from '../profiles/resolve-profile';
import { readMasterdataSettings, startOfChinaDay, type MasterdataSettings } from './md-settings';
import { MasterdataStore, shownTime, type ListStatus } from './md-store';
import { previewList, type PreviewReport } from './preview';
import type { QueryDeps } from './query-call';
import { newOwner, RefreshLease } from './md-lease';
import { refreshMasterdata, type RefreshProgress, type RefreshReport } from './refresh';
import { briefsOf } from '../../shared/row-list';

/** What checking a sheet against the ERP found (checkSheet). */
export type ErpCheck =
  | { kind: 'create'; check: MasterdataCheck; /** Lists the copy does not have: nothing was checked against them. */ missingLists: ListId[] }
  | { kind: 'preview'; preview: PreviewReport; /** The sheet rows of each document number. */ rowsOf: ReadonlyMap<string, readonly number[]> };

export interface MasterdataDeps {
  /** The job store's database, opened on first use (a command that never touches master data never opens it). */
  db: () => JobDatabase;
  profiles: ProfileStore;
  env: NodeJS.ProcessEnv;
  clock: Clock;
  logger: Logger;
  lang: () => Lang;
  /** The settings file (its `masterdata` key). */
  settingsFile: string;
  dispatcher?: Dispatcher;
  /** Tests compress the pacer's minute and backoff. */
  pacing?: { windowMs?: number; backoff?: { baseMs: number; capMs: number } };
}

/** Whose copy it is: another account under the same profile name gets a fresh copy. */
export const accountOf = (r: ResolvedProfile): string => `${r.profile.sid}@${r.profile.builtin ? 'sandbox' : r.profile.baseUrl}`;

export class MasterdataService {
  private opened: MasterdataStore | undefined;

  constructor(private readonly deps: MasterdataDeps) {}

  /** The local copy in the job store's file. */
  get store(): MasterdataStore {
    return (this.opened ??= new MasterdataStore(this.deps.db()));
  }

  settings(): Promise<Result<MasterdataSettings>> {
    return readMasterdataSettings(this.deps.settingsFile, this.deps.lang());
  }

  async refresh(
    profileName: string | undefined,
    o: { lists?: readonly ListId[]; onProgress?(p: RefreshProgress): void; signal?: AbortSignal } = {},
  ): Promise<Result<RefreshReport & { profile: string }>> {
    const settings = await this.settings();
    if (!settings.ok) return settings;
    const connected = await this.connect(profileName);
    if (!connected.ok) return connected;
    const { resolved, query, close } = connected.value;
    // One refresh of a profile at a time, in any process: a second one says who refreshes and stops
    // before it reads or moves a cursor (the two would otherwise interleave pages of one list).
    const lease = new RefreshLease(this.deps.db(), this.deps.clock).take(resolved.profile.name, newOwner());
    if (!lease.ok) {
      await close();
      this.deps.logger.info('masterdata refresh busy', { profile: resolved.profile.name, pid: lease.holder.pid });
      const lists = (o.lists ?? listIds).map((list) => ({ list, outcome: 'not-run' as const, calls: 0, records: 0 }));
      const notice: LocalizedText = { key: 'masterdata.refresh.busy', params: { pid: lease.holder.pid, since: shownTime(lease.holder.takenAt) } };
      return ok({ profile: resolved.profile.name, lists, complete: false, notice });
    }
    try {
      const lang = this.deps.lang();
      this.deps.logger.info('masterdata refresh', { profile: resolved.profile.name, lists: (o.lists ?? []).join(',') || 'all' });
      const report = await refreshMasterdata(
        { store: this.store, query, clock: this.deps.clock, lang },
        {
          profile: resolved.profile.name,
          account: accountOf(resolved),
          startMs: startOfChinaDay(settings.value.startDate),
          pageSize: settings.value.pageSize,
          ...(o.lists ? { lists: o.lists } : {}),
          ...(o.onProgress ? { onProgress: o.onProgress } : {}),
          ...(o.signal ? { signal: o.signal } : {}),
        },
      );
      if (!report.ok) this.deps.logger.warn('masterdata refresh refused', { profile: resolved.profile.name, code: report.error.code });
      return report.ok ? ok({ ...report.value, profile: resolved.profile.name }) : report;
    } finally {
      lease.release();
      await close();
    }
  }

  /** Each list's state and age; offline. */
  async status(profileName: string | undefined): Promise<Result<{ profile: string; lists: ListStatus[] }>> {
    const resolved = await resolveProfile(this.deps.profiles, profileName, this.deps.env);
    if (!resolved.ok) return resolved;
    this.store.openProfile(resolved.value.profile.name, accountOf(resolved.value));
    return ok({ profile: resolved.value.profile.name, lists: this.store.status(resolved.value.profile.name) });
  }

  /** A create sheet against the profile's copy, offline: warnings and names. */
  async checkCreate(profileName: string | undefined, sheet: SheetToCheck): Promise<Result<MasterdataCheck>> {
    const resolved = await resolveProfile(this.deps.profiles, profileName, this.deps.env);
    if (!resolved.ok) return resolved;
    this.store.openProfile(resolved.value.profile.name, accountOf(resolved.value));
    return ok(checkCreateSheet(sheet, this.store.lookup(resolved.value.profile.name)));
  }

  /**
   * A read sheet against the ERP before sending: a create sheet against the local copy (offline), a
   * cancel/pending list by querying the ERP when `query` is set; null when there is nothing to check.
   */
  async checkSheet(
    profileName: string | undefined,
    sheet: SheetImport,
    o: { query: boolean; signal?: AbortSignal; onProgress?(p: { done: number; total: number }): void },
  ): Promise<Result<ErpCheck | null>> {
    const op = getOperation(sheet.operation);
    if (op && checksMasterdata(op)) {
      const check = await this.checkCreate(profileName, sheet);
      if (!check.ok) return check;
      const status = await this.status(profileName);
      if (!status.ok) return status;
      return ok({ kind: 'create', check: check.value, missingLists: status.value.lists.filter((l) => l.refreshedAt === null).map((l) => l.list) });
    }
    if (!o.query) return ok(null);
    const orders = briefsOf(sheet.orders);
    const preview = await this.preview(profileName, sheet.operation, orders.map((order) => order.key), o);
    return preview.ok ? ok({ kind: 'preview', preview: preview.value, rowsOf: new Map(orders.map((order) => [order.key, order.rows])) }) : preview;
  }

  async preview(
    profileName: string | undefined,
    operation: OperationId,
    keys: readonly string[],
    o: { signal?: AbortSignal; onProgress?(p: { done: number; total: number }): void } = {},
  ): Promise<Result<PreviewReport>> {
    const settings = await this.settings();
    if (!settings.ok) return settings;
    const connected = await this.connect(profileName);
    if (!connected.ok) return connected;
    try {
      const report = await previewList(connected.value.query, this.deps.clock, this.deps.lang(), {
        operation,
        keys,
        cap: settings.value.previewCap,
        days: settings.value.previewDays,
        pageSize: settings.value.pageSize,
        ...o,
      });
      return report.ok ? ok({ ...report.value, profile: connected.value.resolved.profile.name }) : report;
    } finally {
      await connected.value.close();
    }
  }

  /** A client and a pacer for the profile, within its limits; the secret is read at every send. */
  private async connect(profileName: string | undefined): Promise<Result<{ resolved: ResolvedProfile; query: QueryDeps; close(): Promise<void> }>> {
    const resolved = await resolveProfile(this.deps.profiles, profileName, this.deps.env);
    if (!resolved.ok) return resolved;
    const { profile, secret } = resolved.value;
    const client = profileClient(this.deps, profile, secret);
    const pacer = new RateLimiter({
      concurrency: profile.limits.concurrency,
      callsPerMinute: profile.limits.callsPerMinute,
      clock: this.deps.clock,
      ...(this.deps.pacing?.windowMs ? { windowMs: this.deps.pacing.windowMs } : {}),
      ...(this.deps.pacing?.backoff ? { backoff: this.deps.pacing.backoff } : {}),
    });
    return ok({
      resolved: resolved.value,
      query: { client, pacer, timeoutMs: profile.limits.timeoutSeconds * 1000 },
      close: async () => {
        pacer.close();
        await client.close();
      },
    });
  }
}

/**
 * A read create sheet with the local copy's warnings on its rows (the default profile's copy, offline),
 * so review shows them cell by cell; any other sheet, or a copy that cannot be read, as it was.
 */
export async function withMasterdataWarnings(services: { masterdata: MasterdataService }, sheet: SheetImport): Promise<SheetImport> {
  const checked = await services.masterdata.checkSheet(undefined, sheet, { query: false });
  if (!checked.ok || checked.value?.kind !== 'create') return sheet;
  return { ...sheet, rows: withWarnings(sheet.rows, checked.value.check.problems) };
}
