// The new-job flow's screens, one at a time: import → mapping (when needed) → review → submit → run → results.
import { useCallback } from 'react';
import type { FileTicket } from '../../../shared/contract';
import type { Result } from '../../../shared/result';
import type { Flow } from '../hooks/use-flow';
import type { Shell } from '../hooks/use-shell';
import { ImportScreen } from './import-screen';
import { MappingNotice, MappingScreen } from './mapping-screen';
import { ResultsScreen } from './results-screen';
import { ReviewScreen } from './review-screen';
import { RunScreen } from './run-screen';
import { SubmitScreen } from './submit-screen';

interface Props {
  flow: Flow;
  shell: Shell;
  onTicket(got: Result<FileTicket | null>): void;
  /** A ticket the clerk asked this screen for (the fixed to-fix sheet): taken without asking. */
  onOwnTicket(got: Result<FileTicket | null>): void;
}

export function WorkScreens({ flow, shell, onTicket, onOwnTicket }: Props) {
  const { goto } = flow;
  const toResults = useCallback(() => goto('results'), [goto]);
  if ((flow.step === 'run' || flow.step === 'results') && flow.jobId) {
    return flow.step === 'run' ? (
      <RunScreen key={flow.jobId} jobId={flow.jobId} onDone={toResults} />
    ) : (
      <ResultsScreen key={flow.jobId} jobId={flow.jobId} browser={shell.info?.mode === 'browser'} onTicket={onOwnTicket} onNew={flow.startOver} onOpenJob={flow.openJob} />
    );
  }
  if (flow.step === 'submit' && flow.summary) {
    // The sample goes to the built-in sandbox only (main refuses any other profile for it too).
    const offered = flow.summary.sandboxOnly ? shell.profiles.filter((p) => p.builtin) : shell.profiles;
    return (
      <SubmitScreen
        summary={flow.summary}
        withdrawn={flow.withdrawn}
        profiles={offered}
        profile={shell.profile}
        onProfile={shell.chooseProfile}
        onBack={() => flow.goto('review')}
        onStarted={(jobId) => flow.openJob(jobId, 'run')}
      />
    );
  }
  if (flow.step === 'mapping' && flow.summary && flow.ticket) {
    return <MappingScreen key={flow.summary.importId} ticket={flow.ticket} summary={flow.summary} onReviewed={flow.reviewed} onStartOver={flow.startOver} />;
  }
  if ((flow.step === 'review' || flow.step === 'submit') && flow.summary && flow.ticket) {
    return (
      <>
        <MappingNotice summary={flow.summary} onChange={() => flow.goto('mapping')} />
        <ReviewScreen
          ticket={flow.ticket}
          summary={flow.summary}
          withdrawn={flow.withdrawn}
          // The review's counts come from a preview; the sample's may only name the built-in sandbox.
          profileName={(flow.summary.sandboxOnly ? shell.profiles.find((p) => p.builtin)?.name : shell.profile?.name) ?? null}
          onWithdrawn={flow.setWithdrawn}
          onReviewed={flow.reviewed}
          onNext={() => flow.goto('submit')}
          onStartOver={flow.startOver}
        />
      </>
    );
  }
  return <ImportScreen ticket={flow.ticket} onTicket={onTicket} onRead={flow.reviewed} />;
}
