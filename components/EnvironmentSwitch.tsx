import { camelCase, type Translate } from '../lib/guidance/translate';
import type { EnvironmentView } from '../lib/guidance/view';
import type { Environment } from '../lib/types';

/** Each environment's state in a word, for the switch at the top and nowhere else. */
function stateWord(view: EnvironmentView, t: Translate): string {
  return view.siteAccess === 'withheld' ? t('short.withheld') : t(`short.${camelCase(view.verdict.kind)}`);
}

/**
 * Production / Staging, each with its state in a word; the pressed one is shown in full below.
 * Toggle buttons rather than ARIA tabs: both stay in the Tab order, as every other control does.
 */
export function EnvironmentSwitch(props: {
  views: EnvironmentView[];
  shown: Environment;
  onShow(environment: Environment): void;
  t: Translate;
}) {
  const { t } = props;
  return (
    <nav class="switch-bar" aria-label={t('popup.overview')}>
      {props.views.map((view) => (
        <button
          key={view.environment}
          type="button"
          class={`switch-item env-${view.environment} verdict-${view.siteAccess === 'withheld' ? 'withheld' : view.verdict.kind}`}
          aria-pressed={view.environment === props.shown}
          aria-controls={`${view.environment}-card`}
          data-switch={view.environment}
          onClick={() => props.onShow(view.environment)}
        >
          <span class="env-name">{t(`environment.${view.environment}`)}</span>
          <span class="switch-state">{stateWord(view, t)}</span>
        </button>
      ))}
    </nav>
  );
}
