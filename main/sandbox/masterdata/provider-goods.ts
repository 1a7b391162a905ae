// Which supplier supplies which SKU (供应商货品), a sandbox document kind of its own: persisted with
// the rest, seeded to agree with the create samples (P001 the shirts, LJTest the pages' examples). The
// master-data query methods are registered with it (their handlers read the other kinds too).
import { z } from 'zod';
import { defineDocument } from '../documents/kit';
import { masterdataMethods } from './methods';

export const providerGoodsSchema = z.object({
  provider_no: z.string(),
  spec_no: z.string(),
  is_disabled: z.boolean().default(false),
});
export type ProviderGoodsLink = z.infer<typeof providerGoodsSchema>;

const seedLinks: readonly [string, string][] = [
  ['P001', 'SKU-TS-RED-M'],
  ['P001', 'SKU-TS-RED-L'],
  ['P001', 'SKU-TS-BLU-M'],
  ['P001', 'SKU-JK-BLK-XL'],
  ['P001', 'SKU-CAP-01'],
  ['P001', 'SKU-000123'],
  ['P002', 'SKU-CAP-01'],
  ['P002', 'SKU-BAG-02'],
  ['P002', 'SKU-SOCK-03'],
  ['LJTest', 'xiaowanzi'],
  ['LJTest', 'daba1'],
  ['P-STOPPED', 'SKU-SOCK-03'],
];

export const providerGoods = defineDocument<ProviderGoodsLink>({
  table: 'providerGoods',
  schema: providerGoodsSchema,
  keyOf: (l) => `${l.provider_no}\t${l.spec_no}`,
  seed: () => seedLinks.map(([provider_no, spec_no]) => ({ provider_no, spec_no, is_disabled: false })),
  // Read when the registry dispatches, not when this module loads: the handlers read this kind's table.
  get methods() {
    return masterdataMethods;
  },
});
