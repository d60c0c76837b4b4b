import { readFileSync } from 'node:fs';
import { parseMessagesText } from '@wxt-dev/i18n/build';
import { describe, expect, it } from 'vitest';
import { type AccessRequest, accessRequest, renderAccessRequest } from '../../../lib/guidance/request';
import {
  audienceMatters,
  type NextStep,
  nextSteps,
  STEP_IDS,
  STEP_PARAMS,
  stepText,
} from '../../../lib/guidance/steps';
import type { Translate } from '../../../lib/guidance/translate';
import { emptyRecord, type ObservationRecord } from '../../../lib/state/merge';
import { verdict } from '../../../lib/state/verdict';
import type {
  AudienceKind,
  AudienceStage,
  Environment,
  Profile,
  RoleFact,
  Verdict,
} from '../../../lib/types';
import { DEFAULT_PROFILE, ENVIRONMENTS, VERDICTS } from '../../../lib/types';

/** The English texts, parsed by the same code the build uses to write messages.json. */
const english = new Map(
  parseMessagesText(readFileSync('locales/en.yml', 'utf8'), 'YAML').map((message) => [
    message.key.join('.'),
    message,
  ]),
);

/** Like i18n.t for simple messages, but a missing key fails the test instead of printing the key. */
const t: Translate = (key, substitutions = []) => {
  const message = english.get(key);
  if (message?.type !== 'simple') throw new Error(`no simple message ${key} in locales/en.yml`);
  expect(substitutions, `${key} substitutions`).toHaveLength(message.substitutions);
  return message.message.replace(/\$(\d)/g, (_, n: string) => substitutions[Number(n) - 1] ?? '');
};

/** The public pages listed in the domain notes; with the environment's own origin, the only links allowed. */
const PUBLIC_PAGES = [
  'https://developers.pleo.io/docs/current/how-tos/environment-access/how-to-get-access-to-all-env-standalone-api-keys',
  'https://developers.pleo.io/docs/current/authentication/standalone-api-keys-overview',
  'https://developers.pleo.io/docs/current/guides/standalone-api-keys-workflow-guide',
  'https://developers.pleo.io/docs/current/how-tos/api-keys/how-to-generate-standalone-api-keys',
  'https://developers.pleo.io/docs/current/how-tos/environment-access/how-to-get-access-to-staging-oauth',
  'https://developers.pleo.io/docs/current/how-tos/user-management/how-to-assign-user-roles-to-employees',
  'https://developers.pleo.io/docs/current/platform/employees/employees-and-roles',
  'https://www.pleo.io/en',
];
const OWN_PAGES: Record<Environment, string[]> = {
  production: ['https://app.pleo.io', 'https://app.pleo.io/access', 'https://app.pleo.io/settings'],
  staging: [
    'https://app.staging.pleo.io',
    'https://app.staging.pleo.io/access',
    'https://app.staging.pleo.io/settings',
  ],
};

const KINDS: AudienceKind[] = ['partner', 'customer', 'unknown'];
const STAGES: AudienceStage[] = ['new', 'existing', 'unknown'];
const ADMIN: RoleFact = { value: 'admin', confidence: 'high', source: 'detected' };
const EMPLOYEE: RoleFact = { value: 'employee', confidence: 'high', source: 'detected' };
const CONTROLLER: RoleFact = { value: 'controller', confidence: 'medium', source: 'detected' };

const profile = (kind: AudienceKind, stage: AudienceStage): Profile => ({ ...DEFAULT_PROFILE, kind, stage });

