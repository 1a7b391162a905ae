// Suppliers (供应商): master data the purchase-return methods look up; no method of their own yet.
import { z } from 'zod';
import { defineDocument } from './kit';

export const providerSchema = z.object({
  provider_no: z.string(),
  name: z.string().default(''),
  /** When set, an is_check create with this provider is created but its check (审核) fails with this reason. */
  checkFails: z.string().optional(),
});
export type Provider = z.infer<typeof providerSchema>;

export const providers = defineDocument<Provider>({
  table: 'providers',
  schema: providerSchema,
  keyOf: (p) => p.provider_no,
  seed: () => [
    { provider_no: 'P001', name: '华东纺织有限公司' },
    { provider_no: 'P002', name: '宏达服饰配件厂' },
    { provider_no: 'LJTest', name: '测试供应商（文档示例）' },
    // Seeded check failure: an is_check create with this provider answers data.status 20 审核失败.
    { provider_no: 'P-STOPPED', name: '已停用供应商', checkFails: '审核失败：供应商已停用' },
  ],
  methods: {},
});
