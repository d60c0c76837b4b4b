/**
 * Detection rules as data. Bump RULES_VERSION whenever a label, pattern or word changes, so a
 * report tells which rules produced a verdict.
 */
export const RULES_VERSION = 1;

export const LABELS = {
  settings: ['Settings'],
  apiKeys: ['API Keys'],
  openApi: ['Open API'],
};

export const HREFS = {
  apiKeys: /^\/settings\/api-keys\/?$/,
  openApi: /^\/settings\/open-api\/?$/,
};

export const SIGN_IN_PATHS = [/^\/login(\/|$)/, /^\/access(\/|$)/];
