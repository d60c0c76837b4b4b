/**
 * What to do next, for this verdict in this environment and for who the user is: the decision
 * table of Pleo's "get access to environments" guide, as data and small pure functions. Texts live
 * in the locale files (`step.<id>`, `request.*`); this module only chooses ids, links and values.
 */
import { API_ORIGINS, ORIGINS } from '../environments';
import type { ObservationRecord } from '../state/merge';
import { effectiveRole } from '../state/verdict';
import type { Environment, Profile, Verdict, VerdictKind } from '../types';
import type { SiteAccess } from './site-access';
import type { Translate } from './translate';

/** Public pages the product may link to; nothing else is ever linked except the Pleo web app itself. */
export const LINKS = {
  environmentAccess:
    'https://developers.pleo.io/docs/current/how-tos/environment-access/how-to-get-access-to-all-env-standalone-api-keys',
  apiKeysOverview: 'https://developers.pleo.io/docs/current/authentication/standalone-api-keys-overview',
  workflowGuide: 'https://developers.pleo.io/docs/current/guides/standalone-api-keys-workflow-guide',
  generateKey: 'https://developers.pleo.io/docs/current/how-tos/api-keys/how-to-generate-standalone-api-keys',
  stagingAccess:
    'https://developers.pleo.io/docs/current/how-tos/environment-access/how-to-get-access-to-staging-oauth',
  assignRoles:
    'https://developers.pleo.io/docs/current/how-tos/user-management/how-to-assign-user-roles-to-employees',
  employeesAndRoles: 'https://developers.pleo.io/docs/current/platform/employees/employees-and-roles',
  pleoWebsiteChat: 'https://www.pleo.io/en',
} as const;

/** Where keys made in each environment work: the new External API, never the legacy openapi.pleo.io. */
export const API_BASE_URLS: Record<Environment, string> = API_ORIGINS;

/**
 * Every step, with the names of its values in the order of the text's `$1`, `$2`… A locale test
 * checks that each id has a `step.<id>` text with exactly that many substitutions.
 */
export const STEP_PARAMS = {
  allowSiteAccess: [],
  openSettingsToCheck: [],
  signIn: [],
  getStagingAccess: [],
  stagingIsForPartners: [],
  getEnvironmentAccess: [],
  confirmSignedIn: [],
  openSettings: [],
  tellRole: [],
  askAdminForRole: [],
  askAdminToLook: [],
  askPleoAboutRole: [],
  correctDeclaredRole: [],
  askPartnerContact: [],
  askCustomerSuccess: [],
  askPleoChat: [],
  askPartnerOrCustomerContact: [],
  tellAudience: [],
  createKey: [],
  useBaseUrl: ['baseUrl'],
  legacyTokensDiffer: ['baseUrl'],
  continueWorkflow: [],
} as const satisfies Record<string, readonly string[]>;

export type StepId = keyof typeof STEP_PARAMS;
export const STEP_IDS = Object.keys(STEP_PARAMS) as StepId[];

export interface NextStep {
  id: StepId;
  /** At most one link: a page from LINKS or the environment's own Pleo origin. */
  url: string | null;
  params?: Record<string, string>;
}

function step(id: StepId, url: string | null = null, params?: Record<string, string>): NextStep {
  return params ? { id, url, params } : { id, url };
}

/** Whether the right next step depends on being a Partner or a Customer, so the UI should ask. */
export function audienceMatters(kind: VerdictKind, environment: Environment): boolean {
  return (
    kind === 'not-enabled' || (environment === 'staging' && (kind === 'signed-out' || kind === 'not-checked'))
  );
}

/** Staging logins are made by Pleo for new Partners; customers and existing partners already have one. */
function stagingAccessSteps(profile: Profile): NextStep[] {
  if (profile.kind === 'customer') return [step('stagingIsForPartners', LINKS.environmentAccess)];
  if (profile.stage === 'existing') return [];
  return [step('getStagingAccess', LINKS.stagingAccess)];
}

