// The four master-data lists kept per profile, the ERP method behind each, how each is asked for (a
// modified-time window of at most 30 days and pages, or — supplier↔SKU, whose page has no time — the
// whole list in pages) and how its answer becomes records. Pure: main/masterdata does the calls.
import { z } from 'zod';
import { parseErpTime } from '../operations/erp-time';
import { looseInt, looseText } from '../operations/outcome-kit';

export const listIds = ['warehouses', 'providers', 'specs', 'providerGoods'] as const;
export type ListId = (typeof listIds)[number];

/** One record of a code list (warehouses, providers, specs). */
export interface CodeRecord {
  code: string;
  name: string;
  /** 停用 / 已删除 in the ERP: known, but a create naming it will be refused. */
  inactive: boolean;
  /** Last modified (epoch ms); null when the answer did not say. */
  modifiedMs: number | null;
  /** The goods number of a spec (specs only). */
  group?: string;
}

export interface LinkRecord {
  provider: string;
  spec: string;
  inactive: boolean;
}

export type ListPage = { kind: 'codes'; records: CodeRecord[]; total: number | null } | { kind: 'links'; records: LinkRecord[]; total: number | null };

export interface ListDef {
  id: ListId;
  method: string;
  /** Windowed lists are refreshed by modified time; the others are read whole every time. */
  windowed: boolean;
  /** The positional arguments for one call: `window` in the ERP's 'yyyy-MM-dd HH:mm:ss'. */
  args(window: { start: string; end: string } | null): unknown[];
  /** The page's records, or null when the answer cannot be read (status 0 but not the documented shape). */
  parse(data: unknown): ListPage | null;
}

const flag = z.union([z.boolean(), looseInt.transform((n) => n !== 0)]);
const time = z.union([z.string(), z.number()]).nullish();
const total = looseInt.optional();

const warehouseData = z.looseObject({
  total_count: total,
  details: z.array(z.looseObject({ warehouse_no: looseText, name: looseText.nullish(), is_disabled: flag.nullish(), modified: time })).nullish(),
});
const providerData = z.looseObject({
  total_count: total,
  details: z
    .array(z.looseObject({ provider_no: looseText, provider_name: looseText.nullish(), is_disabled: flag.nullish(), deleted: flag.nullish(), modified: time }))
    .nullish(),
});
const goodsData = z.looseObject({
  total_count: total,
  goods_list: z
    .array(
      z.looseObject({
        goods_no: looseText.nullish(),
        goods_name: looseText.nullish(),
        deleted: flag.nullish(),
        modified: time,
        spec_list: z
          .array(z.looseObject({ spec_no: looseText, spec_name: looseText.nullish(), deleted: flag.nullish(), spec_modified: time }))
          .nullish(),
      }),
    )
    .nullish(),
});
const providerGoodsData = z.looseObject({
  total_count: total,
  details: z.array(z.looseObject({ provider_no: looseText, spec_no: looseText, is_disabled: flag.nullish() })).nullish(),
});

/** 货品名称 with its 规格名称 when the spec has a name of its own. */
const specName = (goods: string, spec: string): string => (spec && spec !== goods ? `${goods} ${spec}`.trim() : goods || spec);

const totalOf = (n: number | undefined): number | null => (n === undefined ? null : n);

export const listDefs: Record<ListId, ListDef> = {
  warehouses: {
    id: 'warehouses',
    method: 'setting.Warehouse.queryWarehouse',
    windowed: true,
    // hide_delete 0: stopped warehouses too, so the copy learns a warehouse was stopped.
    args: (w) => [{ ...(w ? { start_time: w.start, end_time: w.end } : {}), hide_delete: 0 }],
    parse(data) {
      const d = warehouseData.safeParse(data);
      if (!d.success) return null;
      const records = (d.data.details ?? []).map((x) => ({ code: x.warehouse_no.trim(), name: x.name ?? '', inactive: x.is_disabled === true, modifiedMs: parseErpTime(x.modified) }));
      return { kind: 'codes', records, total: totalOf(d.data.total_count) };
    },
  },
  providers: {
    id: 'providers',
    method: 'setting.PurchaseProvider.queryDetail',
    windowed: true,
    args: (w) => [w ? { modified_begin: w.start, modified_end: w.end } : {}],
    parse(data) {
      const d = providerData.safeParse(data);
      if (!d.success) return null;
      const records = (d.data.details ?? []).map((x) => ({
        code: x.provider_no.trim(),
        name: x.provider_name ?? '',
        inactive: x.is_disabled === true || x.deleted === true,
        modifiedMs: parseErpTime(x.modified),
      }));
      return { kind: 'codes', records, total: totalOf(d.data.total_count) };
    },
  },
  specs: {
    id: 'specs',
    method: 'goods.Goods.queryWithSpec',
    windowed: true,
    // hide_deleted 0: deleted SKUs too, so the copy learns a SKU was deleted.
    args: (w) => [{ ...(w ? { start_time: w.start, end_time: w.end } : {}), hide_deleted: 0 }],
    parse(data) {
      const d = goodsData.safeParse(data);
      if (!d.success) return null;
      const records: CodeRecord[] = [];
      for (const g of d.data.goods_list ?? []) {
        for (const s of g.spec_list ?? []) {
          records.push({
            code: s.spec_no.trim(),
            name: specName(g.goods_name ?? '', s.spec_name ?? ''),
            inactive: s.deleted === true || g.deleted === true,
            modifiedMs: parseErpTime(s.spec_modified) ?? parseErpTime(g.modified),
            group: g.goods_no ?? '',
          });
        }
      }
      return { kind: 'codes', records, total: totalOf(d.data.total_count) };
    },
  },
  providerGoods: {
    id: 'providerGoods',
    method: 'purchase.ProviderGoods.queryDetail',
    windowed: false,
    // No business parameters: the page's 全量获取数据.
    args: () => [{}],
    parse(data) {
      const d = providerGoodsData.safeParse(data);
      if (!d.success) return null;
      const records = (d.data.details ?? []).map((x) => ({ provider: x.provider_no.trim(), spec: x.spec_no.trim(), inactive: x.is_disabled === true }));
      return { kind: 'links', records, total: totalOf(d.data.total_count) };
    },
  },
};
