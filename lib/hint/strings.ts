// Generated from locales/en.yml by scripts/hint-strings.ts: edit the locale file, then rerun it.
/** The hint's texts by name: what the content script asks the background for, in any language. */
export const HINT_TEXTS = [
  'label',
  'roleMissing',
  'notEnabled',
  'roleUnclear',
  'unknownOpenSettings',
  'unknownRole',
  'ready',
  'details',
  'dismiss',
  'pickHow',
  'pickWhichRole',
  'pickCancel',
  'pickRefused',
  'pickConfirm',
  'pickKeep',
  'pickChanged',
  'pointApiKeys',
  'pointRole',
  'arrivedEnabling',
  'arrivedRole',
] as const;

/** The English texts, for tests and for the hint's own types; the content script carries none. */
export const ENGLISH_HINT_STRINGS = {
  label: 'API Access Checker for Pleo',
  roleMissing: 'Your role cannot create API keys here.',
  notEnabled: 'API keys are not enabled for this company.',
  roleUnclear:
    "API Keys is not listed here, and your role may not be enough. The checker's details say what to do.",
  unknownOpenSettings: 'Open the list of settings so the checker can look for API Keys.',
  unknownRole: 'The checker could not see your role. Tell it in the details.',
  ready: 'You can create an API key here. It is shown once, so copy it right away.',
  details: 'Details',
  dismiss: 'Dismiss',
  pickHow: 'click it, or use the arrow keys and Enter.',
  pickWhichRole: 'Which role is this?',
  pickCancel: 'Cancel',
  pickRefused: 'That cannot be learned.',
  pickConfirm: 'Keep this label? The checker will look for it on Pleo pages.',
  pickKeep: 'Keep “$1”',
  pickChanged: 'The label changed as you clicked it, so nothing was kept.',
  pointApiKeys: 'Point at the API Keys entry',
  pointRole: 'Point at your role',
  arrivedEnabling: 'API Keys is now enabled for this company. You asked on $1.',
  arrivedRole: 'Your role can now create API keys here. You asked on $1.',
} as const;
