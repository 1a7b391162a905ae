// The sandbox's master data: the provider-goods document kind (registered in documents/index.ts) with
// the four query methods, and the overlay tests use to change master data between refreshes.
export { providerGoods } from './provider-goods';
export { masterdataMethods } from './methods';
export { masterdataOf, SandboxMasterdata } from './catalog';
export { windowRefusals } from './query-kit';
