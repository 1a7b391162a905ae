// import:* and templates:* — tickets to reads, reads kept in memory by an opaque id, rows served by page.
import type { EventSink, FileTicket, ImportRowView, ImportSummary, ServerApi } from '../../shared/contract';
import { readWatchers } from './read-progress-events';
import { t } from '../../shared/i18n';
import { getOperation } from '../../shared/operations/catalog';
import { isBlocking } from '../../shared/operations/types';
import { appError, err, ok, type Result } from '../../shared/result';
import type { ReadOptions, RowBrief, SheetImport } from '../sheets/read/types';
import { buildMapping, type MappingChoice } from '../profiles/mappings';
import type { Lang } from '../../shared/i18n';
import type { OperationId } from '../../shared/operations/types';
import { withMasterdataWarnings } from '../masterdata/md-service';
import type { KeptPreview } from '../masterdata/preview-notes';
import { SheetEditor } from '../sheets/read/revalidate';
import { orderKeyOf, pageOf, problemsOf, rowView } from './row-views';
import { briefAt } from '../../shared/row-list';
import type { Services } from '../services';
import type { DesktopPort } from './desktop-port';
import { FileTokens, newId } from './file-tokens';
import { sampleOperation, toFixName, toFixSheet, writeSampleFile } from './sample-file';

/** Reads kept at once: a read of 100,000 rows is large, and a clerk works on one or two files at a time. */
const maxImports = 4;
const noticesShown = 200;

export class ImportState {
  readonly tokens = new FileTokens();
  /** Tickets of files opened from the OS, until the UI takes them. */
  readonly pending: FileTicket[] = [];
  readonly #reads = new Map<string, SheetImport>();
  /** Reads with cells edited in the review grid: what the review shows and a job is made of is the edited sheet. */
  readonly #editors = new Map<string, SheetEditor>();
  /** Tokens of the app's sample files, and the reads made from them: those go to the built-in sandbox only. */
  readonly #sampleTokens = new Set<string>();
  readonly #sampleReads = new Set<string>();
  /** The last ERP preview of each read (masterdata-api), for the notes of the orders the clerk drops after it. */
  readonly previews = new Map<string, KeptPreview>();

  markSample(token: string): void {
    this.#sampleTokens.add(token);
  }
  isSampleToken(token: string): boolean {
    return this.#sampleTokens.has(token);
  }
  /** True for a read of the sample: jobs-api refuses any profile but the built-in sandbox for it. */
  isSandboxOnly(importId: string): boolean {
    return this.#sampleReads.has(importId);
  }

