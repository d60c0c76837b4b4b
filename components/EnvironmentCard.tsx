import { checkedText } from '../lib/guidance/checked';
import { camelCase, MISSING_KEYS, type Translate } from '../lib/guidance/translate';
import type { EnvironmentView } from '../lib/guidance/view';
import type { KnownRole, PickTarget } from '../lib/types';
import { AccessRequestBox, type CopyState } from './AccessRequestBox';
import { Checklist } from './Checklist';
import { NextSteps } from './NextSteps';
import { OtherOrganisations } from './OtherOrganisations';
import { RequestFollowUp, RequestNews } from './RequestFollowUp';
import { RoleQuestion } from './RoleQuestion';
import { SiteAccessWithheld } from './SiteAccessWithheld';
import { type PickStatus, TeachChecker } from './TeachChecker';

export interface EnvironmentCardProps {
  view: EnvironmentView;
  now: number;
  copyState: CopyState;
  onCopyRequest(text: string): void;
  onDeclareRole(role: KnownRole | null): void;
  onCheckAgain(): void;
  onOpenSettings(): void;
  onOpenApiKeys(): void;
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

/** One environment: the verdict as a headline, the three conditions, what to do next. */
export function EnvironmentCard(props: EnvironmentCardProps) {
  const { view, t } = props;
  const { environment, verdict } = view;
  const id = (part: string) => `${environment}-${part}`;
  const verdictKey = camelCase(verdict.kind);
  const { request } = view;
  return (
    <section
      id={id('card')}
      class={`card env-${environment}`}
      data-environment={environment}
      aria-labelledby={id('name')}
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
      {view.siteAccess === 'withheld' ? (
        <SiteAccessWithheld
          environment={environment}
          verdict={verdict}
          refused={props.grantRefused}
          onGrant={props.onGrantAccess}
          t={t}
        />
      ) : (
        <div class={`verdict verdict-${verdict.kind}`} data-verdict={verdict.kind}>
          <h3 class="headline">{t(`verdict.${verdictKey}`)}</h3>
          <p class="summary">{t(`summary.${verdictKey}`, [roleName(view, t)])}</p>
          {verdict.missing.length > 0 ? (
            <ul class="missing">
              {verdict.missing.map((missing) => (
                <li key={missing}>{t(MISSING_KEYS[missing].card)}</li>
              ))}
            </ul>
          ) : null}
        </div>
      )}
      <RequestNews
        followUp={view.followUp}
        about={view.organisation ?? t(`environment.${environment}`)}
        now={props.now}
        t={t}
      />
      {verdict.kind === 'ready' ? (
        <p class="base-url">
          {t('popup.apiBaseUrl')} <code>{view.apiBaseUrl}</code>
        </p>
      ) : null}
      {verdict.kind === 'not-checked' ? null : (
        <Checklist items={view.checklist} now={props.now} headingId={id('checks')} t={t} />
      )}
      {view.askRole ? (
        <RoleQuestion
          environment={environment}
          declared={view.declaredRole}
          onDeclare={props.onDeclareRole}
          t={t}
        />
      ) : null}
      {verdict.kind === 'unknown' ? (
        <TeachChecker
          environment={environment}
          missing={verdict.missing}
          status={props.pickStatus}
          onPointAt={props.onPointAt}
          onDeclareNoApiKeys={props.onDeclareNoApiKeys}
          onOpenSettings={props.onOpenSettings}
          t={t}
        />
      ) : null}
      <NextSteps steps={view.steps} headingId={id('steps')} audienceAnchor="#audience" t={t} />
      {request ? (
        <AccessRequestBox
          request={request}
          headingId={id('request')}
          company={view.organisation}
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
      ) : null}
      <OtherOrganisations
        organisations={view.otherOrganisations}
        headingId={id('organisations')}
        now={props.now}
        t={t}
      />
      <div class="card-actions">
        {verdict.kind === 'ready' ? (
          <button type="button" onClick={props.onOpenApiKeys}>
            {t('popup.openApiKeys')}
          </button>
        ) : null}
        {verdict.kind === 'ready' ? (
          <button type="button" class="secondary" onClick={props.onCheckKey}>
            {t('keyCheck.open')}
          </button>
        ) : null}
        {verdict.kind === 'not-checked' || view.siteAccess === 'withheld' ? null : (
          <button
            type="button"
            class={verdict.kind === 'ready' ? 'secondary' : undefined}
            onClick={props.onCheckAgain}
          >
            {t('popup.checkAgain')}
          </button>
        )}
        <button type="button" class="secondary" onClick={props.onOpenSettings}>
          {t('popup.openSettings')}
        </button>
      </div>
    </section>
  );
}
