// Warehouses (仓库): master data the purchase-return methods look up; no method of their own yet.
import { z } from 'zod';
import { defineDocument } from './kit';

export const warehouseSchema = z.object({
  warehouse_no: z.string(),
  name: z.string().default(''),
  /** The API account (its employee) has no rights on this warehouse: creates there answer 100 无仓库访问权限. */
  noAccess: z.boolean().optional(),
});
export type Warehouse = z.infer<typeof warehouseSchema>;

export const warehouses = defineDocument<Warehouse>({
  table: 'warehouses',
  schema: warehouseSchema,
  keyOf: (w) => w.warehouse_no,
  seed: () => [
    { warehouse_no: 'WH001', name: '上海主仓' },
    { warehouse_no: 'WH002', name: '北京仓' },
    { warehouse_no: 'wdtapi3-test', name: '接口测试仓（文档示例）' },
    { warehouse_no: 'WH-LOCKED', name: '接口账号无权限的仓库', noAccess: true },
  ],
  methods: {},
});
