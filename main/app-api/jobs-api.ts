// jobs:* — preview (with the production confirmation text), start, steer, list, rows, results.
import type { SavedFile, ServerApi, SubmitPreview } from '../../shared/contract';
import { t, type MessageKey } from '../../shared/i18n';
import { getOperation } from '../../shared/operations/catalog';
import { appError, err, ok, type Result } from '../../shared/result';
import { confirmationText, needsConfirmation } from '../profiles/production-safety';
import { droppedNotes } from '../masterdata/preview-notes';
import { doneLines, type DoneKeys, type DoneReport } from '../jobs/done-keys';
import type { CellEdits } from '../jobs/follow-up';
import type { ResolvedProfile } from '../profiles/resolve-profile';
import type { SheetImport } from '../sheets/read/types';
import type { Services } from '../services';
import { writeProblemList } from '../sheets/results/problem-list';
import type { DesktopPort } from './desktop-port';
import { summarize, type ImportState } from './import-api';
import { countRows, rowsWhere } from '../sheets/read/import-rows';
import { briefsOf } from '../../shared/row-list';

type JobsApi = Pick<
  ServerApi,
  | 'jobsPreview' | 'jobsStart' | 'jobsPause' | 'jobsResume' | 'jobsStop' | 'jobsList' | 'jobsGet' | 'jobsRows' | 'jobsAttempts' | 'jobsSaveResults' | 'jobsOpenResults' | 'jobsResendDraft' | 'jobsResend'
  | 'jobsQuery' | 'jobsSaveProblems'
>;

/**
 * What a submit would send. Withdrawing one row of a multi-row order (a create with several lines)
 * withdraws the whole order: sending part of an order would create a return the clerk never meant.
 */
export function submitCounts(sheet: SheetImport, withdrawnRows: readonly number[], done: DoneKeys = new Map()): { orders: number; rows: number; withdrawn: number } {
  const withdrawn = new Set(withdrawnRows);
  const touched = withdrawnBy(withdrawn);
  const kept = briefsOf(sheet.orders).filter((o) => !done.has(o.key) && !touched(o));
  return {
    orders: kept.length,
    rows: kept.reduce((sum, o) => sum + o.rows.length, 0),
    withdrawn: countRows(sheet.rows, (r) => withdrawn.has(r.rowNumber)),
  };
}

/** Whether a withdrawal takes an order out: any one of its rows withdraws the whole order. */
const withdrawnBy =
  (withdrawn: ReadonlySet<number>) =>
  (order: { rows: readonly number[] }): boolean =>
    order.rows.some((r) => withdrawn.has(r));

/** A resend draft's edited rows as the follow-up's edits seam wants them: row number → all its cells. */
const draftEdits = (sheet: SheetImport): CellEdits => new Map(rowsWhere(sheet.rows, (r) => r.edits !== undefined && r.edits.length > 0).map((r) => [r.rowNumber, r.cells]));
/** The keys of the orders a withdrawal takes out (a row withdraws its whole order). */
const withdrawnKeys = (sheet: SheetImport, withdrawnRows: readonly number[]): string[] => briefsOf(sheet.orders).filter(withdrawnBy(new Set(withdrawnRows))).map((o) => o.key);

