// The sandbox's four master-data query methods, by API method name (registered with the provider-goods kind).
import type { MethodHandler } from '../handler-kit';
import { queryProvider, queryProviderGoods, queryWarehouse, queryWithSpec } from './handlers';

export const masterdataMethods: Record<string, MethodHandler> = {
  'setting.Warehouse.queryWarehouse': queryWarehouse,
  'setting.PurchaseProvider.queryDetail': queryProvider,
  'goods.Goods.queryWithSpec': queryWithSpec,
  'purchase.ProviderGoods.queryDetail': queryProviderGoods,
};
