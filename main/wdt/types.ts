// The ERP client's seam: what a call needs and every way a call can end.
import type { ErpAnswer } from '../../shared/operations/types';
import type { LocalizedText } from '../../shared/i18n';
import type { AccountRefusal } from './classify';

/** Who we are to the ERP. `secret` never travels and never leaves the client; `salt` is sent. */
export interface WdtCredentials {
  sid: string;
  appkey: string;
  secret: string;
  salt: string;
}

export interface CallSpec {
  /** API method name, e.g. `purchase.PurchaseReturn.pending`. */
  method: string;
  /** The exact JSON body that is sent and signed (see shared/operations/json-body.ts). */
  body: string;
  /** Paged calls (queryWithDetail): page_size, page_no (from 0), calc_total. */
  paging?: { pageSize: number; pageNo: number; calcTotal?: boolean };
  /** Seconds without an answer before the outcome counts as unknown (profile setting). */
  timeoutMs?: number;
}

interface Timed {
  /** HTTP status when a response arrived. */
  httpStatus?: number;
  durationMs: number;
  /** The ERP's message (or a description of the transport failure), for the audit trail. Never a secret. */
  message: string;
  /** Our own wording of `message` (transport failures), so a front end can show it in the reader's language. */
  text?: LocalizedText;
  /** How many HTTP attempts the call took (2 when the timestamp was corrected and resent). */
  attempts?: number;
  /** The ERP's top-level status when it answered one (whole-call refusals keep it for the audit trail). */
  erpStatus?: number;
}

/**
 * Every way a call ends. Business refusals are `answered` with erp.status > 0; the operation's
 * outcomes() turns them into per-order results.
 */
export type CallResult =
  | (Timed & { kind: 'answered'; erp: ErpAnswer })
  /** The vendor's per-minute or concurrency limit: nothing was done; slow down and retry. */
  | (Timed & { kind: 'rate-limited' })
  /** The account as a whole was refused (secret, sid, IP, dynamic password, method permission): stop the job, nothing failed. */
  | (Timed & { kind: 'credentials-refused'; refusal: AccountRefusal; method: string })
  /** Our request was malformed (the vendor's codes 1 参数错误…, 2, 8): our bug; stop the job loudly, nothing failed. */
  | (Timed & { kind: 'request-refused'; method: string })
  /** The base URL does not lead to the API (404/405, an HTML page): stop the job; `url` is the endpoint tried. */
  | (Timed & { kind: 'wrong-address'; url: string })
  /** The timestamp was refused even after correcting from the server's clock. */
  | (Timed & { kind: 'clock-skew' })
  /** Failed before the request could have reached the ERP (DNS, connection refused): safe to resend. */
  | (Timed & { kind: 'not-sent' })
  /** The request may have reached the ERP and the answer is lost (timeout, reset, 5xx, not JSON, codes 4/5/99): the ERP may have acted. */
  | (Timed & { kind: 'unknown' });

export type CallKind = CallResult['kind'];

export interface WdtClient {
  call(spec: CallSpec): Promise<CallResult>;
  /** Server clock − local clock (ms), as learned from the last answer's Date header (0 before any). */
  readonly clockOffsetMs: number;
}
