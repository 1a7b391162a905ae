// The ERP client's public face.
export { HttpWdtClient, endpointOf, type HttpWdtClientOptions } from './client';
export { refusalText, requestRefusedText, wrongAddressText } from './refusals';
export { parseAppSecret, signParams, wdtTimestamp, wdtEpochSeconds, type AppSecretParts } from './sign';
export {
  classifyAnswer,
  classifyTransportError,
  isWrongAddress,
  malformedRequestPatterns,
  accountRefusals,
  type AccountRefusal,
  notSentCodes,
  parseAnswer,
  rateLimitMessages,
} from './classify';
export type { CallKind, CallResult, CallSpec, WdtClient, WdtCredentials } from './types';
