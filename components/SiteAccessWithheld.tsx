import { ORIGINS } from '../lib/environments';
import { camelCase, type Translate } from '../lib/guidance/translate';
import type { Environment, Verdict } from '../lib/types';

export interface SiteAccessWithheldProps {
  environment: Environment;
  /** The verdict from what was seen before access was withheld; `not-checked` when nothing was. */
  verdict: Verdict;
  /** The browser refused the last "Grant access" (the user declined, or a policy blocks it). */
  refused: boolean;
  onGrant(): void;
  t: Translate;
}

/**
 * In place of the verdict when the browser does not let the checker read this environment's pages:
 * it says so and why, and offers to ask the browser for access. `data-verdict` still names the
 * verdict; `data-site-access` says why it is not shown.
 */
export function SiteAccessWithheld(props: SiteAccessWithheldProps) {
  const { verdict, t } = props;
  return (
    <div class="verdict verdict-withheld" data-verdict={verdict.kind} data-site-access="withheld">
      <h3 class="headline">{t('access.withheld')}</h3>
      <p class="summary">{t('access.why', [new URL(ORIGINS[props.environment]).host])}</p>
      {verdict.kind === 'not-checked' ? null : (
        <p class="summary">{t('access.lastResult', [t(`verdict.${camelCase(verdict.kind)}`)])}</p>
      )}
      <div class="grant">
        <button type="button" onClick={props.onGrant}>
          {t('access.grant')}
        </button>
        <p class="help">{t('access.grantHelp')}</p>
      </div>
      <p class="status" role="status">
        {props.refused ? t('access.notGranted') : ''}
      </p>
    </div>
  );
}
