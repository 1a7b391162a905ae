// A create sheet checked against the local copy of the ERP's master data, offline: an unknown or
// stopped warehouse, supplier or SKU, and a SKU its supplier does not supply, become warnings on the
// cell (the copy can be stale: the row is still sent and the ERP has the last word), with a "did you
// mean" when a known code differs only by spaces, case, width or leading zeros. Pure.
import type { LocalizedText, MessageKey } from '../i18n';
import type { CellProblem, FieldValue, OperationDef } from '../operations/types';
import { looseKey } from './loose-key';
import { briefAt, RowsWithChanges } from '../row-list';
import type { RowList } from '../row-list';

/** The fields the local copy can vouch for. */
const checkedFields: readonly string[] = ['warehouse_no', 'provider_no', 'spec_no'];

/** Does a sheet of this operation carry codes the copy can check (a create does; a cancel list does not)? */
export const checksMasterdata = (op: Pick<OperationDef, 'fields'>): boolean => op.fields.some((f) => checkedFields.includes(f.key));

/** One list of the local copy, as the check reads it. */
export interface CodeLookup {
  /** When the copy was last refreshed, as shown to the clerk ('yyyy-MM-dd HH:mm'). */
  asOf: string;
  get(code: string): { name: string; inactive: boolean } | undefined;
  /** Known codes whose looseKey() is `key`. */
  near(key: string): readonly string[];
}

/** The local copy; a list is null when it was never fetched or the account may not read it (nothing is checked then). */
export interface MasterdataLookup {
  warehouses: CodeLookup | null;
  providers: CodeLookup | null;
  specs: CodeLookup | null;
  supplies: { asOf: string; has(provider: string, spec: string): boolean } | null;
}

/** The parts of a read sheet the check needs (SheetImport fits). */
export interface SheetToCheck {
  columns: readonly { header: string; field: string | null }[];
  rows: Iterable<{ rowNumber: number; values: Readonly<Record<string, FieldValue>> }>;
  /** Iterated once (a read's orders are packed: each is made as it is reached). */
  orders: Iterable<{ rows: readonly number[]; header: Readonly<Record<string, FieldValue>> }>;
}

export interface MasterdataCheck {
  problems: CellProblem[];
  /** Names beside codes in the grid: field → code → the ERP's name. */
  names: Record<'warehouse_no' | 'provider_no' | 'spec_no', Record<string, string>>;
}

type Kind = 'warehouse' | 'provider' | 'spec';
const fields: Record<Kind, 'warehouse_no' | 'provider_no' | 'spec_no'> = { warehouse: 'warehouse_no', provider: 'provider_no', spec: 'spec_no' };
const keys: Record<Kind, { unknown: MessageKey; suggest: MessageKey; inactive: MessageKey }> = {
  warehouse: { unknown: 'masterdata.check.warehouse.unknown', suggest: 'masterdata.check.warehouse.suggest', inactive: 'masterdata.check.warehouse.inactive' },
  provider: { unknown: 'masterdata.check.provider.unknown', suggest: 'masterdata.check.provider.suggest', inactive: 'masterdata.check.provider.inactive' },
  spec: { unknown: 'masterdata.check.spec.unknown', suggest: 'masterdata.check.spec.suggest', inactive: 'masterdata.check.spec.inactive' },
};
/** At most this many suggestions in one message. */
const maxSuggestions = 3;

/** What the copy says about one code: known (and its name), a warning, or both. */
type Finding = { known: boolean; name?: string; warning?: LocalizedText };

function judge(kind: Kind, code: string, list: CodeLookup): Finding {
  const found = list.get(code);
  if (found) {
    if (!found.inactive) return { known: true, name: found.name };
    return { known: true, name: found.name, warning: { key: keys[kind].inactive, params: { code, name: found.name, asOf: list.asOf } } };
  }
  const near = list.near(looseKey(code)).filter((c) => c !== code);
  if (near.length === 0) return { known: false, warning: { key: keys[kind].unknown, params: { code, asOf: list.asOf } } };
  const suggestion = near.slice(0, maxSuggestions).map((c) => `“${c}”`).join(' / ');
  return { known: false, warning: { key: keys[kind].suggest, params: { code, suggestion, asOf: list.asOf } } };
}

