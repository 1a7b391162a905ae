// The sandbox ERP's public face: what services, the CLI and tests import.
export { startSandbox, sandboxMethods, rateLimitMessage, concurrencyLimitMessage, type Sandbox, type SandboxOptions } from './server';
export { sandboxCredentials } from './credentials';
export { SandboxState, type SandboxCounters } from './state';
export { faultKinds, type Fault, type FaultKind, type SandboxOptionsPatch, type SandboxRuntimeOptions } from './options';
export type { SandboxData, PurchaseReturn, OtherInDoc, StockinDoc } from './model';
export { returnStatus, stockoutStatus, otherInStatus, stockinStatus } from './model';
