// A small in-memory window.wdt for the renderer's tests, typed by WdtApi: when the contract changes,
// this file stops compiling. Tests steer it: fail a channel, hold one (to see the loading state),
// push events, and read which calls were made.
import type {
  AppInfo, EventName, EventPayload, FileTicket, ImportRowView, ImportSummary, JobAttemptView, JobRowView, JobView, MasterdataStatusView, MasterdataNamesView, MasterdataPreviewView, ProfileView, SavedMappingView, SubmitPreview, WdtApi,
} from '../../shared/contract';
import type { Lang } from '../../shared/i18n';
import type { CellProblem } from '../../shared/operations/types';
import { appError, err, ok, type AppError, type Result } from '../../shared/result';
import { emptyCounts } from '../../shared/states';

type Name = Exclude<keyof WdtApi, EventName>;

export interface FakeImport {
  summary: ImportSummary;
  /** Row number → row; built lazily so a 100,000-row import costs nothing until paged. */
  row(index: number): ImportRowView;
}

/** An import of `rows` cancel rows; every `problemEvery`-th row is invalid (0 = none). */
export function fakeImport(rows: number, problemEvery = 0, operation: ImportSummary['operation'] = 'return-cancel'): FakeImport {
  const invalid = problemEvery > 0 ? Math.floor(rows / problemEvery) : 0;
  const problem = (n: number): CellProblem => ({ row: n, column: '采购退货单号', field: 'returnNos', text: { key: 'ui.sample.tooLong' } });
  const row = (index: number): ImportRowView => {
    const rowNumber = index + 2;
    const bad = problemEvery > 0 && (index + 1) % problemEvery === 0;
    const key = `CR${String(index + 1).padStart(12, '0')}`;
    return { rowNumber, cells: [key], problems: bad ? [problem(rowNumber)] : [], disposition: bad ? { kind: 'invalid' } : { kind: 'valid', orderKey: key }, orderKey: key };
  };
  return {
    row,
    summary: {
      importId: 'imp_aaaaaaaaaaaaaaaaaaaaaaaa',
      file: { name: 'returns.xlsx', bytes: 1234, sha256: 'f'.repeat(64), format: 'xlsx' },
      sheets: [{ name: 'Sheet1', visible: true, operation }],
      sheet: 'Sheet1',
      headerRow: 1,
      operation,
      operationReason: { key: 'sheets.operation.inferred', params: { headers: '采购退货单号' } },
      columns: [{ index: 0, header: '采购退货单号', field: 'returnNos' }],
      ignoredColumns: [],
      fingerprint: 'h1-0000000000000001',
      mapping: null,
      unmapped: { columns: [], fields: [] },
      counts: { rows, orders: rows - invalid, valid: rows - invalid, invalid, duplicate: 0, problems: invalid, warnings: 0, notices: 0 },
      notices: [],
      editedCells: 0,
    },
  };
}

export const sandboxProfile: ProfileView = {
  name: 'sandbox', environment: 'test', builtin: true, baseUrl: null, sid: 'wdtbulk-demo', appkey: 'demo', isDefault: true, secret: 'builtin',
  limits: { concurrency: 4, callsPerMinute: 0, otherInCancelPerCall: 50, timeoutSeconds: 30 },
};
export const productionProfile: ProfileView = {
  ...sandboxProfile, name: 'acme-prod', environment: 'production', builtin: false, baseUrl: 'https://api.example.cn/openapi', sid: 'acme', appkey: 'acme_key', isDefault: false, secret: 'keychain',
};

export function fakeJob(patch: Partial<JobView> = {}): JobView {
  return {
    id: 'job-1', operation: 'return-cancel', method: 'purchase.PurchaseReturn.batchCancelOrder', profileName: 'sandbox', environment: 'sandbox', sid: 'wdtbulk-demo',
    sourceName: 'returns.xlsx', sheet: 'Sheet1', operator: 'clerk', isCheck: false, createdAt: '2027-01-01T08:00:00.000Z', startedAt: '2027-01-01T08:00:00.000Z',
    finishedAt: null, state: 'running', counts: { ...emptyCounts(), pending: 10 }, attempts: 0, followsJob: null, followUps: [], ...patch,
  };
}

