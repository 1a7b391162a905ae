// Real spreadsheets for the e2e flows, written with exceljs (the same library clerks' files pass through).
import { writeFileSync } from 'node:fs';
import CFB from 'cfb';
import ExcelJS from 'exceljs';

type Cell = string | number | null;

export async function writeBook(file: string, sheets: { name: string; rows: Cell[][] }[]): Promise<string> {
  const book = new ExcelJS.Workbook();
  for (const sheet of sheets) {
    const ws = book.addWorksheet(sheet.name);
    for (const row of sheet.rows) ws.addRow(row);
  }
  await book.xlsx.writeFile(file);
  return file;
}

/** A cancel list of sandbox demo returns: some cancel, some are refused by the ERP, one duplicate, one blank-ish problem. */
export const cancelRows = (): Cell[][] => [
  ['采购退货单号', '备注'],
  ['CR202406010001', '编辑中'],
  ['CR202406010002', '待审核'],
  ['CR202406010005', '已完成：会被拒绝'],
  ['CR202406010002', '重复'],
  ['CR209912319999', '不存在'],
  [Number('123456789012345678'), '数字太长'],
];

/** A createOrder sheet: two orders, the rows of ORD-A not adjacent, ORD-B with a bad quantity. */
export const createRows = (): Cell[][] => [
  ['外部单号', '仓库编码', '供应商编号', '商家编码', '退货数量', '单价'],
  ['ORD-A', 'WH001', 'P001', 'SKU-TS-RED-M', 2, 35.5],
  ['ORD-B', 'WH001', 'P001', 'SKU-CAP-01', -1, 12],
  ['ORD-A', 'WH001', 'P001', 'SKU-CAP-01', 1, 12],
  ['ORD-C', 'WH002', 'P002', 'SKU-BAG-02', 3, 20],
];

/** A legacy .xls: an OLE2 container with a Workbook stream. */
export function writeLegacyXls(file: string): string {
  const container = CFB.utils.cfb_new();
  CFB.utils.cfb_add(container, '/Workbook', Buffer.from('fake Workbook content'.repeat(50)));
  writeFileSync(file, CFB.write(container, { type: 'buffer' }) as Buffer);
  return file;
}

/** A big cancel list (rows × one column), for the scrolling check. */
export async function writeBigCancel(file: string, rows: number): Promise<string> {
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file });
  const ws = book.addWorksheet('big');
  ws.addRow(['采购退货单号']).commit();
  // Every 1000th row holds a number too long for Excel (a problem); every 777th repeats the row before it.
  for (let i = 1; i <= rows; i += 1) {
    const cell = i % 1000 === 0 ? Number('1234567890123456789') : `CR${String(i % 777 === 0 ? i - 1 : i).padStart(12, '0')}`;
    ws.addRow([cell]).commit();
  }
  await book.commit();
  return file;
}
