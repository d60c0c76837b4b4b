import { describe, expect, it, vi } from 'vitest';
import { MAX_MESSAGE_CHARS } from '../../../lib/limits';
import { admit, createRefusalLog, type SenderInfo } from '../../../lib/messages/admission';
import { send } from '../../../lib/messages/client';
import type { RefusalCode } from '../../../lib/messages/protocol';
import { isSecret } from '../../../lib/privacy';
import { EMPTY_OBSERVATION } from '../../../lib/types';
import { PERSONAL_LABELS } from '../../e2e/reliability/hostile-strings';

const self = { id: 'our-id', baseUrl: 'chrome-extension://our-id/' };
const pleoTab: SenderInfo = {
  id: 'our-id',
  url: 'https://app.pleo.io/settings',
  origin: 'https://app.pleo.io',
  frameId: 0,
  tab: { id: 7 },
};
const popup: SenderInfo = { id: 'our-id', url: 'chrome-extension://our-id/popup.html' };
const observation = {
  type: 'observation',
  observation: {
    ...EMPTY_OBSERVATION,
    signedIn: 'yes',
    evidence: [{ check: 'signedIn', signal: 'nav', detail: 'main menu' }],
  },
};

describe('admit: accepted', () => {
  it('an observation from our content script in the top frame of a Pleo tab', () => {
    expect(admit(observation, pleoTab, self)).toEqual({
      ok: true,
      from: 'content',
      message: observation,
      environment: 'production',
      tabId: 7,
    });
  });

  it('from Staging, and from Firefox, which gives a URL but no origin', () => {
    const firefox: SenderInfo = {
      id: 'our-id',
      url: 'https://app.staging.pleo.io/login',
      frameId: 0,
      tab: { id: 3 },
    };
    expect(admit(observation, firefox, self)).toMatchObject({ ok: true, environment: 'staging', tabId: 3 });
  });

  it.each([
    { type: 'dismiss-hint', verdict: 'role-missing' },
    { type: 'open-guidance' },
    { type: 'start-pick', target: 'apiKeys' },
    { type: 'start-pick', target: 'role' },
  ])('a content-script message: $type', (message) => {
    expect(admit(message, pleoTab, self)).toMatchObject({ ok: true, from: 'content', message });
  });

  it.each([
    { type: 'set-profile', kind: 'partner', stage: 'new' },
    { type: 'declare-role', environment: 'staging', role: 'bookkeeper' },
    { type: 'declare-role', environment: 'production', role: null },
    { type: 'set-hint-enabled', enabled: false },
    { type: 'forget-everything' },
  ])('a message from our own page: $type', (message) => {
    expect(admit(message, popup, self)).toEqual({ ok: true, from: 'page', message });
    const optionsInATab: SenderInfo = {
      ...popup,
      url: 'chrome-extension://our-id/options.html',
      tab: { id: 2 },
    };
    expect(admit(message, optionsInATab, self)).toMatchObject({ ok: true, from: 'page' });
  });
});