export class FakeWdt {
  lang: Lang = 'zh-CN';
  profiles: ProfileView[] = [sandboxProfile];
  imports = new Map<string, FakeImport>();
  jobs: JobView[] = [];
  jobRows: JobRowView[] = [];
  jobAttempts: JobAttemptView[] = [];
  /** What the store "already knows" of the sheet, as jobsPreview reports it. */
  earlier: SubmitPreview['earlier'] = { sameFile: [], done: [], doneRows: 0, alwaysSkip: false, lines: [] };
  pending: FileTicket[] = [];
  /** The rows to resend jobsResendDraft answers with (an editable read, like an import); null: none. */
  resendDraft: FakeImport | null = null;
  /** Summaries the next reads answer with, in turn (then the first import's). */
  nextReads: ImportSummary[] = [];
  savedMappings: SavedMappingView[] = [];
  masterdata: MasterdataStatusView = { profile: 'sandbox', refreshing: false, lists: [] };
  /** The ERP's names of the read's codes (masterdataNames). */
  names: MasterdataNamesView = { warehouse_no: {}, provider_no: {}, spec_no: {} };
  /** What masterdataPreview answers (null: an error). */
  preview: MasterdataPreviewView | null = null;
  readonly calls: { name: Name; request: unknown }[] = [];
  readonly #failing = new Map<Name, AppError>();
  readonly #held = new Map<Name, (() => void)[]>();
  readonly #holding = new Set<Name>();
  readonly #onCall = new Map<Name, () => void>();
  readonly #listeners = new Map<EventName, Set<(payload: never) => void>>();

