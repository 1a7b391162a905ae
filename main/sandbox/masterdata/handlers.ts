// The four master-data query methods of the sandbox ERP, with the request and answer shapes of their
// pages in shared/vendor/: setting.Warehouse.queryWarehouse, setting.PurchaseProvider.queryDetail,
// goods.Goods.queryWithSpec (times by modified window, at most 30 days) and
// purchase.ProviderGoods.queryDetail (no time at all: filters or everything). Times are answered as
// the pages' examples do: epoch ms, except queryWithSpec's goods-level `modified` string.
import { z } from 'zod';
import { formatChinaTime } from '../documents/kit';
import { refuse, type MethodHandler } from '../handler-kit';
import { masterdataOf } from './catalog';
import { providerGoods } from './provider-goods';
import { flag, inWindow, pageOf, pagingRefusal, windowOf } from './query-kit';

const text = z.union([z.string(), z.number()]).transform((v) => String(v).trim()).optional();
const params = z.looseObject({
  warehouse_no: text,
  provider_no: text,
  spec_no: text,
  goods_no: text,
  start_time: text,
  end_time: text,
  modified_begin: text,
  modified_end: text,
  hide_delete: z.unknown().optional(),
  hide_deleted: z.unknown().optional(),
  is_disabled: z.unknown().optional(),
});
/** The body is `[params]`; an absent params object reads as empty (ProviderGoods: "everything"). */
const paramsOf = (raw: unknown) => params.safeParse(raw ?? {});

export const queryWarehouse: MethodHandler = ([raw], ctx) => {
  const p = paramsOf(raw);
  if (!p.success) return refuse('params参数格式错误');
  const paged = pagingRefusal(ctx);
  if (paged) return paged;
  let list = masterdataOf(ctx.state).warehouses();
  if (p.data.warehouse_no) list = list.filter((w) => w.warehouse_no === p.data.warehouse_no);
  else {
    const w = windowOf(p.data.start_time, p.data.end_time, ctx.nowMs);
    if (typeof w === 'string') return refuse(w);
    list = list.filter((x) => inWindow(x.modifiedMs, w));
  }
  // 默认隐藏已删除 (hide_delete 1): a client that keeps a copy asks for them too, to learn of stops.
  if (flag(p.data.hide_delete, true)) list = list.filter((x) => !x.is_disabled);
  list.sort((a, b) => a.modifiedMs - b.modifiedMs || a.warehouse_no.localeCompare(b.warehouse_no));
  const details = list.map((x, i) => ({
    warehouse_id: i + 1,
    warehouse_no: x.warehouse_no,
    name: x.name,
    type: 1,
    sub_type: 0,
    is_disabled: x.is_disabled,
    modified: x.modifiedMs,
    created: formatChinaTime(x.modifiedMs),
  }));
  return pageOf(details, 'details', ctx);
};

export const queryProvider: MethodHandler = ([raw], ctx) => {
  const p = paramsOf(raw);
  if (!p.success) return refuse('params参数格式错误');
  const paged = pagingRefusal(ctx);
  if (paged) return paged;
  let list = masterdataOf(ctx.state).providers();
  if (p.data.provider_no) list = list.filter((x) => x.provider_no === p.data.provider_no);
  else {
    const w = windowOf(p.data.modified_begin, p.data.modified_end, ctx.nowMs);
    if (typeof w === 'string') return refuse(w);
    list = list.filter((x) => inWindow(x.modifiedMs, w));
  }
  if (p.data.is_disabled !== undefined) list = list.filter((x) => x.is_disabled === flag(p.data.is_disabled, false));
  list.sort((a, b) => a.modifiedMs - b.modifiedMs || a.provider_no.localeCompare(b.provider_no));
  const details = list.map((x, i) => ({
    provider_id: i + 1,
    provider_no: x.provider_no,
    provider_name: x.provider_name,
    is_disabled: x.is_disabled,
    deleted: 0,
    modified: x.modifiedMs,
    created: x.modifiedMs,
  }));
  return pageOf(details, 'details', ctx);
};

