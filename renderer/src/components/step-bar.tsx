// Where the clerk is in the new-job flow: import → mapping → review → submit → run → results.
import type { Step } from '../hooks/use-flow';
import { useT } from '../hooks/use-app';

const steps: readonly Step[] = ['import', 'mapping', 'review', 'submit', 'run', 'results'];

export function StepBar({ step }: { step: Step }) {
  const tr = useT();
  const at = steps.indexOf(step);
  return (
    <ol className="steps" aria-label={tr('ui.steps.label')}>
      {steps.map((s, i) => (
        <li key={s} className={i === at ? 'step step-current' : i < at ? 'step step-done' : 'step'} aria-current={i === at ? 'step' : undefined}>
          <span className="step-no">{i + 1}</span> {tr(`ui.steps.${s}`)}
        </li>
      ))}
    </ol>
  );
}
