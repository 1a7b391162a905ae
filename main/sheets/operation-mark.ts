// Which operation a workbook we wrote is for. The cancel and pending lists share their header (采购退货单号),
// so a template or a results workbook's to-fix sheet dropped back in could not say which it is. Each one
// carries a defined name, `wdt_bulk.return_cancel` → '失败 To fix'!$A$1, naming the operation and the sheet
// it marks. Excel, WPS and LibreOffice keep defined names when they save. The reader uses a mark only to
// settle headers that fit several operations: never against clear headers, never against the person's choice.
import { isOperationId } from '../../shared/operations/catalog';
import type { OperationId } from '../../shared/operations/types';

const prefix = 'wdt_bulk.';

export const markName = (op: OperationId): string => `${prefix}${op.replace(/-/g, '_')}`;

/** The operation a defined name marks, if it is one of ours. */
export function markedOperation(name: string): OperationId | null {
  if (!name.toLowerCase().startsWith(prefix)) return null;
  const id = name.slice(prefix.length).toLowerCase().replace(/_/g, '-');
  return isOperationId(id) ? id : null;
}

/** The sheet a defined name's reference points at: `'失败 To fix'!$A$1` or `导入数据!$A$1` → the sheet name. */
export function referencedSheet(reference: string): string | null {
  if (reference.startsWith('#')) return null; // #REF!: the sheet it pointed at is gone
  const quoted = /^'((?:[^']|'')+)'!/.exec(reference);
  if (quoted) return (quoted[1] as string).replace(/''/g, "'");
  const bare = /^([^!'[\]]+)!/.exec(reference);
  return bare ? (bare[1] as string) : null;
}

/** A reference to a sheet's first cell, quoted as Excel quotes sheet names. */
export const firstCellOf = (sheet: string): string => `'${sheet.replace(/'/g, "''")}'!$A$1`;

/** Marks `sheet` of a workbook being written (exceljs's Workbook or streaming WorkbookWriter) as `op`'s. */
export function markSheet(book: { definedNames: { add(location: string, name: string): void } }, sheet: string, op: OperationId): void {
  book.definedNames.add(firstCellOf(sheet), markName(op));
}
