// The workbook's own list of sheets (name, hidden or not, which worksheet part) and its date system,
// read from xl/workbook.xml and its relationships, which the zip guard kept. Parsed with zod: a hostile
// workbook.xml is just text.
import { z } from 'zod';
import type { OperationId } from '../../../shared/operations/types';
import { markedOperation, referencedSheet } from '../operation-mark';

export interface SheetMeta {
  name: string;
  visible: boolean;
  /** Zip entry of the worksheet, e.g. xl/worksheets/sheet1.xml. */
  part: string | null;
}

export interface WorkbookMeta {
  sheets: SheetMeta[];
  date1904: boolean;
  /** Zip entries of the shared strings and the styles, from the workbook's relationships (or where Excel puts them). */
  sharedStrings: string;
  styles: string;
  /** Sheets this app marked with their operation when it wrote them (operation-mark.ts): sheet name → operation. */
  marks: Map<string, OperationId>;
}

const attrs = (tag: string): Record<string, string> =>
  Object.fromEntries([...tag.matchAll(/([\w:]+)="([^"]*)"/g)].map((m) => [m[1] as string, decodeXml(m[2] as string)]));

const decodeXml = (s: string): string =>
  s.replace(/&(lt|gt|quot|apos|amp|#x[0-9a-f]+|#\d+);/gi, (_, e: string) => {
    const named: Record<string, string> = { lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' };
    if (e[0] !== '#') return named[e.toLowerCase()] ?? '';
    return String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
  });

const sheetTag = z.object({ name: z.string().min(1), state: z.enum(['visible', 'hidden', 'veryHidden']).optional(), 'r:id': z.string().optional() });
const relTag = z.object({ Id: z.string(), Target: z.string(), Type: z.string().optional() });

const partOf = (target: string): string => (target.startsWith('/') ? target.slice(1) : `xl/${target}`).replace(/\/\.\//g, '/');

export function parseWorkbookMeta(workbookXml: string, relsXml: string): WorkbookMeta {
  const targets = new Map<string, string>();
  let sharedStrings = 'xl/sharedStrings.xml';
  let styles = 'xl/styles.xml';
  for (const m of relsXml.matchAll(/<(?:\w+:)?Relationship\s[^>]*>/g)) {
    const rel = relTag.safeParse(attrs(m[0]));
    if (!rel.success) continue;
    targets.set(rel.data.Id, rel.data.Target);
    if (rel.data.Type?.endsWith('/sharedStrings')) sharedStrings = partOf(rel.data.Target);
    if (rel.data.Type?.endsWith('/styles')) styles = partOf(rel.data.Target);
  }
  const sheets: SheetMeta[] = [];
  for (const m of workbookXml.matchAll(/<(?:\w+:)?sheet\s[^>]*>/g)) {
    const tag = attrs(m[0]);
    const parsed = sheetTag.safeParse({ ...tag, 'r:id': tag['r:id'] ?? Object.entries(tag).find(([k]) => k.endsWith(':id'))?.[1] });
    if (!parsed.success) continue;
    const target = parsed.data['r:id'] ? targets.get(parsed.data['r:id']) : undefined;
    const part = target ? partOf(target) : null;
    sheets.push({ name: parsed.data.name, visible: (parsed.data.state ?? 'visible') === 'visible', part });
  }
  const marks = new Map<string, OperationId>();
  for (const m of workbookXml.matchAll(/<(?:\w+:)?definedName\s([^>]*)>([^<]*)<\/(?:\w+:)?definedName>/g)) {
    const name = attrs(m[1] as string).name;
    const op = name ? markedOperation(name) : null;
    const sheet = op ? referencedSheet(decodeXml(m[2] as string)) : null;
    if (op && sheet) marks.set(sheet, op);
  }
  const pr = /<(?:\w+:)?workbookPr\s[^>]*>/.exec(workbookXml);
  const date1904 = pr ? /date1904="(1|true)"/i.test(pr[0]) : false;
  return { sheets, date1904, sharedStrings, styles, marks };
}
