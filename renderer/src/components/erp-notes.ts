// The notes the review grid shows after a cell (issue 17): the ERP's name beside a warehouse, supplier
// or SKU code (from the local copy), and a previewed document's state in the ERP beside its number —
// toned by the preview's verdict. Pure: the review screen builds one from what it fetched.
import type { ImportColumnInfo, ImportRowView, MasterdataNamesView, MasterdataPreviewView, PreviewRowView } from '../../../shared/contract';
import { render, t, type Lang } from '../../../shared/i18n';
import { getOperation } from '../../../shared/operations/catalog';
import type { CellNote } from './row-grid';

const namedFields = ['warehouse_no', 'provider_no', 'spec_no'] as const;
type NamedField = (typeof namedFields)[number];
const isNamed = (field: string | null): field is NamedField => field !== null && (namedFields as readonly string[]).includes(field);

const toneOf: Record<PreviewRowView['verdict'], CellNote['tone']> = { ok: 'ok', blocked: 'bad', unknown: 'muted' };

/** The state words of a previewed document (状态 / 出库状态), in the reader's language. */
export const stateText = (row: PreviewRowView, lang: Lang): string =>
  row.labels.length > 0 ? row.labels.map((l) => render(lang, l)).join(' / ') : t(lang, 'masterdata.review.stateNone');

export function cellNotes(
  operation: string,
  names: MasterdataNamesView | null,
  preview: MasterdataPreviewView | null,
  lang: Lang,
): ((row: ImportRowView, column: ImportColumnInfo) => CellNote | null) | undefined {
  const byKey = preview ? new Map(preview.rows.map((r) => [r.key, r])) : null;
  const keyField = getOperation(operation)?.keyField;
  const anyName = names !== null && namedFields.some((f) => Object.keys(names[f]).length > 0);
  if (!anyName && !byKey) return undefined;
  return (row, column) => {
    if (names && isNamed(column.field)) {
      const code = (row.cells[column.index] ?? '').trim();
      const name = names[column.field][code];
      return name === undefined ? null : { text: name, label: t(lang, `masterdata.review.name.${column.field}`, { name }), tone: 'muted' };
    }
    if (byKey && column.field !== null && column.field === keyField && row.orderKey !== null) {
      const found = byKey.get(row.orderKey);
      if (!found) return null;
      const state = stateText(found, lang);
      const reason = found.reason ? render(lang, found.reason) : '';
      return { text: state, label: t(lang, 'masterdata.review.state', { state, verdict: t(lang, `masterdata.verdict.${found.verdict}`), reason }), tone: toneOf[found.verdict] };
    }
    return null;
  };
}
