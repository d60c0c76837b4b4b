import { type NextStep, stepText } from '../lib/guidance/steps';
import type { Translate } from '../lib/guidance/translate';

/** The next steps, most important first; a step with a page links to it in a new tab. */
export function NextSteps(props: {
  steps: NextStep[];
  headingId: string;
  /** Where the question "Partner or Customer?" is on this page, for the step that asks it. */
  audienceAnchor?: string;
  t: Translate;
}) {
  const { t } = props;
  if (props.steps.length === 0) return null;
  return (
    <div class="next-steps">
      <h3 id={props.headingId}>{t('popup.nextSteps')}</h3>
      <ol>
        {props.steps.map((step) => {
          const text = stepText(step, t);
          return (
            <li key={step.id} data-step={step.id}>
              {step.url ? (
                <a href={step.url} target="_blank" rel="noreferrer">
                  {text}
                </a>
              ) : step.id === 'tellAudience' && props.audienceAnchor ? (
                <a href={props.audienceAnchor}>{text}</a>
              ) : (
                text
              )}
            </li>
          );
        })}
      </ol>
    </div>
  );
}
