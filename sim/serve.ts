/**
 * The simulated Pleo app served at the real origins in a Playwright browser context (the machine
 * has no network, and every other request is aborted so a stray one shows up as a failure, not a
 * hang). Shared by the end-to-end tests, the demo and the benchmarks.
 */
import type { BrowserContext } from 'playwright-core';
import type { Environment } from '../lib/types';
import { DEFAULT_USER, pleoPage, SIMULATED_ORIGINS, type SimulatedUser } from './pages';

type PageSource = (path: string) => string | { status: number; body: string } | null;

export interface PleoServer {
  /** Serve this environment's origin as this user sees it (or with a custom page source). */
  serve(environment: Environment, source: Partial<SimulatedUser> | PageSource): void;
  /** Serve any other origin (look-alike hosts, plain http, third-party frames) with a page source. */
  serveOrigin(origin: string, source: PageSource): void;
  /** Every http(s) request that was not to a served Pleo origin. */
  strayRequests: string[];
}

export function routePleo(context: BrowserContext): Promise<PleoServer> {
  const sources = new Map<string, PageSource>();
  const strayRequests: string[] = [];
  const server: PleoServer = {
    serve(environment, source) {
      const page: PageSource =
        typeof source === 'function' ? source : (path) => pleoPage(path, { ...DEFAULT_USER, ...source });
      sources.set(SIMULATED_ORIGINS[environment], page);
    },
    serveOrigin(origin, source) {
      sources.set(new URL(origin).origin, source);
    },
    strayRequests,
  };
  return context
    .route('**/*', async (route) => {
      const url = new URL(route.request().url());
      if (url.protocol !== 'http:' && url.protocol !== 'https:') return route.continue();
      const source = sources.get(url.origin);
      const served =
        source && route.request().resourceType() === 'document' ? source(url.pathname + url.search) : null;
      if (served === null || served === undefined) {
        if (!source) strayRequests.push(url.href);
        return route.abort();
      }
      const { status, body } = typeof served === 'string' ? { status: 200, body: served } : served;
      return route.fulfill({ status, contentType: 'text/html; charset=utf-8', body });
    })
    .then(() => server);
}
