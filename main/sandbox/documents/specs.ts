// Goods specs (单品, by 商家编码 spec_no): master data createOrder looks up; no method of their own yet.
import { z } from 'zod';
import { defineDocument } from './kit';

export const specSchema = z.object({ spec_no: z.string(), goods_name: z.string().default('') });
export type Spec = z.infer<typeof specSchema>;

export const specs = defineDocument<Spec>({
  table: 'specs',
  schema: specSchema,
  keyOf: (s) => s.spec_no,
  seed: () => [
    { spec_no: 'SKU-TS-RED-M', goods_name: '纯棉T恤 红色 M' },
    { spec_no: 'SKU-TS-RED-L', goods_name: '纯棉T恤 红色 L' },
    { spec_no: 'SKU-TS-BLU-M', goods_name: '纯棉T恤 蓝色 M' },
    { spec_no: 'SKU-JK-BLK-XL', goods_name: '夹克 黑色 XL' },
    { spec_no: 'SKU-CAP-01', goods_name: '棒球帽' },
    { spec_no: 'SKU-BAG-02', goods_name: '帆布包' },
    { spec_no: 'SKU-SOCK-03', goods_name: '运动袜（三双装）' },
    { spec_no: 'SKU-000123', goods_name: '编码以零开头的货品' },
    // The seed pages' own examples, so their request bodies work as written.
    { spec_no: 'xiaowanzi', goods_name: '小丸子（文档示例）' },
    { spec_no: 'daba1', goods_name: '大坝（文档示例）' },
  ],
  methods: {},
});