  keep(sheet: SheetImport, sandboxOnly = false): string {
    const id = newId();
    this.#reads.set(id, sheet);
    if (sandboxOnly) this.#sampleReads.add(id);
    while (this.#reads.size > maxImports) this.drop(this.#reads.keys().next().value as string);
    return id;
  }
  get(id: string): SheetImport | undefined {
    return this.#editors.get(id)?.current() ?? this.#reads.get(id);
  }
  /** The read's editor, made at its first edit. */
  editor(id: string): SheetEditor | undefined {
    const read = this.#reads.get(id);
    if (!read) return undefined;
    let editor = this.#editors.get(id);
    if (!editor) this.#editors.set(id, (editor = new SheetEditor(read)));
    return editor;
  }
  editedCells(id: string): number {
    return this.#editors.get(id)?.editedCells ?? 0;
  }
  drop(id: string): void {
    this.#reads.delete(id);
    this.#editors.delete(id);
    this.#sampleReads.delete(id);
    this.previews.delete(id);
  }
}

export function summarize(importId: string, sheet: SheetImport, sandboxOnly = false, editedCells = 0): ImportSummary {
  const counts = { rows: sheet.rows.length, orders: sheet.orders.length, valid: 0, invalid: 0, duplicate: 0, problems: 0, warnings: 0, notices: sheet.notices.length };
  for (let i = 0; i < sheet.rows.length; i++) {
    const row = briefAt(sheet.rows, i) as RowBrief;
    counts[row.disposition.kind] += 1;
    for (const p of row.problems) counts[isBlocking(p) ? 'problems' : 'warnings'] += 1;
  }
  const { name, bytes, sha256, format } = sheet.file;
  return {
    importId,
    file: { name, bytes, sha256, format },
    sheets: sheet.sheets.map((s) => ({ ...s })),
    sheet: sheet.sheet,
    headerRow: sheet.headerRow,
    operation: sheet.operation,
    operationReason: sheet.operationReason,
    columns: sheet.columns.map((c) => ({ ...c })),
    ignoredColumns: [...sheet.ignoredColumns],
    fingerprint: sheet.fingerprint,
    mapping: sheet.mapping ? { source: sheet.mapping.source, columns: { ...sheet.mapping.columns } } : null,
    unmapped: { columns: [...sheet.unmapped.columns], fields: [...sheet.unmapped.fields] },
    counts,
    notices: sheet.notices.slice(0, noticesShown).map((n) => ({ ...n })),
    ...(sandboxOnly ? { sandboxOnly } : {}),
    editedCells,
  };
}

/** The mapping step's choice as a mapping for the read: it names the operation, and every field is that operation's. */
function chosenMapping(operation: OperationId | undefined, columns: readonly MappingChoice[], lang: Lang): Result<ReadOptions['mapping']> {
  const op = operation ? getOperation(operation) : undefined;
  if (!op) return err(appError('INVALID_ARGUMENT', t(lang, 'ui.error.invalidRequest', { reason: 'mapping without operation' })));
  const built = buildMapping(op, columns, lang);
  if (!built.ok) return err(appError('INVALID_ARGUMENT', t(lang, 'mapping.file.invalid', { file: op.id, key: built.error.key, reason: built.error.reason })));
  return ok({ ...built.value, source: 'chosen' });
}

type ImportApi = Pick<
  ServerApi,
  'importOpenDialog' | 'importDroppedFile' | 'importRead' | 'importMappings' | 'importMappingRemove' | 'importRows' | 'importFindRow' | 'importProblems' | 'importSample' | 'importToFix' | 'importTakePending' | 'importEdit' | 'importDiscard' | 'templatesSave'
>;

export function createImportApi(services: Services, desktop: DesktopPort, state: ImportState, emit: EventSink): ImportApi {
  const lang = () => services.settings.lang();
  const unknownImport = () => err(appError('INVALID_ARGUMENT', t(lang(), 'ui.error.importUnknown')));
  const withImport = <T>(id: string, use: (sheet: SheetImport) => Result<T>): Promise<Result<T>> => {
    const sheet = state.get(id);
    return Promise.resolve(sheet ? use(sheet) : unknownImport());
  };
  return {
    async importOpenDialog() {
      const chosen = await desktop.chooseSpreadsheet(lang());
      return chosen === null ? ok(null) : state.tokens.accept(chosen, lang());
    },
    importDroppedFile: ({ path }) => state.tokens.accept(path, lang()),
    async importRead({ token, sheet, operation, mapping: choice }) {
      const file = state.tokens.resolve(token, lang());
      if (!file.ok) return file;
      const mapping = choice ? chosenMapping(operation, choice.columns, lang()) : ok(undefined);
      if (!mapping.ok) return mapping;
      const options = { lang: lang(), ...(sheet ? { sheet } : {}), ...(operation ? { operation } : {}), ...(mapping.value ? { mapping: mapping.value } : {}) };
      const read = await services.sheets.read(file.value, { ...options, ...readWatchers(token, emit) });
      if (!read.ok) return read;
      if (choice?.remember && mapping.value) {
        // Not remembered is not a failed read: the clerk sees the rows, and the error says why it was not saved.
        const saved = await services.mappings.save(mapping.value, choice.columns.map((c) => c.header), read.value.fingerprint);
        if (!saved.ok) return saved;
      }
      const sample = state.isSampleToken(token);
      const checked = await withMasterdataWarnings(services, read.value);
      return ok(summarize(state.keep(checked, sample), checked, sample));
    },
    importRows: ({ importId, offset, limit, filter, grouped: group }) =>
      withImport(importId, (sheet) => {
        const view = rowView(sheet, filter, group);
        const items: ImportRowView[] = pageOf(sheet, view, offset, limit).map((row) => ({
            rowNumber: row.rowNumber,
            cells: row.cells,
            problems: row.problems,
            disposition: row.disposition,
            orderKey: orderKeyOf(sheet, row),
            ...(row.edits ? { edits: row.edits } : {}),
          }));
        return ok({ total: view.indices.length, offset, items });
      }),
    importFindRow: ({ importId, rowNumber, filter, grouped: group }) =>
      withImport(importId, (sheet) => ok(rowView(sheet, filter, group).rowNumbers.indexOf(rowNumber))),
    importProblems: ({ importId, offset, limit }) =>
      withImport(importId, (sheet) => {
        const problems = problemsOf(sheet);
        return ok({ total: problems.length, offset, items: problems.slice(offset, offset + limit) });
      }),
    importTakePending: async () => ok(state.pending.splice(0)),
    importMappings: () => services.mappings.list(),
    importMappingRemove: ({ operation, fingerprint }) => services.mappings.remove(operation, fingerprint),
    async importSample() {
      const ticket = await state.tokens.accept(await writeSampleFile(lang()), lang());
      if (!ticket.ok) return ticket;
      // The page promises the sample goes to the built-in sandbox: its reads are held to that in jobs-api.
      state.markSample(ticket.value.token);
      // 采购退货单号 heads both cancel and pending lists: the sample is a cancel list.
      return ok({ ...ticket.value, operation: sampleOperation });
    },
    async importToFix({ jobId }) {
      const job = services.jobs.get(jobId);
      if (!job.ok) return job;
      // The clerk edits this file in their spreadsheet program, so it goes where they choose (not a temp folder).
      const target = await desktop.chooseSaveTarget(toFixName(job.value.sourceName, lang()), t(lang(), 'ui.dialog.saveToFix'));
      if (target === null) return ok(null);
      const written = await services.jobs.writeResults(jobId, lang(), target);
      if (!written.ok) return written;
      const ticket = await state.tokens.accept(written.value, lang());
      if (!ticket.ok) return ticket;
      const sheet = await toFixSheet(written.value);
      const opened = await desktop.openPath(written.value);
      return ok({ ticket: { ...ticket.value, operation: job.value.operation, ...(sheet ? { sheet } : {}) }, path: written.value, opened: opened.ok });
    },
    async importEdit({ importId, rowNumber, column, value }) {
      const editor = state.editor(importId);
      if (!editor) return unknownImport();
      const done = editor.set([{ rowNumber, column, value }]);
      if ('refused' in done) {
        return err(appError('INVALID_ARGUMENT', t(lang(), done.refused === 'unknown-row' ? 'edit.error.unknownRow' : 'edit.error.unknownColumn', { row: rowNumber, column: column + 1 })));
      }
      return ok(summarize(importId, editor.current(), state.isSandboxOnly(importId), editor.editedCells));
    },
    async importDiscard({ importId }) {
      state.drop(importId);
      return ok(undefined);
    },
    async templatesSave({ operation }) {
      const op = getOperation(operation);
      if (!op) return err(appError('INVALID_ARGUMENT', t(lang(), 'ui.error.invalidRequest', { reason: operation })));
      const suggested = t(lang(), 'ui.file.templateName', { operation: op.label[lang()] });
      const target = await desktop.chooseSaveTarget(suggested, t(lang(), 'ui.dialog.saveTemplate'));
      if (target === null) return ok({ saved: false, name: null, path: null });
      const written = await services.sheets.writeTemplate(op, lang(), target);
      if (!written.ok) return written;
      return ok({ saved: true, name: target.split(/[\\/]/).pop() ?? target, path: target });
    },
  };
}
