/**
 * The simulated Pleo External API, at its real origins: `GET /v1/installations/me` with Basic auth,
 * answering as Pleo documents it. Each simulated key stands for one case (a key of each environment,
 * an inactive installation, 403, 500, a slow answer); any other key is 401 in both environments.
 * Written apart from lib/keycheck on purpose: it is the oracle the key check is tested against.
 * Used by the end-to-end tests (Chromium and Firefox), the demo and the benchmark.
 */
import type { BrowserContext } from 'playwright-core';
import type { Environment } from '../lib/types';

const SIMULATED_API_ORIGINS: Record<Environment, string> = {
  production: 'https://external.pleo.io',
  staging: 'https://external.staging.pleo.io',
};

/** Keys that look like real ones and stand for one case each. */
export const SIMULATED_KEYS = {
  production: 'pleo_sim_prod_9f8e7d6c5b4a39281706f5e4d3c2b1a0',
  staging: 'pleo_sim_stag_0a1b2c3d4e5f60718293a4b5c6d7e8f9',
  inactive: 'pleo_sim_inactive_5c6d7e8f9a0b1c2d3e4f5a6b7c8d',
  forbidden: 'pleo_sim_forbidden_7e8f9a0b1c2d3e4f5a6b7c8d9e0f',
  serverError: 'pleo_sim_error_1c2d3e4f5a6b7c8d9e0f1a2b3c4d',
  slow: 'pleo_sim_slow_3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b',
  /** Pleo has never heard of it: 401 everywhere, like a mistyped, deleted or legacy one. */
  unknown: 'pleo_sim_unknown_000000000000000000000000000000',
} as const;

export const SIMULATED_COMPANIES: Record<Environment, string> = {
  production: '6b1f3c2e-4d5a-4e8b-9c7d-0a1b2c3d4e5f',
  staging: 'f5e4d3c2-b1a0-4987-8654-3210fedcba98',
};

type ApiAnswer = { status: number; body: string } | 'unreachable';

/** One request the simulated API received, with the headers a key check must and must not send. */
interface ApiRequest {
  environment: Environment;
  method: string;
  path: string;
  /** The key from the Basic auth header (user name), or null when there was none. */
  key: string | null;
  password: string | null;
  accept: string | null;
  cookie: string | null;
  referer: string | null;
}

function installation(environment: Environment, fields: Record<string, unknown> = {}): string {
  return JSON.stringify({
    id: `inst-${environment}-0001`,
    applicationId: 'app-0001',
    createdAt: '2026-11-30T10:00:00Z',
    updatedAt: '2026-11-30T10:00:00Z',
    resource: `urn:pleo:company:${SIMULATED_COMPANIES[environment]}`,
    status: 'ACTIVATED',
    metadata: {},
    ...fields,
  });
}

const UNAUTHORIZED = { status: 401, body: '{"message":"Unauthorized"}' };

/** What Pleo answers this key in this environment. */
function answerFor(environment: Environment, key: string | null): ApiAnswer {
  switch (key) {
    case SIMULATED_KEYS.production:
    case SIMULATED_KEYS.slow:
      return environment === 'production' ? { status: 200, body: installation('production') } : UNAUTHORIZED;
    case SIMULATED_KEYS.staging:
      return environment === 'staging' ? { status: 200, body: installation('staging') } : UNAUTHORIZED;
    case SIMULATED_KEYS.inactive:
      return environment === 'production'
        ? {
            status: 200,
            body: installation('production', { status: 'DEACTIVATED', errorCode: 'NOT_ENTITLED' }),
          }
        : UNAUTHORIZED;
    case SIMULATED_KEYS.forbidden:
      return environment === 'production' ? { status: 403, body: '{"message":"Forbidden"}' } : UNAUTHORIZED;
    case SIMULATED_KEYS.serverError:
      return { status: 500, body: 'Internal Server Error' };
    default:
      return UNAUTHORIZED;
  }
}

function basicCredentials(authorization: string | undefined): {
  key: string | null;
  password: string | null;
} {
  const encoded = /^Basic (.+)$/.exec(authorization ?? '')?.[1];
  if (!encoded) return { key: null, password: null };
  const decoded = Buffer.from(encoded, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  return colon < 0
    ? { key: decoded, password: null }
    : { key: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}

export interface SimulatedApi {
  /** Every request received, in order. */
  requests: ApiRequest[];
  /** No answer at all: the connection fails, as when offline or blocked by a policy. */
  unreachable: boolean;
  /** How long the slow key's answer takes. */
  slowMs: number;
}

/** Serves a request to either External API origin; null when the URL is not one of them. */
export function serveApiRequest(
  api: SimulatedApi,
  request: { url: string; method: string; headers: Record<string, string> },
): { answer: ApiAnswer; delayMs: number } | null {
  const url = new URL(request.url);
  const environment = (Object.keys(SIMULATED_API_ORIGINS) as Environment[]).find(
    (candidate) => SIMULATED_API_ORIGINS[candidate] === url.origin,
  );
  if (!environment) return null;
  const credentials = basicCredentials(request.headers.authorization);
  api.requests.push({
    environment,
    method: request.method,
    path: url.pathname + url.search,
    ...credentials,
    accept: request.headers.accept ?? null,
    cookie: request.headers.cookie ?? null,
    referer: request.headers.referer ?? null,
  });
  if (api.unreachable) return { answer: 'unreachable', delayMs: 0 };
  if (request.method !== 'GET' || url.pathname !== '/v1/installations/me') {
    return { answer: { status: 404, body: '' }, delayMs: 0 };
  }
  return {
    answer: answerFor(environment, credentials.key),
    delayMs: credentials.key === SIMULATED_KEYS.slow ? api.slowMs : 0,
  };
}

/**
 * Serves both External API origins in a Playwright context. Call it after sim/serve.ts's routePleo:
 * the route registered last is asked first, so these origins never reach its catch-all.
 */
export async function routeExternalApi(context: BrowserContext): Promise<SimulatedApi> {
  const api: SimulatedApi = { requests: [], unreachable: false, slowMs: 2_000 };
  for (const origin of Object.values(SIMULATED_API_ORIGINS)) {
    await context.route(`${origin}/**`, async (route) => {
      const request = route.request();
      const served = serveApiRequest(api, {
        url: request.url(),
        method: request.method(),
        headers: await request.allHeaders(),
      });
      if (!served || served.answer === 'unreachable') return route.abort('internetdisconnected');
      if (served.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, served.delayMs));
      const { status, body } = served.answer;
      return route
        .fulfill({ status, contentType: 'application/json;charset=UTF-8', body })
        .catch(() => undefined); // the page gave up waiting (its timeout) and the request is gone
    });
  }
  return api;
}

/**
 * Grants the optional host permissions for the External API the way chrome://extensions does, so a
 * later `permissions.request` for them resolves true at once: a test cannot click the browser's prompt.
 */
export async function allowApiAccess(context: BrowserContext, extensionId: string): Promise<void> {
  const page = await context.newPage();
  try {
    await page.goto(`chrome://extensions/?id=${extensionId}`);
    await page.evaluate(
      async ({ extensionId, origins }) => {
        const host = globalThis as unknown as {
          chrome: { developerPrivate: { addHostPermission(id: string, host: string): Promise<void> } };
        };
        for (const origin of origins)
          await host.chrome.developerPrivate.addHostPermission(extensionId, origin);
      },
      { extensionId, origins: Object.values(SIMULATED_API_ORIGINS).map((origin) => `${origin}/*`) },
    );
  } finally {
    await page.close();
  }
}