  /** The next calls of `name` answer with this error. */
  fail(name: Name, code: AppError['code'], message = `${name} failed`): void {
    this.#failing.set(name, appError(code, message));
  }
  /** Calls of `name` answer normally again. */
  succeed(name: Name): void {
    this.#failing.delete(name);
  }
  /** Calls of `name` wait until release(name). */
  hold(name: Name): void {
    this.#holding.add(name);
  }
  release(name: Name): void {
    this.#holding.delete(name);
    for (const go of this.#held.get(name)?.splice(0) ?? []) go();
  }
  /** Runs `then` the moment a call of `name` arrives, before it answers (as main may send events then). */
  whenCalled(name: Name, then: () => void): void {
    this.#onCall.set(name, then);
  }
  emit<N extends EventName>(name: N, payload: EventPayload<N>): void {
    for (const listener of this.#listeners.get(name) ?? []) (listener as (p: EventPayload<N>) => void)(payload);
  }
  callsOf(name: Name): unknown[] {
    return this.calls.filter((c) => c.name === name).map((c) => c.request);
  }

  async #answer<T>(name: Name, request: unknown, value: () => Result<T>): Promise<Result<T>> {
    this.calls.push({ name, request });
    this.#onCall.get(name)?.();
    if (this.#holding.has(name)) await new Promise<void>((resolve) => this.#held.set(name, [...(this.#held.get(name) ?? []), resolve]));
    const failure = this.#failing.get(name);
    return failure ? err(failure) : value();
  }
  #on<N extends EventName>(name: N) {
    return (listener: (payload: EventPayload<N>) => void) => {
      const set = this.#listeners.get(name) ?? new Set();
      this.#listeners.set(name, set);
      set.add(listener as (payload: never) => void);
      return () => void set.delete(listener as (payload: never) => void);
    };
  }
  #import(id: string): Result<FakeImport> {
    const found = this.imports.get(id);
    return found ? ok(found) : err(appError('INVALID_ARGUMENT', 'import closed'));
  }
  #job(id: string): Result<JobView> {
    const found = this.jobs.find((j) => j.id === id);
    return found ? ok(found) : err(appError('JOB_NOT_FOUND', `no job ${id}`));
  }
  addImport(fake: FakeImport): FileTicket {
    this.imports.set(fake.summary.importId, fake);
    return { token: 'tok_aaaaaaaaaaaaaaaaaaaaaaaa', name: fake.summary.file.name, bytes: fake.summary.file.bytes };
  }

  readonly api: WdtApi = {
    importOpenDialog: (r) => this.#answer('importOpenDialog', r, () => ok(this.pending.shift() ?? null)),
    importDroppedFile: (file) => this.#answer('importDroppedFile', file.name, () => ok({ token: 'tok_dropped_aaaaaaaaaaaaaaa', name: file.name, bytes: file.size })),
    importRead: (r) => this.#answer('importRead', r, () => {
      const next = this.nextReads.shift();
      if (next) return ok(next);
      const first = [...this.imports.values()][0];
      return first ? ok(first.summary) : err(appError('FILE_UNREADABLE', 'nothing to read'));
    }),
    importRows: (r) => this.#answer('importRows', r, () => {
      const got = this.#import(r.importId);
      if (!got.ok) return got;
      const all = Array.from({ length: Math.max(0, Math.min(r.limit, got.value.summary.counts.rows - r.offset)) }, (_, i) => got.value.row(r.offset + i));
      const filter = r.filter ?? 'all';
      if (filter === 'all') return ok({ total: got.value.summary.counts.rows, offset: r.offset, items: all });
      const every = Array.from({ length: got.value.summary.counts.rows }, (_, i) => got.value.row(i)).filter((row) => row.disposition.kind === filter);
      return ok({ total: every.length, offset: r.offset, items: every.slice(r.offset, r.offset + r.limit) });
    }),
    importFindRow: (r) => this.#answer('importFindRow', r, () => ok(r.rowNumber - 2)),
    importProblems: (r) => this.#answer('importProblems', r, () => {
      const got = this.#import(r.importId);
      if (!got.ok) return got;
      const problems: CellProblem[] = [];
      for (let i = 0; i < got.value.summary.counts.rows && problems.length < r.offset + r.limit; i += 1) problems.push(...got.value.row(i).problems);
      return ok({ total: got.value.summary.counts.problems + got.value.summary.counts.warnings, offset: r.offset, items: problems.slice(r.offset, r.offset + r.limit) });
    }),
    importSample: (r) => this.#answer('importSample', r, () => ok({ token: 'tok_sample_aaaaaaaaaaaaaaa', name: '示例.xlsx', bytes: 100, operation: 'return-cancel' as const })),
    importToFix: (r) => this.#answer('importToFix', r, () => ok({ ticket: { token: 'tok_fix_aaaaaaaaaaaaaaaaaa', name: 'to-fix.xlsx', bytes: 100, sheet: '失败' }, path: '/home/clerk/to-fix.xlsx', opened: true })),
    importTakePending: (r) => this.#answer('importTakePending', r, () => ok(this.pending.splice(0))),
    importEdit: (r) => this.#answer('importEdit', r, () => {
      const got = this.#import(r.importId);
      if (!got.ok) return got;
      // The fake keeps no cells: it says one cell more is edited, or one fewer when the value is the row's own text.
      const own = got.value.row(r.rowNumber - 2).cells[r.column] ?? '';
      const editedCells = Math.max(0, got.value.summary.editedCells + (r.value === own ? -1 : 1));
      got.value.summary = { ...got.value.summary, editedCells };
      return ok(got.value.summary);
    }),
    importDiscard: (r) => this.#answer('importDiscard', r, () => ok(undefined)),
    importMappings: (r) => this.#answer('importMappings', r, () => ok(this.savedMappings)),
    importMappingRemove: (r) => this.#answer('importMappingRemove', r, () => {
      const before = this.savedMappings.length;
      this.savedMappings = this.savedMappings.filter((m) => !(m.operation === r.operation && m.fingerprint === r.fingerprint));
      return ok(this.savedMappings.length < before);
    }),
    jobsPreview: (r) => this.#answer('jobsPreview', r, () => {
      const got = this.#import(r.importId);
      const profile = this.profiles.find((p) => p.name === r.profile);
      if (!got.ok) return got;
      if (!profile) return err(appError('PROFILE_NOT_FOUND', 'no profile'));
      const withdrawn = r.withdrawnRows?.length ?? 0;
      const env = profile.builtin ? 'sandbox' : profile.environment;
      const preview: SubmitPreview = {
        profile: { name: profile.name, environment: env, sid: profile.sid, baseUrl: profile.baseUrl ?? 'http://127.0.0.1' },
        orders: got.value.summary.counts.orders - withdrawn, rows: got.value.summary.counts.valid - withdrawn, withdrawn,
        needsConfirmation: env === 'production',
        confirmationText: `即将提交到正式环境\n卖家账号 ${profile.sid}\n操作 purchase.PurchaseReturn.batchCancelOrder\n${got.value.summary.counts.orders - withdrawn} 张单据`,
        earlier: this.earlier,
      };
      return ok(preview);
    }),
    jobsStart: (r) => this.#answer('jobsStart', r, () => {
      const profile = this.profiles.find((p) => p.name === r.profile);
      if (profile?.environment === 'production' && !profile.builtin && !r.confirmed) return err(appError('CONFIRMATION_REQUIRED', 'confirm'));
      const environment = !profile || profile.builtin ? 'sandbox' : profile.environment;
      const job = fakeJob({ id: `job-${this.jobs.length + 1}`, profileName: r.profile, environment, sid: profile?.sid ?? 'wdtbulk-demo' });
      this.jobs.unshift(job);
      return ok({ jobId: job.id });
    }),
    jobsPause: (r) => this.#answer('jobsPause', r, () => ok(undefined)),
    jobsResume: (r) => this.#answer('jobsResume', r, () => ok(undefined)),
    jobsStop: (r) => this.#answer('jobsStop', r, () => ok(undefined)),
    jobsList: (r) => this.#answer('jobsList', r, () => ok([...this.jobs])),
    jobsGet: (r) => this.#answer('jobsGet', r, () => this.#job(r.jobId)),
    jobsRows: (r) => this.#answer('jobsRows', r, () => {
      const search = r.search?.trim().toLowerCase() ?? '';
      const found = (row: JobRowView) => search === '' || String(row.rowNumber) === search || (row.key ?? '').toLowerCase().includes(search);
      const rows = this.jobRows.filter((row) => (!r.states || r.states.includes(row.state)) && found(row));
      return ok({ total: rows.length, offset: r.offset, items: rows.slice(r.offset, r.offset + r.limit) });
    }),
    jobsAttempts: (r) => this.#answer('jobsAttempts', r, () => ok({ total: this.jobAttempts.length, offset: r.offset, items: this.jobAttempts.slice(r.offset, r.offset + r.limit) })),
    jobsSaveResults: (r) => this.#answer('jobsSaveResults', r, () => ok({ saved: true, name: 'returns.结果.xlsx', path: '/home/clerk/returns.结果.xlsx' })),
    jobsOpenResults: (r) => this.#answer('jobsOpenResults', r, () => ok(undefined)),
    jobsQuery: (r) => this.#answer('jobsQuery', r, () => {
      const f = r.filter ?? {};
      const text = f.text?.trim().toLowerCase() ?? '';
      const day = (j: JobView) => j.createdAt.slice(0, 10);
      const jobs = this.jobs.filter(
        (j) =>
          (!f.operation || j.operation === f.operation) && (!f.profile || j.profileName === f.profile) && (!f.state || j.state === f.state) &&
          (!f.from || day(j) >= f.from) && (!f.to || day(j) <= f.to) && (text === '' || j.id.toLowerCase().includes(text) || j.sourceName.toLowerCase().includes(text)),
      );
      const distinct = <T,>(values: T[]) => [...new Set(values)].sort();
      return ok({
        total: jobs.length, offset: r.offset, items: jobs.slice(r.offset, r.offset + r.limit),
        operations: distinct(this.jobs.map((j) => j.operation)), profiles: distinct(this.jobs.map((j) => j.profileName)),
      });
    }),
    jobsSaveProblems: (r) => this.#answer('jobsSaveProblems', r, () => ok({ saved: true, name: 'returns.问题清单.xlsx', path: '/home/clerk/returns.问题清单.xlsx' })),
    jobsResendDraft: (r) => this.#answer('jobsResendDraft', r, () => {
      const original = this.#job(r.jobId);
      if (!original.ok) return original;
      if (!this.resendDraft) return err(appError('NO_VALID_ROWS', `job ${r.jobId} has no row to resend`));
      this.imports.set(this.resendDraft.summary.importId, this.resendDraft);
      return ok(this.resendDraft.summary);
    }),
    jobsResend: (r) => this.#answer('jobsResend', r, () => {
      const original = this.#job(r.jobId);
      if (!original.ok) return original;
      const job = fakeJob({ id: `job-${this.jobs.length + 1}`, followsJob: r.jobId });
      this.jobs.unshift(job);
      original.value.followUps = [...original.value.followUps, job.id];
      return ok({ jobId: job.id });
    }),
    profilesList: (r) => this.#answer('profilesList', r, () => ok([...this.profiles])),
    profilesSave: (r) => this.#answer('profilesSave', r, () => {
      const saved: ProfileView = { ...sandboxProfile, builtin: false, isDefault: false, secret: 'keychain', name: r.name, environment: r.environment, baseUrl: r.baseUrl, sid: r.sid, appkey: r.appkey };
      this.profiles = [...this.profiles.filter((p) => p.name !== r.name && p.name !== r.previousName), saved];
      return ok(saved);
    }),
    profilesRemove: (r) => this.#answer('profilesRemove', r, () => {
      this.profiles = this.profiles.filter((p) => p.name !== r.name);
      return ok(undefined);
    }),
    profilesSetDefault: (r) => this.#answer('profilesSetDefault', r, () => {
      this.profiles = this.profiles.map((p) => ({ ...p, isDefault: p.name === r.name }));
      return ok(undefined);
    }),
    profilesTest: (r) => this.#answer('profilesTest', r, () => ok({ outcome: 'works' as const, message: `${r.name}: 连接正常` })),
    templatesSave: (r) => this.#answer('templatesSave', r, () => ok({ saved: true, name: `${r.operation}.xlsx`, path: `/home/clerk/${r.operation}.xlsx` })),
    appInfo: (r) => this.#answer('appInfo', r, () => ok<AppInfo>({ name: 'WDT', version: '0.0.0', lang: this.lang, mode: 'browser', platform: 'linux', secrets: 'keychain', online: true })),
    appSetLang: (r) => this.#answer('appSetLang', r, () => {
      this.lang = r.lang;
      return ok(undefined);
    }),
    appOpenExternal: (r) => this.#answer('appOpenExternal', r, () => ok(undefined)),
    masterdataStatus: (r) => this.#answer('masterdataStatus', r, () => ok(this.masterdata)),
    masterdataRefresh: (r) => this.#answer('masterdataRefresh', r, () => ok({ profile: this.masterdata.profile, complete: true, lists: [] })),
    masterdataStop: (r) => this.#answer('masterdataStop', r, () => ok(undefined)),
    masterdataNames: (r) => this.#answer('masterdataNames', r, () => ok(this.names)),
    masterdataPreview: (r) => this.#answer('masterdataPreview', r, () => (this.preview ? ok(this.preview) : err(appError('ERP_UNREACHABLE', 'no preview')))),
    masterdataPreviewStop: (r) => this.#answer('masterdataPreviewStop', r, () => ok(undefined)),
    onDidImportFile: this.#on('onDidImportFile'),
    onDidProgress: this.#on('onDidProgress'),
    onDidChangeJobs: this.#on('onDidChangeJobs'),
    onDidChangeOnline: this.#on('onDidChangeOnline'),
    onDidMasterdataProgress: this.#on('onDidMasterdataProgress'),
    onDidReadProgress: this.#on('onDidReadProgress'),
    onDidMasterdataPreviewProgress: this.#on('onDidMasterdataPreviewProgress'),
  };
}
