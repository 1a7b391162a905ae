// The sandbox ERP's public face: what services, the CLI and tests import.
export { startSandbox, rateLimitMessage, concurrencyLimitMessage, type Sandbox, type SandboxOptions } from './server';
export { sandboxCredentials } from './credentials';
export { SandboxState, type SandboxCounters } from './state';
export { faultKinds, type Fault, type FaultKind, type SandboxOptionsPatch, type SandboxRuntimeOptions } from './options';
export { sandboxMethods, addDocumentKind, addSandboxMethod, documentKinds, type SandboxData } from './registry';
export { defineDocument, type DocumentKind } from './documents/kit';
export { refuse, stringList, type MethodHandler, type HandlerContext, type SandboxAnswer } from './handler-kit';
export { returnStatus, stockoutStatus, type PurchaseReturn } from './documents/purchase-return-model';
export { purchaseReturns } from './documents/purchase-returns';
export { otherInStatus, otherIns, type OtherInDoc } from './documents/other-ins';
export { stockinStatus, stockins, type StockinDoc } from './documents/stockins';
