import { checkedText } from '../lib/guidance/checked';
import { camelCase, type Translate } from '../lib/guidance/translate';
import type { OrganisationSummary } from '../lib/guidance/view';

/**
 * The other companies seen in this environment, each with its verdict and when it was checked,
 * most recent first. Company names are the page's text, shown as text.
 */
export function OtherOrganisations(props: {
  organisations: readonly OrganisationSummary[];
  headingId: string;
  now: number;
  t: Translate;
}) {
  const { t } = props;
  if (props.organisations.length === 0) return null;
  return (
    <div class="organisations">
      <h3 id={props.headingId}>{t('organisation.othersHeading')}</h3>
      <ul aria-labelledby={props.headingId}>
        {props.organisations.map((organisation) => (
          <li
            key={organisation.name ?? ''}
            data-organisation={organisation.name === null ? 'not-identified' : 'other'}
            data-organisation-verdict={organisation.verdict}
          >
            <span class="organisation-name">{organisation.name ?? t('organisation.notIdentified')}</span>
            <span class="organisation-verdict">{t(`verdict.${camelCase(organisation.verdict)}`)}</span>
            <span class="checked">{checkedText(organisation.checkedAt, props.now, t)}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