/** A record that really has the verdict, so the guidance sees what the UI and the report see. */
function recordFor(kind: Verdict['kind'], environment: Environment, legacy = false): ObservationRecord {
  const base = { ...emptyRecord(environment, 1), checkedAt: 1000 };
  const facts: Record<Verdict['kind'], Partial<ObservationRecord>> = {
    'not-checked': { checkedAt: null },
    'signed-out': { signedIn: { value: 'no', seenAt: 1 } },
    unknown: {},
    'role-missing': { signedIn: { value: 'yes', seenAt: 1 }, role: { value: EMPLOYEE, seenAt: 1 } },
    'role-unclear': {
      signedIn: { value: 'yes', seenAt: 1 },
      apiKeysEntry: { value: 'absent', seenAt: 1 },
      role: { value: CONTROLLER, seenAt: 1 },
    },
    'not-enabled': {
      signedIn: { value: 'yes', seenAt: 1 },
      apiKeysEntry: { value: 'absent', seenAt: 1 },
      role: { value: ADMIN, seenAt: 1 },
    },
    ready: { signedIn: { value: 'yes', seenAt: 1 }, apiKeysEntry: { value: 'visible', seenAt: 1 } },
  };
  return {
    ...base,
    ...facts[kind],
    legacyApiEntry: { value: legacy ? 'visible' : 'absent', seenAt: 1 },
  };
}

function stepsFor(kind: Verdict['kind'], environment: Environment, who: Profile, legacy = false) {
  const record = recordFor(kind, environment, legacy);
  const current = verdict(record, who);
  expect(current.kind).toBe(kind);
  return nextSteps(current, environment, who, record);
}

const ids = (steps: NextStep[]) => steps.map((s) => s.id);

describe('step texts in locales/en.yml', () => {
  it.each(STEP_IDS)('step.%s exists with one substitution per parameter', (id) => {
    const message = english.get(`step.${id}`);
    expect(message, `step.${id} missing`).toBeDefined();
    expect(message?.substitutions).toBe(STEP_PARAMS[id].length);
  });
});

describe('every verdict × environment × profile', () => {
  const cases = VERDICTS.flatMap((kind) =>
    ENVIRONMENTS.flatMap((environment) =>
      KINDS.flatMap((audience) => STAGES.map((stage) => [kind, environment, audience, stage] as const)),
    ),
  );

  it.each(cases)(
    '%s in %s for %s/%s: steps with allowed links and complete English texts',
    (kind, environment, audience, stage) => {
      const who = profile(audience, stage);
      const steps = stepsFor(kind, environment, who);
      expect(steps.length).toBeGreaterThan(0);
      expect(new Set(ids(steps)).size).toBe(steps.length);
      for (const step of steps) {
        if (step.url !== null) expect([...PUBLIC_PAGES, ...OWN_PAGES[environment]]).toContain(step.url);
        const text = stepText(step, t);
        expect(text.length).toBeGreaterThan(10);
        expect(text).not.toMatch(/\$\d/);
      }
      expect(ids(steps).includes('tellAudience')).toBe(
        audience === 'unknown' && audienceMatters(kind, environment),
      );
      const request = accessRequest(
        verdict(recordFor(kind, environment), who),
        environment,
        who,
        recordFor(kind, environment),
      );
      expect(request !== null).toBe(['role-missing', 'not-enabled', 'role-unclear'].includes(kind));
    },
  );
});

describe('a role no source speaks of (Controller), API Keys not listed', () => {
  it('offers both ways forward: an Admin looks (and gives the role), or Pleo answers', () => {
    for (const [audience, stage] of [
      ['partner', 'new'],
      ['customer', 'existing'],
      ['unknown', 'unknown'],
    ] as const)
      expect(ids(stepsFor('role-unclear', 'production', profile(audience, stage)))).toEqual([
        'askAdminToLook',
        'askPleoAboutRole',
      ]);
  });

  it('asks an Administrator, naming the role and both causes, not stating either as fact', () => {
    const who = profile('customer', 'existing');
    const record = recordFor('role-unclear', 'production');
    const request = accessRequest(verdict(record, who), 'production', who, record)!;
    expect(request).toMatchObject({ recipient: 'administrator', reason: 'role-unclear' });
    expect(request.role.value).toBe('controller');
    const { body } = renderAccessRequest(request, t);
    expect(body).toContain('My role there is Controller');
    expect(body).toContain('Admin or Bookkeeper role');
    expect(body).toContain('Pleo needs to enable Standalone API Key access');
    expect(body).not.toContain('seems not to be enabled');
  });
});

