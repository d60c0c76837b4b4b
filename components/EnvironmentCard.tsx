import type { PrimaryAction } from '../lib/guidance/actions';
import { checkedText } from '../lib/guidance/checked';
import { camelCase, type MessageKey, MISSING_KEYS, type Translate } from '../lib/guidance/translate';
import type { EnvironmentView } from '../lib/guidance/view';
import type { AudienceKind, KnownRole, PickTarget } from '../lib/types';
import { AccessRequestBox, type CopyState } from './AccessRequestBox';
import { Checklist } from './Checklist';
import { NextSteps } from './NextSteps';
import { OtherOrganisations } from './OtherOrganisations';
import { RequestFollowUp, RequestNews } from './RequestFollowUp';
import { RoleQuestion } from './RoleQuestion';
import { SiteAccessWithheld, WithheldHere } from './SiteAccessWithheld';
import { type PickStatus, TeachChecker } from './TeachChecker';

/** The filled button's words, for every action but the request's copy (its own block draws it). */
const ACTION_KEYS: Record<Exclude<PrimaryAction, 'copy-request' | 'grant-access'>, MessageKey> = {
  'open-api-keys': 'popup.openApiKeys',
  'open-settings': 'popup.openSettings',
  'point-at-api-keys': 'teach.pointAtApiKeys',
  'point-at-role': 'teach.pointAtRole',
  'sign-in': 'popup.signIn',
};

export interface EnvironmentCardProps {
  view: EnvironmentView;
  now: number;
  /** Whether this environment is the one the switch shows; the other stays in the page, hidden. */
  shown: boolean;
  /** Both environments are withheld: one banner above says so, the card only what it saw before. */
  withheldAbove: boolean;
  copyState: CopyState;
  onCopyRequest(text: string): void;
  /** The user's Partner/Customer answer, which picks who a request to Pleo goes to. */
  audience: AudienceKind;
  onAudience(kind: AudienceKind): void;
  onAskAudience(): void;
  onDeclareRole(role: KnownRole | null): void;
  onCheckAgain(): void;
  onOpenSettings(): void;
  onOpenApiKeys(): void;
  onSignIn(): void;
  /** Opens the key check, for a key made here. */
  onCheckKey(): void;
  onGrantAccess(): void;
  /** The browser refused the last "Grant access" for this card. */
  grantRefused: boolean;
  pickStatus: PickStatus | null;
  onPointAt(target: PickTarget): void;
  onDeclareNoApiKeys(): void;
  /** "I sent it" (true) under the request, or its undo (false). */
  onRequestSent(sent: boolean): void;
  t: Translate;
}

/** The role the verdict acts on, named in the summary of a role the sources do not speak of. */
function roleName(view: EnvironmentView, t: Translate): string {
  const role = view.checklist.find((item) => item.condition === 'role')?.role;
  return role && role.value !== 'unknown' ? t(`role.${role.value}`) : '';
}

/**
 * One environment on one screen: the verdict once with a line or two of why, the three conditions
 * (each opening its evidence), one action block with exactly one filled button, the secondary
 * actions as text buttons, the companies seen, and the details one click away.
 */
