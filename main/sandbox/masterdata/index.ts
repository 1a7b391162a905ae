// The sandbox's master-data methods, registered in the server's method table by one spread.
import type { MethodHandler } from '../handler-kit';
import { queryProvider, queryProviderGoods, queryWarehouse, queryWithSpec } from './handlers';

export const masterdataMethods: Record<string, MethodHandler> = {
  'setting.Warehouse.queryWarehouse': queryWarehouse,
  'setting.PurchaseProvider.queryDetail': queryProvider,
  'goods.Goods.queryWithSpec': queryWithSpec,
  'purchase.ProviderGoods.queryDetail': queryProviderGoods,
};

export { masterdataOf, SandboxMasterdata } from './catalog';
export { windowRefusals } from './query-kit';
