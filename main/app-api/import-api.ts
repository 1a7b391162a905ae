// import:* and templates:* — tickets to reads, reads kept in memory by an opaque id, rows served by page.
import type { FileTicket, ImportRowView, ImportSummary, ServerApi } from '../../shared/contract';
import { t } from '../../shared/i18n';
import { getOperation } from '../../shared/operations/catalog';
import { appError, err, ok, type Result } from '../../shared/result';
import type { SheetImport } from '../sheets/types';
import { FileTokens, newId } from './file-tokens';
import type { AppServices } from './ports';
import { notAvailable } from './unavailable';

/** Reads kept at once: a read of 100,000 rows is large, and a clerk works on one or two files at a time. */
const maxImports = 4;
const noticesShown = 200;

export class ImportState {
  readonly tokens = new FileTokens();
  /** Tickets of files opened from the OS, until the UI takes them. */
  readonly pending: FileTicket[] = [];
  readonly #reads = new Map<string, SheetImport>();

  keep(sheet: SheetImport): string {
    const id = newId();
    this.#reads.set(id, sheet);
    while (this.#reads.size > maxImports) this.#reads.delete(this.#reads.keys().next().value as string);
    return id;
  }
  get(id: string): SheetImport | undefined {
    return this.#reads.get(id);
  }
  drop(id: string): void {
    this.#reads.delete(id);
  }
}

export function summarize(importId: string, sheet: SheetImport): ImportSummary {
  const counts = { rows: sheet.rows.length, orders: sheet.orders.length, valid: 0, invalid: 0, duplicate: 0, problems: 0, notices: sheet.notices.length };
  for (const row of sheet.rows) {
    counts[row.disposition.kind] += 1;
    counts.problems += row.problems.length;
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
    counts,
    notices: sheet.notices.slice(0, noticesShown).map((n) => ({ ...n })),
  };
}

type ImportApi = Pick<ServerApi, 'importOpenDialog' | 'importDroppedFile' | 'importRead' | 'importRows' | 'importProblems' | 'importTakePending' | 'importDiscard' | 'templatesSave'>;

export function createImportApi(services: AppServices, state: ImportState): ImportApi {
  const lang = () => services.settings.lang();
  const unknownImport = () => err(appError('INVALID_ARGUMENT', t(lang(), 'ui.error.importUnknown')));
  const withImport = <T>(id: string, use: (sheet: SheetImport) => Result<T>): Promise<Result<T>> => {
    const sheet = state.get(id);
    return Promise.resolve(sheet ? use(sheet) : unknownImport());
  };
  return {
    async importOpenDialog() {
      const chosen = await services.desktop.chooseSpreadsheet(lang());
      return chosen === null ? ok(null) : state.tokens.accept(chosen, lang());
    },
    importDroppedFile: ({ path }) => state.tokens.accept(path, lang()),
    async importRead({ token, sheet, operation }) {
      if (!services.sheets) return notAvailable();
      const file = state.tokens.resolve(token, lang());
      if (!file.ok) return file;
      const read = await services.sheets.read(file.value, { lang: lang(), ...(sheet ? { sheet } : {}), ...(operation ? { operation } : {}) });
      if (!read.ok) return read;
      return ok(summarize(state.keep(read.value), read.value));
    },
    importRows: ({ importId, offset, limit, filter }) =>
      withImport(importId, (sheet) => {
        const rows = filter === 'all' ? sheet.rows : sheet.rows.filter((r) => r.disposition.kind === filter);
        const items: ImportRowView[] = rows
          .slice(offset, offset + limit)
          .map(({ rowNumber, cells, problems, disposition }) => ({ rowNumber, cells, problems, disposition }));
        return ok({ total: rows.length, offset, items });
      }),
    importProblems: ({ importId, offset, limit }) =>
      withImport(importId, (sheet) => {
        const problems = sheet.rows.flatMap((r) => r.problems);
        return ok({ total: problems.length, offset, items: problems.slice(offset, offset + limit) });
      }),
    importTakePending: async () => ok(state.pending.splice(0)),
    async importDiscard({ importId }) {
      state.drop(importId);
      return ok(undefined);
    },
    async templatesSave({ operation }) {
      if (!services.sheets) return notAvailable();
      const op = getOperation(operation);
      if (!op) return err(appError('INVALID_ARGUMENT', t(lang(), 'ui.error.invalidRequest', { reason: operation })));
      const suggested = t(lang(), 'ui.file.templateName', { operation: op.label[lang()] });
      const target = await services.desktop.chooseSaveTarget(suggested, t(lang(), 'ui.dialog.saveTemplate'));
      if (target === null) return ok({ saved: false, name: null });
      const written = await services.sheets.writeTemplate(op, lang(), target);
      if (!written.ok) return written;
      return ok({ saved: true, name: target.split(/[\\/]/).pop() ?? target });
    },
  };
}
