import { HREFS, LABELS, SIGN_IN_PATHS } from './rules';
import type { Evidence, Observation } from './types';
import { UNKNOWN_ROLE } from './types';

function normalise(label: string): string {
  return label
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, ' ');
}

const INTERACTIVE = 'a[href], button, [role="link"], [role="menuitem"]';

/** Reads one page into an Observation. Pure: takes the document and URL, touches nothing else. */
export function detect(document: Document, url: string | URL): Observation {
  const location = new URL(url);
  const evidence: Evidence[] = [];
  if (SIGN_IN_PATHS.some((p) => p.test(location.pathname))) {
    evidence.push({ check: 'signedIn', signal: 'sign-in-path', detail: location.pathname });
    return {
      signedIn: 'no',
      apiKeysEntry: 'unknown',
      legacyApiEntry: 'unknown',
      role: UNKNOWN_ROLE,
      evidence,
    };
  }
  const apiKeysLabels = new Set(LABELS.apiKeys.map(normalise));
  let apiKeysEntry: Observation['apiKeysEntry'] = 'unknown';
  for (const el of document.querySelectorAll<HTMLElement>(INTERACTIVE)) {
    const href = el.getAttribute('href');
    const path = href ? new URL(href, location).pathname : '';
    if (HREFS.apiKeys.test(path) || apiKeysLabels.has(normalise(el.textContent ?? ''))) {
      apiKeysEntry = 'visible';
      evidence.push({ check: 'apiKeysEntry', signal: 'entry', detail: 'API Keys' });
      break;
    }
  }
  const signedIn = document.querySelector('nav') ? 'yes' : 'unknown';
  return { signedIn, apiKeysEntry, legacyApiEntry: 'unknown', role: UNKNOWN_ROLE, evidence };
}
