// What the job says when a call stops it: every whole-call refusal becomes an interrupted run with a
// reason naming what to fix (the profile, the clock, or — a malformed request — our own defect).
import { refusalText, requestRefusedText, wrongAddressText } from '../wdt/refusals';
import type { CallResult } from '../wdt/types';
import type { RunEnd } from './runner';

type Halting = Extract<CallResult, { kind: 'credentials-refused' | 'request-refused' | 'wrong-address' | 'clock-skew' }>;

export function haltOf(result: Halting): Extract<RunEnd, { kind: 'interrupted' }> {
  switch (result.kind) {
    case 'credentials-refused':
      return { kind: 'interrupted', reason: refusalText(result), code: 'CREDENTIALS_REFUSED' };
    case 'request-refused':
      return { kind: 'interrupted', reason: requestRefusedText(result), code: 'REQUEST_REFUSED' };
    case 'wrong-address':
      return { kind: 'interrupted', reason: wrongAddressText(result), code: 'WRONG_ADDRESS' };
    case 'clock-skew':
      return { kind: 'interrupted', reason: { key: 'jobs.interrupted.clock' }, code: 'CLOCK_SKEW' };
  }
}
