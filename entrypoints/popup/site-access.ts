/**
 * Whether the browser lets the checker read each environment's pages, and asking for it. In Chrome
 * and Edge a user or a policy can withhold site access ("On click", or blocked); the content script
 * then never runs there. The `permissions` API needs no permission of its own.
 */
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { originPattern, type SiteAccess, siteAccessRequest } from '../../lib/guidance/site-access';
import { ENVIRONMENTS, type Environment } from '../../lib/types';

export type SiteAccessByEnvironment = Record<Environment, SiteAccess>;

async function readSiteAccess(): Promise<SiteAccessByEnvironment> {
  const allowed = await Promise.all(
    ENVIRONMENTS.map((environment) =>
      browser.permissions.contains({ origins: [originPattern(environment)] }).catch(() => true),
    ),
  );
  return Object.fromEntries(
    ENVIRONMENTS.map((environment, i) => [environment, allowed[i] ? 'granted' : 'withheld']),
  ) as SiteAccessByEnvironment;
}

/** Site access per environment, read again whenever the browser grants or withdraws it; undefined until read. */
export function useSiteAccess(): SiteAccessByEnvironment | undefined {
  const [access, setAccess] = useState<SiteAccessByEnvironment>();
  useEffect(() => {
    const update = () => void readSiteAccess().then(setAccess);
    update();
    browser.permissions.onAdded.addListener(update);
    browser.permissions.onRemoved.addListener(update);
    return () => {
      browser.permissions.onAdded.removeListener(update);
      browser.permissions.onRemoved.removeListener(update);
    };
  }, []);
  return access;
}

/**
 * Asks the browser for both Pleo origins, exactly the manifest's host permissions. Called straight
 * from the click, so the browser sees the user's gesture; false when refused (or blocked by policy).
 */
export function requestSiteAccess(): Promise<boolean> {
  return browser.permissions.request(siteAccessRequest(ENVIRONMENTS)).catch(() => false);
}
