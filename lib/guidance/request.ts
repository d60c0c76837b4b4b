/** The ready-to-send request for a missing role (to an Administrator) or missing access (to Pleo). */
import { ORIGINS } from '../environments';
import type { ObservationRecord } from '../state/merge';
import { effectiveRole } from '../state/verdict';
import type { EntryState, Environment, Profile, RoleSource, RoleValue, Verdict } from '../types';
import { LINKS, notEnabledStep, type StepId } from './steps';
import { camelCase, type Translate } from './translate';

type Recipient =
  | 'administrator'
  | 'partner-contact'
  | 'customer-success'
  | 'pleo-support'
  | 'partner-or-customer-contact';

/**
 * A ready-to-send request, as data: who it goes to and what was checked. It holds no personal data;
 * the user adds their name when they send it.
 */
export interface AccessRequest {
  recipient: Recipient;
  /** Where to reach the recipient, when it is a public page (Pleo's website chat); null otherwise. */
  contactUrl: string | null;
  environment: Environment;
  origin: string;
  /**
   * What is missing: the role (ask an Administrator), the access (ask Pleo), or either, for a role
   * no source speaks of (ask an Administrator to look, and to give the role if that is it).
   */
  reason: 'role-missing' | 'not-enabled' | 'role-unclear';
  role: { value: RoleValue; source: RoleSource };
  apiKeysEntry: EntryState;
  checkedAt: number | null;
}

const RECIPIENT_BY_STEP: Partial<Record<StepId, Recipient>> = {
  askPartnerContact: 'partner-contact',
  askCustomerSuccess: 'customer-success',
  askPleoChat: 'pleo-support',
  askPartnerOrCustomerContact: 'partner-or-customer-contact',
};

/** The request for `role-missing`, `not-enabled` and `role-unclear`; null for every other verdict. */
export function accessRequest(
  verdict: Verdict,
  environment: Environment,
  profile: Profile,
  record: ObservationRecord | undefined,
): AccessRequest | null {
  if (!record) return null;
  if (verdict.kind !== 'role-missing' && verdict.kind !== 'not-enabled' && verdict.kind !== 'role-unclear')
    return null;
  const role = effectiveRole(record, profile);
  const recipient =
    verdict.kind === 'not-enabled' ? RECIPIENT_BY_STEP[notEnabledStep(profile).id] : 'administrator';
  if (!recipient) return null;
  return {
    recipient,
    contactUrl:
      recipient === 'customer-success' || recipient === 'pleo-support' ? LINKS.pleoWebsiteChat : null,
    environment,
    origin: ORIGINS[environment],
    reason: verdict.kind,
    role: { value: role?.value ?? 'unknown', source: role?.source ?? 'detected' },
    apiKeysEntry: record.apiKeysEntry.value,
    checkedAt: record.checkedAt,
  };
}

export interface RenderedRequest {
  /** Who to send it to, as a short description (no names). */
  to: string;
  subject: string;
  body: string;
}

/**
 * The request as text to copy: `subject` and `body` in the language of `t`. The company's name is
 * in it only when the user chose to include it (`company`).
 */
export function renderAccessRequest(
  request: AccessRequest,
  t: Translate,
  company: string | null = null,
): RenderedRequest {
  const environmentName = t(`request.environment.${request.environment}`);
  const roleName = t(`request.role.${request.role.value}`);
  const role = request.role.source === 'declared' ? t('request.declaredRole', [roleName]) : roleName;
  const date = request.checkedAt === null ? '' : new Date(request.checkedAt).toISOString().slice(0, 10);
  const lines =
    request.reason === 'role-missing'
      ? [t('request.roleMissing', [role]), t('request.askRole')]
      : request.reason === 'role-unclear'
        ? [t('request.roleUnclear', [role]), t('request.askLookOrRole', [environmentName])]
        : [t('request.notEnabled', [role]), t('request.askEnable', [environmentName])];
  const checked = t('request.checked', [date, t(`request.entry.${request.apiKeysEntry}`), role]);
  return {
    to: t(`request.recipient.${camelCase(request.recipient)}`),
    subject: t('request.subject', [environmentName]),
    body: [
      t('request.greeting'),
      '',
      t('request.intro', [environmentName, request.origin]),
      ...(company ? [t('request.company', [company])] : []),
      ...lines,
      '',
      checked,
      '',
      t('request.thanks'),
    ].join('\n'),
  };
}
