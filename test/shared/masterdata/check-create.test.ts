// The create-sheet check is pure: codes in, warnings and names out. The lookup here is a plain map of
// the same shape the store gives (md-store.ts), built with the same looseKey.
import { describe, expect, it } from 'vitest';
import { t } from '../../../shared/i18n';
import { checkCreateSheet, withWarnings, type CodeLookup, type MasterdataLookup, type SheetToCheck } from '../../../shared/masterdata/check-create';
import { looseKey } from '../../../shared/masterdata/loose-key';

function codes(entries: Record<string, string | { name: string; inactive: boolean }>): CodeLookup {
  const map = new Map(Object.entries(entries).map(([code, v]) => [code, typeof v === 'string' ? { name: v, inactive: false } : v]));
  return { asOf: '2026-11-25 09:00', get: (c) => map.get(c), near: (key) => [...map.keys()].filter((c) => looseKey(c) === key) };
}

const lookup = (overrides: Partial<MasterdataLookup> = {}): MasterdataLookup => ({
  warehouses: codes({ WH001: '上海主仓', WH002: { name: '北京仓', inactive: true } }),
  providers: codes({ P001: '华东纺织', P002: '宏达' }),
  specs: codes({ 'SKU-000123': '零开头', 'SKU-TS-RED-M': '红T恤 M', 'SKU-CAP-01': '帽子' }),
  supplies: { asOf: '2026-11-25 09:00', has: (p, s) => `${p}/${s}` === 'P001/SKU-TS-RED-M' || `${p}/${s}` === 'P002/SKU-CAP-01' },
  ...overrides,
});

const columns = [
  { header: '外部单号', field: 'outer_no' },
  { header: '仓库编码', field: 'warehouse_no' },
  { header: '供应商编号', field: 'provider_no' },
  { header: '商家编码', field: 'spec_no' },
];
function sheet(rows: [number, string, string, string, string][]): SheetToCheck {
  const orders = new Map<string, { rows: number[]; header: Record<string, string> }>();
  for (const [row, outer, warehouse, provider] of rows) {
    const order = orders.get(outer) ?? { rows: [], header: { outer_no: outer, warehouse_no: warehouse, provider_no: provider } };
    order.rows.push(row);
    orders.set(outer, order);
  }
  return {
    columns,
    rows: rows.map(([rowNumber, outer_no, warehouse_no, provider_no, spec_no]) => ({ rowNumber, values: { outer_no, warehouse_no, provider_no, spec_no } })),
    orders: [...orders.values()],
  };
}

describe('looseKey', () => {
  it('meets a code across spaces, case, full width and dropped leading zeros', () => {
    expect(looseKey(' ＳＫＵ－１２３ ')).toBe(looseKey('SKU-000123'));
    expect(looseKey('wh001')).toBe(looseKey('WH001'));
    expect(looseKey('123')).toBe(looseKey('00123'));
    expect(looseKey('SKU-124')).not.toBe(looseKey('SKU-000123'));
  });
});

describe('checkCreateSheet', () => {
  it('says nothing of known codes a supplier supplies, and names them for the grid', () => {
    const got = checkCreateSheet(sheet([[2, 'O1', 'WH001', 'P001', 'SKU-TS-RED-M']]), lookup());
    expect(got.problems).toEqual([]);
    expect(got.names).toEqual({ warehouse_no: { WH001: '上海主仓' }, provider_no: { P001: '华东纺织' }, spec_no: { 'SKU-TS-RED-M': '红T恤 M' } });
  });

  it('warns of unknown codes by row and column, with a "did you mean" for near ones', () => {
    const got = checkCreateSheet(
      sheet([
        [2, 'O1', 'wh001', 'P009', 'SKU-123'],
        [3, 'O2', 'WH404', 'P001', 'ＳＫＵ－ＣＡＰ－01'],
      ]),
      lookup(),
    );
    expect(got.problems.every((p) => p.severity === 'warning')).toBe(true);
    const byCell = Object.fromEntries(got.problems.map((p) => [`${p.row}:${p.column}`, t('zh-CN', p.text.key, p.text.params)]));
    expect(Object.keys(byCell).sort()).toEqual(['2:仓库编码', '2:供应商编号', '2:商家编码', '3:仓库编码', '3:商家编码']);
    expect(byCell['2:仓库编码']).toContain('是否应为 “WH001”');
    expect(byCell['2:商家编码']).toContain('是否应为 “SKU-000123”');
    expect(byCell['3:商家编码']).toContain('是否应为 “SKU-CAP-01”');
    expect(byCell['2:供应商编号']).toContain('“P009”不在');
    expect(byCell['2:供应商编号']).not.toContain('是否应为');
    expect(byCell['3:仓库编码']).toContain('2026-11-25 09:00');
  });

  it('warns of a SKU its supplier does not supply, and of a stopped warehouse', () => {
    const got = checkCreateSheet(sheet([[2, 'O1', 'WH002', 'P002', 'SKU-TS-RED-M']]), lookup());
    expect(got.problems.map((p) => [p.field, p.text.key])).toEqual([
      ['warehouse_no', 'masterdata.check.warehouse.inactive'],
      ['spec_no', 'masterdata.check.notSupplied'],
    ]);
    expect(got.names.warehouse_no).toEqual({ WH002: '北京仓' });
  });

  it('checks nothing against a list the copy does not have', () => {
    const got = checkCreateSheet(sheet([[2, 'O1', 'NOPE', 'P001', 'SKU-CAP-01']]), lookup({ warehouses: null, supplies: null }));
    expect(got.problems).toEqual([]);
  });

  it('finds the supplier of a continuation row in its order', () => {
    const s = sheet([[2, 'O1', 'WH001', 'P001', 'SKU-TS-RED-M']]);
    const withLine: SheetToCheck = { ...s, rows: [...s.rows, { rowNumber: 3, values: { outer_no: 'O1', spec_no: 'SKU-CAP-01' } }], orders: [{ rows: [2, 3], header: { provider_no: 'P001' } }] };
    const got = checkCreateSheet(withLine, lookup());
    expect(got.problems.map((p) => [p.row, p.text.key])).toEqual([[3, 'masterdata.check.notSupplied']]);
  });
});

describe('withWarnings', () => {
  it('adds each warning to its own row, after the row\'s own problems, and leaves other rows as they were', () => {
    const own = { row: 2, column: '退货数量', field: 'num', text: { key: 'masterdata.preview.notFound' as const }, severity: 'warning' as const };
    const rows = [
      { rowNumber: 2, problems: [own] },
      { rowNumber: 3, problems: [] },
    ];
    const got = checkCreateSheet(sheet([[2, 'O1', 'WH404', 'P001', 'SKU-TS-RED-M']]), lookup());
    const merged = withWarnings(rows, got.problems);
    expect(merged.at(0)!.problems.map((p) => p.field)).toEqual(['num', 'warehouse_no']);
    expect(merged.at(1)).toBe(rows.at(1));
  });
});
