// Result<T, AppError>: how expected failures travel out of services and across IPC.
// Bugs are thrown; anything a clerk or the ERP can cause is a value with a stable code.

/** Stable error codes. Add a code here (and its messages in shared/i18n) before using it. */
export const errorCodes = [
  'INVALID_ARGUMENT', // a caller (CLI, IPC) passed something malformed
  'FILE_NOT_FOUND',
  'FILE_UNREADABLE', // unreadable or not a spreadsheet
  'FILE_LEGACY_XLS', // .xls/.et: save as .xlsx
  'FILE_ENCRYPTED', // password-protected workbook
  'FILE_TOO_LARGE', // over a size/row/zip limit (the limit is in the message)
  'SHEET_NOT_FOUND',
  'OPERATION_UNKNOWN', // headers match no operation, or several: the person must pick
  'NO_VALID_ROWS',
  'PROFILE_NOT_FOUND',
  'PROFILE_INVALID',
  'KEYCHAIN_UNAVAILABLE',
  'SECRET_MISSING',
  'CREDENTIALS_REFUSED',
  'CLOCK_SKEW',
  'ERP_UNREACHABLE',
  'CONFIRMATION_REQUIRED', // production submit without confirmation
  'JOB_NOT_FOUND',
  'JOB_STATE', // the job is not in a state that allows this
  'IPC_FORBIDDEN', // a foreign sender
  'STORE_FAILED', // the job store (data folder) cannot be used: disk full, unwritable, damaged, newer schema
  'INTERNAL',
] as const;
export type ErrorCode = (typeof errorCodes)[number];

export interface AppError {
  code: ErrorCode;
  /** Human-readable, already in the user's language. Never holds a secret. */
  message: string;
  /** Optional structured detail (file, sheet, row, column, limit…), safe to show and log. */
  details?: Record<string, unknown>;
}

export type Result<T, E = AppError> = { ok: true; value: T } | { ok: false; error: E };

export const ok = <T>(value: T): Result<T, never> => ({ ok: true, value });
export const err = <E = AppError>(error: E): Result<never, E> => ({ ok: false, error });
export const appError = (code: ErrorCode, message: string, details?: Record<string, unknown>): AppError =>
  details ? { code, message, details } : { code, message };