describe('admit: refused', () => {
  const senders: [string, SenderInfo][] = [
    ['another extension', { ...pleoTab, id: 'other-id' }],
    ['no extension id', { ...pleoTab, id: undefined }],
    ['a sub-frame', { ...pleoTab, frameId: 1 }],
    ['no frame id', { ...pleoTab, frameId: undefined }],
    ['plain http', { ...pleoTab, url: 'http://app.pleo.io/settings', origin: 'http://app.pleo.io' }],
    [
      'a look-alike origin',
      {
        ...pleoTab,
        url: 'https://app.pleo.io.evil.example/settings',
        origin: 'https://app.pleo.io.evil.example',
      },
    ],
    ['another Pleo host', { ...pleoTab, url: 'https://www.pleo.io/en', origin: 'https://www.pleo.io' }],
    ['a port', { ...pleoTab, url: 'https://app.pleo.io:8443/', origin: 'https://app.pleo.io:8443' }],
    ['origin and URL disagreeing', { ...pleoTab, url: 'https://evil.example/' }],
    ['no tab', { ...pleoTab, tab: undefined }],
    ['a tab without id', { ...pleoTab, tab: {} }],
    ['no URL or origin', { id: 'our-id', frameId: 0, tab: { id: 7 } }],
    ['our own popup', popup],
  ];
  it.each(senders)('an observation from %s', (_, sender) => {
    expect(admit(observation, sender, self)).toEqual({ ok: false, error: 'bad-sender' });
  });

  // The background injects pick mode into the tab admission names: only a Pleo tab's own top frame
  // can ask for it, for itself; no message can name another tab.
  it.each(senders)('a pick request from %s', (_, sender) => {
    expect(admit({ type: 'start-pick', target: 'role' }, sender, self)).toEqual({
      ok: false,
      error: 'bad-sender',
    });
  });

  it.each([
    ['another tab named', { type: 'start-pick', target: 'apiKeys', tabId: 8 }],
    ['a frame named', { type: 'start-pick', target: 'apiKeys', frameId: 0 }],
    ['an unknown target', { type: 'start-pick', target: 'settings' }],
    ['no target', { type: 'start-pick' }],
  ])('a pick request with %s', (_, message) => {
    expect(admit(message, pleoTab, self)).toEqual({ ok: false, error: 'bad-schema' });
  });

  const pageSenders: [string, SenderInfo][] = [
    ['a Pleo tab (content script)', pleoTab],
    ['another extension', { ...popup, id: 'other-id' }],
    ["another extension's page", { ...popup, url: 'chrome-extension://other-id/popup.html' }],
    ['a web page', { id: 'our-id', url: 'https://evil.example/' }],
    ['no URL', { id: 'our-id' }],
    ['a broken URL', { id: 'our-id', url: 'not a url' }],
    [
      'a look-alike extension origin',
      { id: 'our-id', url: 'chrome-extension://our-id.evil.example/popup.html' },
    ],
  ];
  it.each(pageSenders)('a page message from %s', (_, sender) => {
    expect(admit({ type: 'forget-everything' }, sender, self)).toEqual({ ok: false, error: 'bad-sender' });
  });

  const withObservation = (change: Record<string, unknown>) => ({
    type: 'observation',
    observation: { ...observation.observation, ...change },
  });
  const polluted = JSON.parse(
    '{"type":"observation","observation":{"signedIn":"yes","apiKeysEntry":"unknown","legacyApiEntry":"unknown","role":{"value":"unknown","confidence":"low","source":"detected"},"evidence":[],"__proto__":{"admin":true}}}',
  );
  const pollutedTop = JSON.parse('{"type":"forget-everything","__proto__":{"admin":true}}');
  const schemas: [string, unknown][] = [
    ['an extra top-level field', { ...observation, environment: 'production' }],
    ['an extra observation field', withObservation({ email: 'someone@example.com' })],
    ['a wrong value', withObservation({ signedIn: 'maybe' })],
    ['a wrong type', withObservation({ apiKeysEntry: true })],
    [
      'a declared role from a page',
      withObservation({ role: { value: 'admin', confidence: 'high', source: 'declared' } }),
    ],
    ['a missing field', { type: 'observation', observation: { signedIn: 'yes' } }],
    [
      'a long evidence detail',
      withObservation({ evidence: [{ check: 'role', signal: 's', detail: 'x'.repeat(81) }] }),
    ],
    [
      'too much evidence',
      withObservation({ evidence: Array(25).fill({ check: 'role', signal: 's', detail: 'd' }) }),
    ],
    ['a __proto__ key inside', polluted],
    ['a __proto__ key on top', pollutedTop],
    ['a constructor key', { type: 'open-guidance', constructor: { name: 'x' } }],
    ['an unknown type', { type: 'write-anything', value: 1 }],
    ['no type', { observation: observation.observation }],
    ['a string', 'observation'],
    ['null', null],
    ['undefined', undefined],
    ['an array', [observation]],
    ['a dismissal of an unknown verdict', { type: 'dismiss-hint', verdict: 'great' }],
    [
      'a dismissal naming its environment',
      { type: 'dismiss-hint', verdict: 'ready', environment: 'staging' },
    ],
  ];
  it.each(schemas)('a message with %s', (_, message) => {
    expect(admit(message, pleoTab, self)).toEqual({ ok: false, error: 'bad-schema' });
  });

  it.each([
    [
      'declare-role of an unknown environment',
      { type: 'declare-role', environment: 'sandbox', role: 'admin' },
    ],
    ['declare-role of the role "unknown"', { type: 'declare-role', environment: 'staging', role: 'unknown' }],
    ['set-profile with a wrong kind', { type: 'set-profile', kind: 'boss', stage: 'new' }],
    ['set-hint-enabled with a string', { type: 'set-hint-enabled', enabled: 'yes' }],
  ])('a page message with %s', (_, message) => {
    expect(admit(message, popup, self)).toEqual({ ok: false, error: 'bad-schema' });
  });

  it('a 1 MB payload is refused before its schema is read', () => {
    const huge = withObservation({
      evidence: [{ check: 'role', signal: 's', detail: 'x'.repeat(1024 * 1024) }],
    });
    expect(admit(huge, pleoTab, self)).toEqual({ ok: false, error: 'too-large' });
    expect(admit({ type: 'open-guidance', padding: 'x'.repeat(MAX_MESSAGE_CHARS) }, pleoTab, self)).toEqual({
      ok: false,
      error: 'too-large',
    });
  });

  it('a message that cannot be serialised is refused', () => {
    const cyclic: Record<string, unknown> = { type: 'open-guidance' };
    cyclic.self = cyclic;
    expect(admit(cyclic, pleoTab, self)).toMatchObject({ ok: false });
  });
});

