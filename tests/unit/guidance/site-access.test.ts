import { describe, expect, it } from 'vitest';
import { MATCH_PATTERNS } from '../../../lib/environments';
import { originPattern, siteAccessRequest } from '../../../lib/guidance/site-access';
import { nextSteps } from '../../../lib/guidance/steps';
import { environmentView } from '../../../lib/guidance/view';
import { emptyRecord } from '../../../lib/state/merge';
import { verdict } from '../../../lib/state/verdict';
import { DEFAULT_PROFILE, ENVIRONMENTS } from '../../../lib/types';

describe('site access', () => {
  it('each environment is asked about by its manifest host permission', () => {
    expect(ENVIRONMENTS.map(originPattern)).toEqual(MATCH_PATTERNS);
  });

  it('"Grant access" asks for exactly the two declared Pleo origins, nothing else', () => {
    expect(siteAccessRequest(ENVIRONMENTS)).toEqual({
      origins: ['https://app.pleo.io/*', 'https://app.staging.pleo.io/*'],
    });
  });

  it('withheld: allowing it is the first next step, before what the verdict asks', () => {
    const record = emptyRecord('production', 1);
    const current = verdict(record, DEFAULT_PROFILE);
    const granted = nextSteps(current, 'production', DEFAULT_PROFILE, record).map((step) => step.id);
    const withheld = nextSteps(current, 'production', DEFAULT_PROFILE, record, 'withheld');
    expect(withheld.map((step) => step.id)).toEqual(['allowSiteAccess', ...granted]);
    // The browser's own settings cannot be linked to from a page: the step has no link.
    expect(withheld[0]!.url).toBeNull();
  });

  it('the view carries it, granted unless told otherwise', () => {
    const record = emptyRecord('staging', 1);
    expect(environmentView('staging', record, DEFAULT_PROFILE, null).siteAccess).toBe('granted');
    const view = environmentView('staging', record, DEFAULT_PROFILE, null, 'withheld');
    expect(view).toMatchObject({ siteAccess: 'withheld', verdict: { kind: 'not-checked' } });
    expect(view.steps[0]!.id).toBe('allowSiteAccess');
  });
});
