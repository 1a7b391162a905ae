// A job's attempts as they happen (one line per HTTP try of a call): which call and which try, how it
// ended, the ERP's status and message.
import type { JobAttemptView } from '../../../shared/contract';
import type { MessageKey } from '../../../shared/i18n';
import { useT } from '../hooks/use-app';

/** How an attempt ended, in words; an outcome the engine adds later shows as its code until it has some. */
const outcomes: Record<string, MessageKey> = {
  sending: 'ui.call.sending',
  answered: 'ui.call.answered',
  'rate-limited': 'ui.call.rateLimited',
  'credentials-refused': 'ui.call.credentialsRefused',
  'request-refused': 'ui.call.requestRefused',
  'wrong-address': 'ui.call.wrongAddress',
  'clock-skew': 'ui.call.clockSkew',
  'not-sent': 'ui.call.notSent',
  unknown: 'ui.call.unknown',
  reconciled: 'ui.call.reconciled',
};
const calm = new Set(['sending', 'answered', 'reconciled']);

const time = (iso: string) => (iso.length >= 19 ? new Date(iso).toLocaleTimeString() : iso);

export function AttemptList({ attempts }: { attempts: readonly JobAttemptView[] }) {
  const tr = useT();
  return (
    <section className="calls" aria-labelledby="calls-title">
      <h2 id="calls-title">{tr('ui.run.calls')}</h2>
      {attempts.length === 0 ? (
        <p className="muted">{tr('ui.run.noCalls')}</p>
      ) : (
        <table className="table" data-testid="attempt-list">
          <thead>
            <tr>
              <th scope="col">{tr('ui.run.time')}</th>
              <th scope="col">{tr('ui.run.call')}</th>
              <th scope="col">{tr('ui.run.orders')}</th>
              <th scope="col">{tr('ui.run.outcome')}</th>
              <th scope="col">{tr('ui.run.erp')}</th>
              <th scope="col">{tr('ui.run.duration')}</th>
            </tr>
          </thead>
          <tbody aria-live="polite">
            {attempts.map((c) => (
              <tr key={`${c.call}:${c.attempt}`} className={calm.has(c.outcome) ? '' : 'call-trouble'}>
                <td>{time(c.at)}</td>
                <td>{c.attempt > 1 ? tr('ui.run.callAttempt', { call: c.call, attempt: c.attempt }) : c.call}</td>
                <td>{c.orders}</td>
                <td>{outcomes[c.outcome] ? tr(outcomes[c.outcome] as MessageKey) : c.outcome}</td>
                <td className="erp-message">
                  {[c.httpStatus === null ? '' : `HTTP ${c.httpStatus}`, c.erpStatus === null ? '' : tr('ui.call.erpStatus', { status: c.erpStatus }), c.erpMessage ?? ''].filter(Boolean).join(' · ')}
                </td>
                <td>{c.durationMs === null ? '' : `${c.durationMs} ms`}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
