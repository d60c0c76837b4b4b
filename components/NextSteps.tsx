import { type NextStep, stepText } from '../lib/guidance/steps';
import type { Translate } from '../lib/guidance/translate';

/**
 * The next steps, most important first, as text: a step is not a button. A step with a page has a
 * link beside it that names where it goes (the site), and opens it in a new tab.
 */
export function NextSteps(props: {
  steps: NextStep[];
  headingId: string;
  /** Opens the question "Partner or Customer?", for the step that asks it. */
  onAskAudience?(): void;
  t: Translate;
}) {
  const { t } = props;
  if (props.steps.length === 0) return null;
  return (
    <div class="next-steps">
      <h3 id={props.headingId}>{t('popup.nextSteps')}</h3>
      <ol>
        {props.steps.map((step) => (
          <li key={step.id} data-step={step.id}>
            {stepText(step, t)}{' '}
            {step.url ? (
              <a href={step.url} target="_blank" rel="noreferrer">
                {new URL(step.url).host}
              </a>
            ) : step.id === 'tellAudience' && props.onAskAudience ? (
              <button type="button" class="link-button" onClick={props.onAskAudience}>
                {t('profile.question')}
              </button>
            ) : null}
          </li>
        ))}
      </ol>
    </div>
  );
}