describe('the decision table of the access guide', () => {
  it('a new Partner without a Staging login is sent to the Staging access guide', () => {
    expect(ids(stepsFor('signed-out', 'staging', profile('partner', 'new')))).toEqual([
      'signIn',
      'getStagingAccess',
    ]);
    expect(ids(stepsFor('not-checked', 'staging', profile('partner', 'new')))).toEqual([
      'openSettingsToCheck',
      'getStagingAccess',
    ]);
    expect(stepsFor('signed-out', 'staging', profile('partner', 'new'))[1]?.url).toBe(
      'https://developers.pleo.io/docs/current/how-tos/environment-access/how-to-get-access-to-staging-oauth',
    );
  });

  it('an existing Partner signs in with the login they have', () => {
    expect(ids(stepsFor('signed-out', 'staging', profile('partner', 'existing')))).toEqual(['signIn']);
    expect(stepsFor('signed-out', 'staging', profile('partner', 'existing'))[0]?.url).toBe(
      'https://app.staging.pleo.io/access',
    );
  });

  it('a new Partner without a Production login is pointed at the environment access guide', () => {
    expect(ids(stepsFor('signed-out', 'production', profile('partner', 'new')))).toEqual([
      'signIn',
      'getEnvironmentAccess',
    ]);
  });

  it('a Customer on Staging learns that Staging is for Partners', () => {
    expect(ids(stepsFor('signed-out', 'staging', profile('customer', 'existing')))).toEqual([
      'signIn',
      'stagingIsForPartners',
    ]);
  });

  it.each(KINDS)(
    'ready (%s): create a key, the base URL of this environment, the workflow guide',
    (audience) => {
      const production = stepsFor('ready', 'production', profile(audience, 'existing'));
      expect(ids(production)).toEqual(['createKey', 'useBaseUrl', 'continueWorkflow']);
      expect(stepText(production[0]!, t)).toContain('Settings → API Keys');
      expect(stepText(production[0]!, t)).toContain('Create API Key');
      expect(stepText(production[1]!, t)).toContain('https://external.pleo.io');
      const staging = stepsFor('ready', 'staging', profile(audience, 'new'));
      expect(stepText(staging[1]!, t)).toContain('https://external.staging.pleo.io');
    },
  );

  it('ready with the legacy Open API entry seen: legacy tokens do not work on the new API', () => {
    const steps = stepsFor('ready', 'production', DEFAULT_PROFILE, true);
    expect(ids(steps)).toEqual(['createKey', 'useBaseUrl', 'legacyTokensDiffer', 'continueWorkflow']);
    expect(stepText(steps[2]!, t)).toContain('https://external.pleo.io');
    expect(stepText(steps[2]!, t)).toMatch(/legacy/i);
  });

  it.each(KINDS)('a role without API Keys (%s): ask an Administrator', (audience) => {
    expect(ids(stepsFor('role-missing', 'production', profile(audience, 'existing')))).toEqual([
      'askAdminForRole',
    ]);
  });

  it('a declared role that blocks access can be corrected', () => {
    const record: ObservationRecord = {
      ...recordFor('unknown', 'production'),
      signedIn: { value: 'yes', seenAt: 1 },
    };
    const who: Profile = { ...DEFAULT_PROFILE, declaredRoles: { production: 'employee' } };
    expect(ids(nextSteps(verdict(record, who), 'production', who, record))).toEqual([
      'askAdminForRole',
      'correctDeclaredRole',
    ]);
  });

  it.each([
    ['partner', 'new', 'askPartnerContact', 'partner-contact'],
    ['partner', 'existing', 'askPartnerContact', 'partner-contact'],
    ['customer', 'new', 'askPleoChat', 'pleo-support'],
    ['customer', 'existing', 'askCustomerSuccess', 'customer-success'],
    ['customer', 'unknown', 'askCustomerSuccess', 'customer-success'],
    ['unknown', 'unknown', 'askPartnerOrCustomerContact', 'partner-or-customer-contact'],
  ] as const)(
    'the right role without the entry (%s, %s): %s, request to %s',
    (audience, stage, step, recipient) => {
      const who = profile(audience, stage);
      expect(stepsFor('not-enabled', 'production', who)[0]?.id).toBe(step);
      const record = recordFor('not-enabled', 'production');
      expect(accessRequest(verdict(record, who), 'production', who, record)?.recipient).toBe(recipient);
    },
  );

  it('unknown asks for exactly what is missing', () => {
    const record = recordFor('unknown', 'staging');
    expect(ids(nextSteps(verdict(record, DEFAULT_PROFILE), 'staging', DEFAULT_PROFILE, record))).toEqual([
      'confirmSignedIn',
      'openSettings',
      'tellRole',
    ]);
    const signedIn: ObservationRecord = { ...record, signedIn: { value: 'yes', seenAt: 1 } };
    const withRole: Profile = { ...DEFAULT_PROFILE, declaredRoles: { staging: 'admin' } };
    expect(ids(nextSteps(verdict(signedIn, withRole), 'staging', withRole, signedIn))).toEqual([
      'openSettings',
    ]);
  });
});

