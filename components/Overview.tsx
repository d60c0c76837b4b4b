import type { Translate } from '../lib/guidance/translate';
import { camelCase } from '../lib/guidance/translate';
import type { EnvironmentView } from '../lib/guidance/view';

/** Both verdicts side by side at a glance; each links to its environment's card. */
export function Overview(props: { views: EnvironmentView[]; t: Translate }) {
  const { t } = props;
  return (
    <nav class="overview" aria-label={t('popup.overview')}>
      <ul>
        {props.views.map((view) => (
          <li
            key={view.environment}
            class={`overview-item env-${view.environment} verdict-${view.siteAccess === 'withheld' ? 'withheld' : view.verdict.kind}`}
          >
            <a href={`#${view.environment}-card`}>
              <span class="env-name">{t(`environment.${view.environment}`)}</span>
              <span class="overview-verdict">
                {view.siteAccess === 'withheld'
                  ? t('access.withheldShort')
                  : t(`verdict.${camelCase(view.verdict.kind)}`)}
              </span>
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