/** Goods whose goods or any spec changed in the window, each with all its specs; paged by goods. */
export const queryWithSpec: MethodHandler = ([raw], ctx) => {
  const p = paramsOf(raw);
  if (!p.success) return refuse('params参数格式错误');
  const paged = pagingRefusal(ctx);
  if (paged) return paged;
  const hideDeleted = flag(p.data.hide_deleted, true);
  let specs = masterdataOf(ctx.state).specs().filter((s) => !hideDeleted || !s.deleted);
  const byNumber = p.data.spec_no || p.data.goods_no;
  if (byNumber) {
    specs = specs.filter((s) => (!p.data.spec_no || s.spec_no === p.data.spec_no) && (!p.data.goods_no || s.goods_no === p.data.goods_no));
  } else if (p.data.start_time || p.data.end_time) {
    // end_time: 不填默认为当前时间.
    const w = windowOf(p.data.start_time, p.data.end_time, ctx.nowMs, true);
    if (typeof w === 'string') return refuse(w);
    const touched = new Set(specs.filter((s) => inWindow(s.modifiedMs, w)).map((s) => s.goods_no));
    specs = specs.filter((s) => touched.has(s.goods_no));
  } else return refuse('参数中必须包含起止时间');
  const goods = new Map<string, typeof specs>();
  for (const s of specs) goods.set(s.goods_no, [...(goods.get(s.goods_no) ?? []), s]);
  const list = [...goods.entries()]
    .map(([goodsNo, group]) => ({ goodsNo, group, modifiedMs: Math.max(...group.map((s) => s.modifiedMs)) }))
    .sort((a, b) => a.modifiedMs - b.modifiedMs || a.goodsNo.localeCompare(b.goodsNo))
    .map(({ goodsNo, group, modifiedMs }, i) => ({
      goods_id: i + 1,
      goods_no: goodsNo,
      goods_name: group[0]!.goods_name,
      deleted: group.every((s) => s.deleted) ? 1 : 0,
      modified: formatChinaTime(modifiedMs),
      goods_modified: modifiedMs,
      spec_list: group.map((s, j) => ({
        goods_id: i + 1,
        spec_id: (i + 1) * 100 + j,
        spec_no: s.spec_no,
        spec_name: s.spec_name,
        deleted: s.deleted ? 1 : 0,
        spec_modified: s.modifiedMs,
        barcode_list: [],
      })),
    }));
  return pageOf(list, 'goods_list', ctx);
};

/** 不传入业务请求参数的情况下，全量获取数据: filters narrow, nothing else. */
export const queryProviderGoods: MethodHandler = ([raw], ctx) => {
  const p = paramsOf(raw);
  if (!p.success) return refuse('params参数格式错误');
  const paged = pagingRefusal(ctx);
  if (paged) return paged;
  const md = masterdataOf(ctx.state);
  const specByNo = new Map(md.specs().map((s) => [s.spec_no, s]));
  const nameOf = new Map(md.providers().map((x) => [x.provider_no, x.provider_name]));
  const list = [...ctx.state.table(providerGoods).values()]
    .filter((l) => (!p.data.provider_no || l.provider_no === p.data.provider_no) && (!p.data.spec_no || l.spec_no === p.data.spec_no))
    .sort((a, b) => a.provider_no.localeCompare(b.provider_no) || a.spec_no.localeCompare(b.spec_no))
    .map((l) => {
      const spec = specByNo.get(l.spec_no);
      return {
        provider_no: l.provider_no,
        provider_name: nameOf.get(l.provider_no) ?? '',
        spec_no: l.spec_no,
        spec_name: spec?.spec_name ?? '',
        goods_no: spec?.goods_no ?? '',
        goods_name: spec?.goods_name ?? '',
        is_master: true,
        is_disabled: l.is_disabled,
      };
    });
  return pageOf(list, 'details', ctx);
};
