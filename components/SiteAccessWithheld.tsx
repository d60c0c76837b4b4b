import { ORIGINS } from '../lib/environments';
import { camelCase, type Translate } from '../lib/guidance/translate';
import type { Environment, Verdict } from '../lib/types';

export interface SiteAccessWithheldProps {
  /** The environments whose pages the browser does not let the checker read. */
  environments: readonly Environment[];
  /** The verdict from what was seen before access was withheld; null or `not-checked` when nothing was. */
  verdict: Verdict | null;
  /** The browser refused the last "Grant access" (the user declined, or a policy blocks it). */
  refused: boolean;
  onGrant(): void;
  t: Translate;
}

/**
 * When the browser does not let the checker read Pleo's pages: it says so and why, and offers to ask
 * the browser for access, the one action that can work; nothing else can be checked until then. In
 * an environment's card (`data-verdict` still names the verdict, `data-site-access` says why it is
 * not shown), or once above both when both are withheld.
 */
export function SiteAccessWithheld(props: SiteAccessWithheldProps) {
  const { verdict, t } = props;
  const hosts = props.environments.map((environment) => new URL(ORIGINS[environment]).host);
  const list = new Intl.ListFormat(t('language'), { type: 'conjunction' }).format(hosts);
  return (
    <div class="verdict verdict-withheld" data-verdict={verdict?.kind} data-site-access="withheld">
      <h3 class="headline">{t('access.withheld')}</h3>
      <p class="summary">{t('access.why', [list])}</p>
      {verdict === null || verdict.kind === 'not-checked' ? null : (
        <p class="summary">{t('access.lastResult', [t(`verdict.${camelCase(verdict.kind)}`)])}</p>
      )}
      <div class="grant">
        <button type="button" class="primary" data-primary-action="grant-access" onClick={props.onGrant}>
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

/** In a card when the banner above speaks for both environments: what was seen before, if anything. */
export function WithheldHere(props: { verdict: Verdict; t: Translate }) {
  const { verdict, t } = props;
  return (
    <div class="verdict verdict-withheld" data-verdict={verdict.kind} data-site-access="withheld">
      <h3 class="headline">{t('short.withheld')}</h3>
      <p class="summary">
        {verdict.kind === 'not-checked'
          ? t('access.seeAbove')
          : t('access.lastResult', [t(`verdict.${camelCase(verdict.kind)}`)])}
      </p>
    </div>
  );
}