export function EnvironmentCard(props: EnvironmentCardProps) {
  const { view, t } = props;
  const { environment, verdict } = view;
  const id = (part: string) => `${environment}-${part}`;
  const verdictKey = camelCase(verdict.kind);
  const withheld = view.siteAccess === 'withheld';
  const primary = view.primaryAction;
  const run: Record<Exclude<PrimaryAction, 'copy-request' | 'grant-access'>, () => void> = {
    'open-api-keys': props.onOpenApiKeys,
    'open-settings': props.onOpenSettings,
    'point-at-api-keys': () => props.onPointAt('apiKeys'),
    'point-at-role': () => props.onPointAt('role'),
    'sign-in': props.onSignIn,
  };
  const { request } = view;
  return (
    <section
      id={id('card')}
      class={`card env-${environment}`}
      data-environment={environment}
      aria-labelledby={id('name')}
      hidden={!props.shown}
    >
      <header class="card-header">
        <h2 id={id('name')}>
          <span class="env-name">{t(`environment.${environment}`)}</span>
          <span class="env-note">{t(`environment.${environment}Note`)}</span>
        </h2>
        <p class="card-meta">
          {view.isCurrentTab ? <span class="tag">{t('environment.currentTab')}</span> : null}
          {view.organisation ? (
            <span class="organisation" data-organisation="current">
              {t('organisation.shown', [view.organisation])}
            </span>
          ) : null}
          <span class="checked">{checkedText(view.checkedAt, props.now, t)}</span>
        </p>
      </header>
      {withheld && props.withheldAbove ? (
        <WithheldHere verdict={verdict} t={t} />
      ) : withheld ? (
        <SiteAccessWithheld
          environments={[environment]}
          verdict={verdict}
          refused={props.grantRefused}
          onGrant={props.onGrantAccess}
          t={t}
        />
      ) : (
        <div class={`verdict verdict-${verdict.kind}`} data-verdict={verdict.kind}>
          <h3 class="headline">{t(`verdict.${verdictKey}`)}</h3>
          {verdict.missing.length > 0 ? (
            <ul class="missing">
              {verdict.missing.map((missing) => (
                <li key={missing}>{t(MISSING_KEYS[missing].card)}</li>
              ))}
            </ul>
          ) : (
            <p class="summary">{t(`summary.${verdictKey}`, [roleName(view, t)])}</p>
          )}
        </div>
      )}
      <RequestNews
        followUp={view.followUp}
        about={view.organisation ?? t(`environment.${environment}`)}
        now={props.now}
        t={t}
      />
      {verdict.kind === 'not-checked' || withheld ? null : (
        <Checklist items={view.checklist} now={props.now} headingId={id('checks')} t={t} />
      )}
      {withheld ? null : (
        <div class="action-block">
          {primary === 'copy-request' && request ? (
            <AccessRequestBox
              request={request}
              headingId={id('request')}
              company={view.organisation}
              audience={props.audience}
              onAudience={props.onAudience}
              copyState={props.copyState}
              onCopy={props.onCopyRequest}
              followUp={(company) => (
                <RequestFollowUp
                  followUp={view.followUp}
                  request={request}
                  company={company}
                  headingId={id('follow-up')}
                  now={props.now}
                  onSent={() => props.onRequestSent(true)}
                  onUndo={() => props.onRequestSent(false)}
                  onCopy={props.onCopyRequest}
                  t={t}
                />
              )}
              t={t}
            />
          ) : primary in run ? (
            <button
              type="button"
              class="primary"
              data-primary-action={primary}
              onClick={run[primary as keyof typeof run]}
            >
              {t(ACTION_KEYS[primary as keyof typeof ACTION_KEYS])}
            </button>
          ) : null}
          <SecondaryActions {...props} />
        </div>
      )}
      <OtherOrganisations
        organisations={view.otherOrganisations}
        headingId={id('organisations')}
        now={props.now}
        t={t}
      />
      <details class="more">
        <summary>{t('popup.details')}</summary>
        <div class="more-body">
          {verdict.kind === 'ready' ? (
            <p class="base-url">
              {t('popup.apiBaseUrl')} <code>{view.apiBaseUrl}</code>
            </p>
          ) : null}
          <NextSteps steps={view.steps} headingId={id('steps')} onAskAudience={props.onAskAudience} t={t} />
          {view.askRole ? (
            <RoleQuestion
              environment={environment}
              declared={view.declaredRole}
              onDeclare={props.onDeclareRole}
              t={t}
            />
          ) : null}
        </div>
      </details>
    </section>
  );
}

/** Everything but the one next action, as text buttons: check again, open Settings, teach the checker. */
function SecondaryActions(props: EnvironmentCardProps) {
  const { view, t } = props;
  const { verdict } = view;
  const primary = view.primaryAction;
  return (
    <>
      <div class="secondary-actions">
        {verdict.kind === 'not-checked' ? null : (
          <button type="button" class="link-button" onClick={props.onCheckAgain}>
            {t('popup.checkAgain')}
          </button>
        )}
        {verdict.kind === 'ready' ? (
          <button type="button" class="link-button" onClick={props.onCheckKey}>
            {t('keyCheck.open')}
          </button>
        ) : null}
        {primary === 'open-settings' || verdict.kind === 'ready' ? null : (
          <button type="button" class="link-button" onClick={props.onOpenSettings}>
            {t('popup.openSettings')}
          </button>
        )}
      </div>
      {verdict.kind === 'unknown' ? (
        <TeachChecker
          environment={view.environment}
          missing={verdict.missing}
          primary={primary}
          status={props.pickStatus}
          onPointAt={props.onPointAt}
          onDeclareNoApiKeys={props.onDeclareNoApiKeys}
          onOpenSettings={props.onOpenSettings}
          t={t}
        />
      ) : null}
    </>
  );
}