describe('createRefusalLog', () => {
  it('warns once per refusal code', () => {
    const warn = vi.fn();
    const log = createRefusalLog(warn);
    const codes: RefusalCode[] = [
      'bad-sender',
      'bad-schema',
      'bad-sender',
      'too-large',
      'bad-schema',
      'bad-sender',
    ];
    for (const code of codes) log(code);
    expect(warn).toHaveBeenCalledTimes(3);
    expect(warn.mock.calls.map(([message]) => message)).toEqual([
      expect.stringContaining('bad-sender'),
      expect.stringContaining('bad-schema'),
      expect.stringContaining('too-large'),
    ]);
  });
});

describe('send', () => {
  it('returns the background answer, and a failed write when there is none', async () => {
    const answering = { sendMessage: vi.fn(async () => ({ ok: true })) };
    expect(await send(answering, { type: 'forget-everything' })).toEqual({ ok: true });
    expect(answering.sendMessage).toHaveBeenCalledWith({ type: 'forget-everything' });
    const silent = { sendMessage: async () => undefined };
    expect(await send(silent, { type: 'open-guidance' })).toEqual({ ok: false, error: 'write-failed' });
  });
});

describe('admit: nothing personal or secret is admitted, whatever the content script says', () => {
  it.each(PERSONAL_LABELS)('a label to learn: %j', (label) => {
    const message = { type: 'learn-label', kind: 'role', label, language: 'en', role: 'admin' };
    expect(admit(message, pleoTab, self)).toEqual({ ok: false, error: 'personal-or-secret' });
  });

  it.each(PERSONAL_LABELS.filter((label) => isSecret(label)))('a company name: %j', (organisation) => {
    expect(admit({ ...observation, organisation }, pleoTab, self)).toEqual({
      ok: false,
      error: 'personal-or-secret',
    });
  });

  it('a company name is still a name: it is kept unless it is secret', () => {
    expect(admit({ ...observation, organisation: 'Acme Nordic ApS' }, pleoTab, self)).toMatchObject({
      ok: true,
    });
  });

  it.each(PERSONAL_LABELS)('evidence quoting %j loses that line, and keeps the rest', (label) => {
    const kept = { check: 'signedIn', signal: 'nav', detail: 'main menu' };
    const message = {
      ...observation,
      observation: {
        ...observation.observation,
        evidence: [
          kept,
          { check: 'role', signal: 'learned-label', detail: label },
          ...(isSecret(label) ? [{ check: 'apiKeysEntry', signal: 'entry-label', detail: label }] : []),
        ],
      },
    };
    const admitted = admit(message, pleoTab, self);
    expect(admitted).toMatchObject({ ok: true });
    expect((admitted as { message: typeof observation }).message.observation.evidence).toEqual([kept]);
  });

  it('a label of the rules, or one the user may teach, is admitted', () => {
    for (const label of ['API Keys', 'Expense reviewer', 'Developer access', 'Nøgler til udviklere']) {
      const message = { type: 'learn-label', kind: 'apiKeys', label, language: 'en' };
      expect(admit(message, pleoTab, self), label).toMatchObject({ ok: true });
    }
  });
});