/** Who to ask when Pleo has not enabled the keys: the step, which names the recipient too. */
export function notEnabledStep(profile: Profile): NextStep {
  if (profile.kind === 'partner') return step('askPartnerContact', LINKS.environmentAccess);
  if (profile.kind === 'customer' && profile.stage === 'new')
    return step('askPleoChat', LINKS.pleoWebsiteChat);
  if (profile.kind === 'customer') return step('askCustomerSuccess', LINKS.pleoWebsiteChat);
  return step('askPartnerOrCustomerContact', LINKS.environmentAccess);
}

/**
 * The next steps for one environment, most important first. Covers every row of the decision
 * table: new/existing Partner or Customer, wrong role, right role without the entry, and ready.
 * When the browser does not let the checker read the environment's pages, allowing that comes first:
 * nothing else can be checked until then.
 */
export function nextSteps(
  verdict: Verdict,
  environment: Environment,
  profile: Profile,
  record: ObservationRecord | undefined,
  siteAccess: SiteAccess = 'granted',
): NextStep[] {
  const origin = ORIGINS[environment];
  const askAudience = profile.kind === 'unknown' && audienceMatters(verdict.kind, environment);
  const steps: NextStep[] = siteAccess === 'withheld' ? [step('allowSiteAccess')] : [];
  switch (verdict.kind) {
    case 'not-checked':
      steps.push(step('openSettingsToCheck', `${origin}/settings`));
      if (environment === 'staging') steps.push(...stagingAccessSteps(profile));
      break;
    case 'signed-out':
      steps.push(step('signIn', `${origin}/access`));
      if (environment === 'staging') steps.push(...stagingAccessSteps(profile));
      else if (profile.kind === 'partner' && profile.stage === 'new') {
        steps.push(step('getEnvironmentAccess', LINKS.environmentAccess));
      }
      break;
    case 'unknown':
      if (verdict.missing.includes('sign-in-state')) steps.push(step('confirmSignedIn', origin));
      if (verdict.missing.includes('open-settings')) steps.push(step('openSettings', `${origin}/settings`));
      if (verdict.missing.includes('role-not-seen')) steps.push(step('tellRole', LINKS.employeesAndRoles));
      break;
    case 'role-missing':
      steps.push(step('askAdminForRole', LINKS.assignRoles));
      if (record && effectiveRole(record, profile)?.source === 'declared')
        steps.push(step('correctDeclaredRole'));
      break;
    case 'not-enabled':
      steps.push(notEnabledStep(profile));
      break;
    case 'role-unclear':
      // Either cause may hold: an Admin can tell which by looking, Pleo by knowing.
      steps.push(step('askAdminToLook', LINKS.assignRoles));
      steps.push(step('askPleoAboutRole', LINKS.pleoWebsiteChat));
      if (record && effectiveRole(record, profile)?.source === 'declared')
        steps.push(step('correctDeclaredRole'));
      break;
    case 'ready':
      steps.push(step('createKey', LINKS.generateKey));
      steps.push(step('useBaseUrl', LINKS.apiKeysOverview, { baseUrl: API_BASE_URLS[environment] }));
      if (record?.legacyApiEntry.value === 'visible') {
        steps.push(step('legacyTokensDiffer', null, { baseUrl: API_BASE_URLS[environment] }));
      }
      steps.push(step('continueWorkflow', LINKS.workflowGuide));
      break;
  }
  if (askAudience) steps.push(step('tellAudience'));
  return steps;
}

/** The sentence for one step, in the language of `t`. */
export function stepText(nextStep: NextStep, t: Translate): string {
  const names: readonly string[] = STEP_PARAMS[nextStep.id];
  return t(
    `step.${nextStep.id}`,
    names.map((name) => nextStep.params?.[name] ?? ''),
  );
}