const text = (v: FieldValue | undefined): string | null => (typeof v === 'string' && v.trim() !== '' ? v : null);

export function checkCreateSheet(sheet: SheetToCheck, lookup: MasterdataLookup): MasterdataCheck {
  const problems: CellProblem[] = [];
  const names: MasterdataCheck['names'] = { warehouse_no: {}, provider_no: {}, spec_no: {} };
  const headerOf = (field: string) => sheet.columns.find((c) => c.field === field)?.header ?? field;
  // One judgement per distinct code: a 100,000-row sheet names a few codes many times.
  const seen = new Map<string, Finding>();
  const find = (kind: Kind, code: string): Finding | null => {
    const list = kind === 'warehouse' ? lookup.warehouses : kind === 'provider' ? lookup.providers : lookup.specs;
    if (!list) return null;
    const id = `${kind}\u0000${code}`;
    let finding = seen.get(id);
    if (!finding) {
      finding = judge(kind, code, list);
      seen.set(id, finding);
      if (finding.name !== undefined) names[fields[kind]][code] = finding.name;
    }
    return finding;
  };
  const providerOfRow = new Map<number, string>();
  for (const order of sheet.orders) {
    const provider = text(order.header.provider_no);
    if (provider) for (const row of order.rows) providerOfRow.set(row, provider);
  }
  for (const row of sheet.rows) {
    const warn = (kind: Kind, finding: Finding | null) => {
      if (finding?.warning) problems.push({ row: row.rowNumber, column: headerOf(fields[kind]), field: fields[kind], text: finding.warning, severity: 'warning' });
    };
    const warehouse = text(row.values.warehouse_no);
    if (warehouse) warn('warehouse', find('warehouse', warehouse));
    const rowProvider = text(row.values.provider_no);
    const providerFinding = rowProvider ? find('provider', rowProvider) : null;
    warn('provider', providerFinding);
    const spec = text(row.values.spec_no);
    if (!spec) continue;
    const specFinding = find('spec', spec);
    warn('spec', specFinding);
    // Supplied? Only between a supplier and a SKU both known: an unknown one has its own warning already.
    const provider = rowProvider ?? providerOfRow.get(row.rowNumber);
    if (!provider || !lookup.supplies || !specFinding?.known || !find('provider', provider)?.known) continue;
    if (!lookup.supplies.has(provider, spec)) {
      problems.push({
        row: row.rowNumber,
        column: headerOf('spec_no'),
        field: 'spec_no',
        text: { key: 'masterdata.check.notSupplied', params: { provider, spec, asOf: lookup.supplies.asOf } },
        severity: 'warning',
      });
    }
  }
  return { problems, names };
}

/**
 * The rows with the check's warnings added to their own problems (after them, in row order), so the
 * review grid, the problem list and the job's stored warnings show them like any other warning.
 */
export function withWarnings<R extends B, B extends { rowNumber: number; problems: readonly CellProblem[] }>(rows: RowList<R, B>, warnings: readonly CellProblem[]): RowList<R, B> {
  if (warnings.length === 0) return rows;
  const byRow = new Map<number, CellProblem[]>();
  for (const w of warnings) byRow.set(w.row, [...(byRow.get(w.row) ?? []), w]);
  // Only the warned rows are made anew; the others stay as the read keeps them (packed).
  const changed = new Map<number, R>();
  for (let i = 0; i < rows.length; i++) {
    const more = byRow.get((briefAt(rows, i) as B).rowNumber);
    const r = more && rows.at(i);
    if (r) changed.set(i, { ...r, problems: [...r.problems, ...more] });
  }
  return new RowsWithChanges<R, B>(rows, changed);
}
