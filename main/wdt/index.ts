// The ERP client's public face.
export { HttpWdtClient, type HttpWdtClientOptions } from './client';
export { parseAppSecret, signParams, wdtTimestamp, wdtEpochSeconds, type AppSecretParts } from './sign';
export {
  classifyAnswer,
  classifyTransportError,
  credentialRefusalPatterns,
  notSentCodes,
  parseAnswer,
  rateLimitMessages,
  timestampRefusalPatterns,
} from './classify';
export type { CallKind, CallResult, CallSpec, WdtClient, WdtCredentials } from './types';