const stamp = (date: Date): string => {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}${p(date.getMonth() + 1)}${p(date.getDate())}-${p(date.getHours())}${p(date.getMinutes())}${p(date.getSeconds())}`;
};

export function createJobsApi(services: Services, desktop: DesktopPort, state: ImportState): JobsApi {
  const lang = () => services.settings.lang();
  /** Asks where to save (a name made from the source's), then writes there; a cancelled dialog saves nothing. */
  async function saveAs(sourceName: string, name: MessageKey, title: MessageKey, write: (target: string) => Promise<Result<string>>): Promise<Result<SavedFile>> {
    const source = sourceName.replace(/\.[^.]+$/, '');
    const target = await desktop.chooseSaveTarget(t(lang(), name, { source, stamp: stamp(new Date()) }), t(lang(), title));
    if (target === null) return ok({ saved: false, name: null, path: null });
    const written = await write(target);
    if (!written.ok) return written;
    return ok({ saved: true, name: written.value.split(/[\\/]/).pop() ?? written.value, path: written.value });
  }
  /** Reads made of a finished job's rows to resend (jobsResendDraft): import id → the job. */
  const drafts = new Map<string, string>();
  /** The results workbook saved last per job, for "open". Paths stay in main. */
  const saved = new Map<string, string>();

  async function preview(
    importId: string,
    profileName: string,
    withdrawnRows: readonly number[],
    includeDone: boolean,
  ): Promise<Result<{ sheet: SheetImport; done: DoneReport; resolved: ResolvedProfile; preview: SubmitPreview }>> {
    const sheet = state.get(importId);
    if (!sheet) return err(appError('INVALID_ARGUMENT', t(lang(), 'ui.error.importUnknown')));
    const profile = await services.profiles.get(profileName);
    if (!profile.ok) return profile;
    const p = profile.value;
    // The sample is a demo of the sandbox's seeded numbers: never sent to a real ERP, whatever the default.
    if (state.isSandboxOnly(importId) && !p.builtin) {
      return err(appError('PROFILE_INVALID', t(lang(), 'ui.error.sampleSandboxOnly', { profile: p.name }), { profile: p.name }));
    }
    // The app runs the named profile only: never the WDT_* variables of whoever launched it.
    const resolved = await services.profiles.resolve(profileName);
    if (!resolved.ok) return resolved;
    const op = getOperation(sheet.operation);
    // Never twice by accident: the store names what it already did with this sheet on this account.
    const done = services.jobs.doneReport(sheet, services.jobs.meta(sheet, resolved.value, false, lang()), includeDone);
    const counts = submitCounts(sheet, withdrawnRows, done.skip);
    const text = confirmationText(p, { method: op?.method ?? sheet.operation, ...(op ? { label: op.label[lang()] } : {}) }, counts, lang());
    return ok({
      sheet,
      done,
      resolved: resolved.value,
      preview: {
        profile: { name: p.name, environment: p.builtin ? 'sandbox' : p.environment, sid: p.sid, baseUrl: p.baseUrl },
        ...counts,
        needsConfirmation: needsConfirmation(p),
        confirmationText: text,
        earlier: {
          sameFile: done.sameFile.map((j) => ({ ...j, rows: 0 })),
          done: done.done.map(({ jobId, at, profileName: name, rows }) => ({ jobId, at, profileName: name, rows })),
          doneRows: done.doneRows,
          alwaysSkip: done.alwaysSkip,
          lines: op ? doneLines(lang(), done, op, includeDone) : [],
        },
      },
    });
  }

  return {
    async jobsPreview({ importId, profile, withdrawnRows, includeDone }) {
      const got = await preview(importId, profile, withdrawnRows, includeDone);
      return got.ok ? ok(got.value.preview) : got;
    },
    async jobsStart({ importId, profile, isCheck, withdrawnRows, includeDone, confirmed }) {
      const got = await preview(importId, profile, withdrawnRows, includeDone);
      if (!got.ok) return got;
      if (got.value.preview.needsConfirmation && !confirmed) {
        return err(appError('CONFIRMATION_REQUIRED', t(lang(), 'ui.error.confirm'), { profile }));
      }
      const { sheet, done, resolved } = got.value;
      // Orders dropped after the ERP preview showed they cannot succeed say so in the results, with the state found.
      const kept = state.previews.get(importId);
      const withdrawnNotes = kept ? droppedNotes(kept, withdrawnKeys(sheet, withdrawnRows)) : undefined;
      return services.jobs.start({ sheet, meta: services.jobs.meta(sheet, resolved, isCheck, lang()), withdrawnRows, done, ...(withdrawnNotes ? { withdrawnNotes } : {}) });
    },
    async jobsResendDraft({ jobId }) {
      const draft = await services.jobs.followUpDraft(jobId);
      if (!draft.ok) return draft;
      const importId = state.keep(draft.value);
      drafts.set(importId, jobId);
      return ok(summarize(importId, draft.value));
    },
    async jobsResend({ jobId, importId, withdrawnRows }) {
      if (importId === undefined) return services.jobs.startFollowUp(jobId, new Map(), { withdrawnRows });
      // The draft must be this job's and still held: its edits are what the clerk saw judged.
      const sheet = drafts.get(importId) === jobId ? state.get(importId) : undefined;
      if (!sheet) return err(appError('INVALID_ARGUMENT', t(lang(), 'followup.error.draftUnknown', { job: jobId }), { job: jobId }));
      const started = await services.jobs.startFollowUp(jobId, draftEdits(sheet), { withdrawnRows });
      if (started.ok) {
        state.drop(importId);
        drafts.delete(importId);
      }
      return started;
    },
    jobsPause: async ({ jobId }) => services.jobs.pause(jobId),
    jobsResume: async ({ jobId }) => services.jobs.resume(jobId),
    jobsStop: async ({ jobId }) => services.jobs.stop(jobId),
    jobsList: async () => ok(services.jobs.list()),
    jobsGet: async ({ jobId }) => services.jobs.get(jobId),
    async jobsRows({ jobId, offset, limit, states, search }) {
      const page = services.jobs.rows(jobId, lang(), offset, limit, states, search);
      return page.ok ? ok({ total: page.value.total, offset, items: page.value.items }) : page;
    },
    async jobsAttempts({ jobId, offset, limit }) {
      const page = services.jobs.attempts(jobId, offset, limit);
      return page.ok ? ok({ total: page.value.total, offset, items: page.value.items }) : page;
    },
    async jobsSaveResults({ jobId }) {
      const jobs = services.jobs;
      const job = jobs.get(jobId);
      if (!job.ok) return job;
      const got = await saveAs(job.value.sourceName, 'ui.file.resultsName', 'ui.dialog.saveResults', (target) => jobs.writeResults(jobId, lang(), target));
      if (got.ok && got.value.path !== null) saved.set(jobId, got.value.path);
      return got;
    },
    async jobsOpenResults({ jobId, reveal }) {
      const file = saved.get(jobId);
      if (!file) return err(appError('JOB_STATE', t(lang(), 'ui.error.nothingSaved'), { job: jobId }));
      return reveal ? desktop.showInFolder(file) : desktop.openPath(file);
    },
    jobsQuery: async ({ offset, limit, filter }) => ok(services.jobs.find(filter, offset, limit)),
    async jobsSaveProblems({ importId }) {
      const sheet = state.get(importId);
      if (!sheet) return err(appError('INVALID_ARGUMENT', t(lang(), 'ui.error.importUnknown')));
      return saveAs(sheet.file.name, 'problems.fileName', 'problems.dialog', (target) => writeProblemList(sheet, lang(), target));
    },
  };
}