describe('the ready-to-send request', () => {
  const who = profile('partner', 'existing');

  it('to an Administrator names the environment, what was checked and the missing role', () => {
    const record = recordFor('role-missing', 'staging');
    const request = accessRequest(verdict(record, who), 'staging', who, record) as AccessRequest;
    expect(request).toEqual({
      recipient: 'administrator',
      contactUrl: null,
      environment: 'staging',
      origin: 'https://app.staging.pleo.io',
      reason: 'role-missing',
      role: { value: 'employee', source: 'detected' },
      apiKeysEntry: 'unknown',
      checkedAt: 1000,
    });
    const rendered = renderAccessRequest(request, t);
    expect(rendered.to).toBe('An Administrator of your company');
    expect(rendered.subject).toContain('Staging');
    expect(rendered.body).toContain('Staging (https://app.staging.pleo.io)');
    expect(rendered.body).toContain('Admin or Bookkeeper role');
    expect(rendered.body).toContain('my role there is Employee');
    expect(rendered.body).toContain('Checked on 1970-01-01');
  });

  it('to Pleo says the access is not enabled, and marks a declared role as declared', () => {
    const record: ObservationRecord = {
      ...recordFor('not-enabled', 'production'),
      role: { value: { value: 'unknown', confidence: 'low', source: 'detected' }, seenAt: null },
    };
    const customer: Profile = { kind: 'customer', stage: 'new', declaredRoles: { production: 'bookkeeper' } };
    const request = accessRequest(verdict(record, customer), 'production', customer, record) as AccessRequest;
    expect(request.recipient).toBe('pleo-support');
    expect(request.contactUrl).toBe('https://www.pleo.io/en');
    expect(request.role).toEqual({ value: 'bookkeeper', source: 'declared' });
    const body = renderAccessRequest(request, t).body;
    expect(body).toContain('Production (https://app.pleo.io)');
    expect(body).toContain('does not list API Keys');
    expect(body).toContain('Bookkeeper (as I stated it; the page did not show it)');
  });

  it('names the company only when the user chose to include it', () => {
    const record = recordFor('not-enabled', 'production');
    const request = accessRequest(verdict(record, who), 'production', who, record) as AccessRequest;
    expect(renderAccessRequest(request, t).body).not.toContain('Acme ApS');
    const named = renderAccessRequest(request, t, 'Acme ApS').body.split('\n');
    expect(named).toContain('Company: Acme ApS');
    // Right after the sentence saying what the request is for.
    expect(named[named.indexOf('Company: Acme ApS') - 1]).toContain('Production (https://app.pleo.io)');
  });

  it('holds only what the checker knows: no names, e-mail addresses or companies', () => {
    const record = recordFor('not-enabled', 'staging');
    const request = accessRequest(verdict(record, who), 'staging', who, record) as AccessRequest;
    const text = Object.values(renderAccessRequest(request, t)).join('\n');
    expect(text).not.toMatch(/@|\{|\$\d/);
    expect(Object.keys(request).sort()).toEqual(
      [
        'apiKeysEntry',
        'checkedAt',
        'contactUrl',
        'environment',
        'origin',
        'reason',
        'recipient',
        'role',
      ].sort(),
    );
  });

  it.each(['ready', 'signed-out', 'unknown', 'not-checked'] as const)('there is none for %s', (kind) => {
    const record = recordFor(kind, 'production');
    expect(accessRequest(verdict(record, who), 'production', who, record)).toBeNull();
  });
});
