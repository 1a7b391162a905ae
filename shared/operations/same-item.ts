// createOrder's check across an order's lines: the same spec_no twice. The ERP refuses it (货品 X 重复!,
// 货品列表中有相同商家编码的货品！) unless it is set to allow one item on several lines that differ in batch or
// expiry — a setting we cannot see, so such lines are a warning and identical ones an error.
import type { LineFinding, LineValues } from './types';

/** What tells two lines of the same item apart for the ERP: batch and expiry (empty counts as a value). */
const variantOf = (line: LineValues): string => JSON.stringify([line.values.batch_no ?? '', line.values.expire_date ?? '']);

export function sameItemFindings(key: string, lines: readonly LineValues[]): LineFinding[] {
  const findings: LineFinding[] = [];
  // spec_no → the first row of each batch/expiry variant seen so far
  const seen = new Map<string, Map<string, number>>();
  for (const line of lines) {
    const spec = line.values.spec_no;
    if (typeof spec !== 'string') continue;
    const variant = variantOf(line);
    let variants = seen.get(spec);
    if (!variants) {
      variants = new Map();
      seen.set(spec, variants);
    }
    const sameVariant = variants.get(variant);
    if (sameVariant !== undefined) {
      findings.push({ row: line.row, field: 'spec_no', severity: 'error', text: { key: 'operations.order.sameItem', params: { key, spec, row: sameVariant } } });
      continue;
    }
    const [firstRow] = variants.values();
    if (firstRow !== undefined) {
      findings.push({ row: line.row, field: 'spec_no', severity: 'warning', text: { key: 'operations.order.sameItemOtherBatch', params: { key, spec, row: firstRow } } });
    }
    variants.set(variant, line.row);
  }
  return findings;
}
