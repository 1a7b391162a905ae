// The sandbox's document kinds: a new kind is one file in this folder and one line here
// (docs/adding-a-method.md). Order is the data file's and the state endpoint's.
import { providerGoods } from '../masterdata';
import type { DocumentKind } from './kit';
import { otherIns } from './other-ins';
import { providers } from './providers';
import { purchaseReturns } from './purchase-returns';
import { specs } from './specs';
import { stockins } from './stockins';
import { warehouses } from './warehouses';

export const builtInDocuments: readonly DocumentKind[] = [
  warehouses,
  providers,
  specs,
  purchaseReturns,
  otherIns,
  stockins,
  providerGoods,
];
