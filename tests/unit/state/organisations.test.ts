import { describe, expect, it } from 'vitest';
import { RULES_VERSION } from '../../../lib/detect/rules';
import { environmentView } from '../../../lib/guidance/view';
import { ORGANISATIONS_LIMIT } from '../../../lib/limits';
import { emptyRecord, merge, type ObservationRecord } from '../../../lib/state/merge';
import {
  byMostRecent,
  currentOrganisation,
  normaliseOrganisationName,
  type OrganisationRecord,
  organisationByName,
  organisationId,
  shownOrganisationName,
  withOrganisation,
} from '../../../lib/state/organisations';
import { DEFAULT_PROFILE, type Observation } from '../../../lib/types';

const ADMIN: Observation['role'] = { value: 'admin', confidence: 'high', source: 'detected' };
const seen = (apiKeysEntry: Observation['apiKeysEntry']): Observation => ({
  signedIn: 'yes',
  apiKeysEntry,
  legacyApiEntry: 'unknown',
  role: ADMIN,
  evidence: [],
});
const recordAt = (at: number, observation: Observation = seen('visible')): ObservationRecord =>
  merge(emptyRecord('production', RULES_VERSION), observation, at, RULES_VERSION);
const organisation = (name: string, at: number, observation?: Observation): OrganisationRecord => ({
  id: `id-${name}`,
  name,
  record: recordAt(at, observation),
});

describe('which company: its name and id', () => {
  it('one company however the page spaces or cases its name', async () => {
    expect(normaliseOrganisationName('  ACME\u00a0 ApS ')).toBe('acme aps');
    expect(shownOrganisationName('  Acme\u00a0 ApS ')).toBe('Acme ApS');
    expect(await organisationId('Acme ApS')).toBe(await organisationId(' acme   APS'));
    expect(await organisationId('Acme ApS')).not.toBe(await organisationId('Acme A/S'));
  });

  it('the id is a hash: 32 hex digits, with nothing of the name in it', async () => {
    const id = await organisationId('Acme ApS');
    expect(id).toMatch(/^[0-9a-f]{32}$/);
    expect(id).not.toContain('acme');
  });

  it('is found by the name the page shows', () => {
    const list = [organisation('Acme ApS', 1), organisation('Beta GmbH', 2)];
    expect(organisationByName(list, 'beta  gmbh')?.name).toBe('Beta GmbH');
    expect(organisationByName(list, 'Gamma')).toBeUndefined();
  });
});

describe('keeping each company’s record', () => {
  it('puts one company’s record in without touching another’s', () => {
    const a = organisation('A', 1);
    const b = organisation('B', 2, seen('absent'));
    const { organisations } = withOrganisation([a, b], { ...a, record: recordAt(3, seen('absent')) });
    expect(organisations.find((o) => o.name === 'B')).toBe(b);
    expect(organisations.find((o) => o.name === 'A')?.record.apiKeysEntry.value).toBe('absent');
    expect(organisations).toHaveLength(2);
  });

  it(`keeps at most ${ORGANISATIONS_LIMIT}, dropping the one checked longest ago, never the one just written`, () => {
    let list: OrganisationRecord[] = [];
    const dropped: string[] = [];
    for (let i = 0; i < ORGANISATIONS_LIMIT + 5; i++) {
      const result = withOrganisation(list, organisation(`Company ${i}`, 100 + i));
      list = result.organisations;
      dropped.push(...result.dropped.map((o) => o.name));
    }
    expect(list).toHaveLength(ORGANISATIONS_LIMIT);
    expect(dropped).toEqual(['Company 0', 'Company 1', 'Company 2', 'Company 3', 'Company 4']);
    // An old record written again is the newest, and stays.
    const again = withOrganisation(list, organisation('Company 0', 1));
    expect(again.organisations.map((o) => o.name)).toContain('Company 0');
    expect(again.dropped).toHaveLength(1);
  });
});

describe('the company a card leads with', () => {
  const own = recordAt(5, seen('unknown'));

  it('with no company ever seen: the environment’s own record, exactly as before', () => {
    expect(currentOrganisation(own, [])).toEqual({ record: own, organisation: null });
  });

  it('the record checked most recently, a company’s or the pages’ that showed none', () => {
    const a = organisation('A', 3);
    const b = organisation('B', 9);
    expect(currentOrganisation(own, [a, b]).organisation).toBe(b);
    expect(currentOrganisation(recordAt(10), [a, b]).organisation).toBeNull();
    expect(byMostRecent([a, b]).map((o) => o.name)).toEqual(['B', 'A']);
  });

  it('the popup: A (ready) seen first, B (not enabled) last: the card is B’s, A is listed with its verdict', () => {
    const never = emptyRecord('production', RULES_VERSION);
    const a = organisation('Acme ApS', 1, seen('visible'));
    const b = organisation('Beta GmbH', 2, {
      ...seen('absent'),
      evidence: [{ check: 'apiKeysEntry', signal: 'settings-list', detail: 'Settings list' }],
    });
    const view = environmentView('production', never, DEFAULT_PROFILE, null, 'granted', [a, b]);
    expect(view.organisation).toBe('Beta GmbH');
    expect(view.verdict.kind).toBe('not-enabled');
    expect(view.otherOrganisations).toEqual([{ name: 'Acme ApS', verdict: 'ready', checkedAt: 1 }]);
  });

  it('pages that showed no company are listed among the others once a company was seen', () => {
    const view = environmentView('production', own, DEFAULT_PROFILE, null, 'granted', [organisation('A', 9)]);
    expect(view.organisation).toBe('A');
    expect(view.otherOrganisations).toEqual([{ name: null, verdict: 'unknown', checkedAt: 5 }]);
  });

  it('no company seen: no company named and none listed', () => {
    const view = environmentView('production', own, DEFAULT_PROFILE, null);
    expect(view.organisation).toBeNull();
    expect(view.otherOrganisations).toEqual([]);
  });
});
