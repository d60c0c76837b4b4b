/**
 * The real background script, started in the fake browser: the messages it admits reach their
 * records, what it refuses writes nothing, its badge, and its serialised writes. What each change
 * does to the stored records is tested on lib/storage/records.ts itself.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import background from '../../../entrypoints/background';
import type { SenderInfo } from '../../../lib/messages/admission';
import type { Observation } from '../../../lib/types';
import { EMPTY_OBSERVATION } from '../../../lib/types';

const ID = fakeBrowser.runtime.id;
const tab = (id: number, url: string): SenderInfo => ({
  id: ID,
  url,
  origin: new URL(url).origin,
  frameId: 0,
  tab: { id },
});
const production = tab(7, 'https://app.pleo.io/settings');
const staging = tab(8, 'https://app.staging.pleo.io/settings');
const popup: SenderInfo = { id: ID, url: fakeBrowser.runtime.getURL('/popup.html') };

const observe = (observation: Partial<Observation>) => ({
  type: 'observation',
  observation: { ...EMPTY_OBSERVATION, ...observation },
});

async function deliver(message: unknown, sender: SenderInfo) {
  const [response] = await fakeBrowser.runtime.onMessage.trigger(
    message,
    sender as Browser.runtime.MessageSender,
    () => undefined,
  );
  return response;
}

const stored = () => fakeBrowser.storage.local.get();

/** What tabs.onUpdated passes: only the id, and the URL when the page is on an origin we may access. */
const updatedTab = (id: number, url?: string) => ({ id, url }) as Browser.tabs.Tab;

beforeEach(() => {
  fakeBrowser.reset();
  vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation(
    (name: string, substitutions?: string | (string | number)[]) =>
      `${name}(${[substitutions].flat().join(',')})`,
  );
  background.main();
});

describe('refusals write nothing', () => {
  const refused: [string, unknown, SenderInfo][] = [
    ['wrong extension id', observe({ signedIn: 'yes' }), { ...production, id: 'other' }],
    ['a sub-frame', observe({ signedIn: 'yes' }), { ...production, frameId: 2 }],
    ['http', observe({ signedIn: 'yes' }), tab(7, 'http://app.pleo.io/')],
    ['a look-alike origin', observe({ signedIn: 'yes' }), tab(7, 'https://app.pleo.io.evil.example/')],
    ['no tab', observe({ signedIn: 'yes' }), { ...production, tab: undefined }],
    ['an extra field', { ...observe({ signedIn: 'yes' }), extra: 1 }, production],
    ['a wrong field', observe({ signedIn: 'sure' as never }), production],
    ['a 1 MB payload', { ...observe({}), padding: 'x'.repeat(1 << 20) }, production],
    [
      'a __proto__ key',
      JSON.parse('{"type":"set-hint-enabled","enabled":false,"__proto__":{"enabled":true}}'),
      popup,
    ],
    ['a page message from a content script', { type: 'forget-everything' }, production],
    [
      'a page message from another extension',
      { type: 'set-hint-enabled', enabled: false },
      { ...popup, id: 'x' },
    ],
  ];

  it.each(refused)('%s', async (_, message, sender) => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    await deliver(observe({ signedIn: 'yes' }), production);
    const before = await stored();
    const badge = await fakeBrowser.action.getBadgeText({ tabId: 7 });
    const response = (await deliver(message, sender)) as { ok: boolean; error: string };
    expect(response.ok).toBe(false);
    expect(['bad-sender', 'bad-schema', 'too-large']).toContain(response.error);
    expect(await stored()).toEqual(before);
    expect(await fakeBrowser.action.getBadgeText({ tabId: 7 })).toBe(badge);
  });

  it('logs each refusal code once', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    for (let i = 0; i < 5; i++) {
      await deliver(observe({}), { ...production, frameId: 1 });
      await deliver({ type: 'nonsense' }, production);
    }
    expect(warn).toHaveBeenCalledTimes(2);
  });
});

describe('accepted messages', () => {
  it('an observation is merged into its environment, with its verdict in the history and on the badge', async () => {
    expect(await deliver(observe({ signedIn: 'yes', apiKeysEntry: 'visible' }), production)).toEqual({
      ok: true,
    });
    const record = (await stored())['environment:production'];
    expect(record).toMatchObject({
      environment: 'production',
      signedIn: { value: 'yes' },
      apiKeysEntry: { value: 'visible' },
      history: [{ verdict: 'ready' }],
    });
    expect((await stored())['environment:staging']).toBeUndefined();
    expect(await fakeBrowser.action.getBadgeText({ tabId: 7 })).toBe('✓');
    expect(await fakeBrowser.action.getBadgeText({ tabId: 8 })).toBe('');
  });

  it('two tabs reporting at once lose nothing', async () => {
    const otherProductionTab = tab(9, 'https://app.pleo.io/people');
    await Promise.all(
      Array.from({ length: 50 }, (_, i) => [
        deliver(observe({ signedIn: 'yes', legacyApiEntry: i % 2 ? 'visible' : 'absent' }), production),
        deliver(observe({ apiKeysEntry: 'absent' }), otherProductionTab),
        deliver(observe({ role: { value: 'employee', confidence: 'high', source: 'detected' } }), staging),
      ]).flat(),
    );
    const all = await stored();
    expect(all['environment:production']).toMatchObject({
      signedIn: { value: 'yes' },
      apiKeysEntry: { value: 'absent' },
      legacyApiEntry: { value: 'visible' },
    });
    expect(all['environment:staging']).toMatchObject({ role: { value: { value: 'employee' } } });
    expect(await fakeBrowser.action.getBadgeText({ tabId: 8 })).toBe('!');
  });

  it('profile, hint setting and dismissals are stored', async () => {
    await deliver({ type: 'set-profile', kind: 'customer', stage: 'new' }, popup);
    await deliver({ type: 'set-hint-enabled', enabled: false }, popup);
    await deliver({ type: 'dismiss-hint', verdict: 'role-missing' }, staging);
    await deliver({ type: 'dismiss-hint', verdict: 'role-missing' }, staging);
    const all = await stored();
    expect(all.profile).toMatchObject({ kind: 'customer', stage: 'new' });
    expect(all.settings).toEqual({ hintEnabled: false });
    expect(all.dismissedHints).toEqual(['staging:role-missing']);
  });

  it('a key check: the page’s result per environment is kept, stamped; an extra field or a content script is refused', async () => {
    const companyId = '6b1f3c2e-4d5a-4e8b-9c7d-0a1b2c3d4e5f';
    const result = {
      type: 'record-key-check',
      production: { result: 'valid', companyId },
      staging: { result: 'invalid' },
    };
    const keyCheckPage: SenderInfo = { id: ID, url: fakeBrowser.runtime.getURL('/check-key.html') };
    expect(await deliver({ ...result, key: 'pleo_secret' }, keyCheckPage)).toEqual({
      ok: false,
      error: 'bad-schema',
    });
    expect(
      await deliver(
        { ...result, production: { result: 'valid', companyId: 'urn:pleo:company:<x>' } },
        keyCheckPage,
      ),
    ).toEqual({ ok: false, error: 'bad-schema' });
    expect(await deliver(result, production)).toEqual({ ok: false, error: 'bad-sender' });
    expect((await stored()).keyChecks).toBeUndefined();
    expect(await deliver(result, keyCheckPage)).toEqual({ ok: true });
    expect((await stored()).keyChecks).toEqual({
      production: { result: 'valid', companyId, checkedAt: expect.any(Number) },
      staging: { result: 'invalid', checkedAt: expect.any(Number) },
    });
  });

  it('forget-everything removes every stored value', async () => {
    await deliver(observe({ signedIn: 'yes' }), production);
    await deliver({ type: 'set-profile', kind: 'partner', stage: 'new' }, popup);
    await deliver({ type: 'forget-everything' }, popup);
    const values = Object.keys(await stored()).filter((key) => !key.endsWith('$'));
    expect(values).toEqual([]);
  });

  it('open-guidance opens the popup in a tab for the sender environment', async () => {
    await deliver({ type: 'open-guidance' }, staging);
    const tabs = await fakeBrowser.tabs.query({});
    expect(tabs.map((t) => t.url)).toContain(
      `chrome-extension://${ID}/popup.html?environment=staging&view=tab`,
    );
  });
});

describe('badge per tab', () => {
  it('a tab leaving Pleo loses its badge; one loading a Pleo page shows that environment', async () => {
    await deliver(observe({ signedIn: 'yes', apiKeysEntry: 'visible' }), production);
    await fakeBrowser.tabs.onUpdated.trigger(7, { status: 'loading' }, updatedTab(7));
    await vi.waitFor(async () => expect(await fakeBrowser.action.getBadgeText({ tabId: 7 })).toBe(''));
    await fakeBrowser.tabs.onUpdated.trigger(
      7,
      { status: 'loading' },
      updatedTab(7, 'https://app.pleo.io/cards'),
    );
    await vi.waitFor(async () => expect(await fakeBrowser.action.getBadgeText({ tabId: 7 })).toBe('✓'));
    await fakeBrowser.tabs.onUpdated.trigger(7, { status: 'complete' }, updatedTab(7));
    expect(await fakeBrowser.action.getBadgeText({ tabId: 7 })).toBe('✓');
  });

  it('has a title in words', async () => {
    await deliver(observe({ signedIn: 'no' }), staging);
    expect(await fakeBrowser.action.getBadgeText({ tabId: 8 })).toBe('–');
    expect(await fakeBrowser.action.getTitle({ tabId: 8 })).toBe(
      'badge_signedOut(badge_environment_staging())',
    );
  });

  it('follows a declared role and a forget-everything on every open Pleo tab', async () => {
    const opened = await fakeBrowser.tabs.create({ url: 'https://app.pleo.io/settings' });
    await fakeBrowser.tabs.create({ url: 'https://example.com/' });
    // The fake compares `url` by equality; browsers match it as patterns, as here.
    const query = fakeBrowser.tabs.query.bind(fakeBrowser.tabs);
    const allTabs = (): Promise<Browser.tabs.Tab[]> => query({});
    vi.spyOn(fakeBrowser.tabs, 'query').mockImplementation(async ({ url }: Browser.tabs.QueryInfo) => {
      const prefixes = [url ?? []].flat().map((pattern) => pattern.replace(/\*$/, ''));
      return (await allTabs()).filter((t) => prefixes.some((prefix) => t.url?.startsWith(prefix)));
    });
    const sender = tab(opened.id as number, 'https://app.pleo.io/settings');
    await deliver(observe({ signedIn: 'yes', apiKeysEntry: 'absent' }), sender);
    const badge = () => fakeBrowser.action.getBadgeText({ tabId: opened.id });
    expect(await badge()).toBe('?');
    await deliver({ type: 'declare-role', environment: 'production', role: 'bookkeeper' }, popup);
    expect(await badge()).toBe('!');
    await deliver({ type: 'forget-everything' }, popup);
    expect(await badge()).toBe('');
  });
});

describe('one record per organisation (company)', () => {
  const ADMIN = { value: 'admin', confidence: 'high', source: 'detected' } as const;
  const inCompany = (organisation: string, observation: Partial<Observation>) => ({
    ...observe(observation),
    organisation,
  });
  const organisations = async () =>
    ((await stored())['organisations:production'] ?? []) as { id: string; name: string; record: unknown }[];

  it('an observation of a company goes to that company’s record alone; each tab’s badge follows its company', async () => {
    const other = tab(9, 'https://app.pleo.io/settings');
    await deliver(
      inCompany('Acme ApS', { signedIn: 'yes', apiKeysEntry: 'visible', role: ADMIN }),
      production,
    );
    await deliver(inCompany('Beta GmbH', { signedIn: 'yes', apiKeysEntry: 'absent', role: ADMIN }), other);
    const list = await organisations();
    expect(list.map((o) => o.name)).toEqual(['Acme ApS', 'Beta GmbH']);
    expect(list[0]!.id).toMatch(/^[0-9a-f]{32}$/);
    expect(list[0]!.record).toMatchObject({
      apiKeysEntry: { value: 'visible' },
      history: [{ verdict: 'ready' }],
    });
    expect(list[1]!.record).toMatchObject({
      apiKeysEntry: { value: 'absent' },
      history: [{ verdict: 'not-enabled' }],
    });
    // The environment's own record (pages that showed no company) is untouched.
    expect((await stored())['environment:production']).toBeUndefined();
    expect(await fakeBrowser.action.getBadgeText({ tabId: 7 })).toBe('✓');
    expect(await fakeBrowser.action.getBadgeText({ tabId: 9 })).toBe('!');
  });

  it('refuses an empty or over-long company name, writing nothing', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    for (const name of ['', '   ', 'x'.repeat(61)]) {
      expect(await deliver(inCompany(name, { signedIn: 'yes' }), production)).toEqual({
        ok: false,
        error: 'bad-schema',
      });
    }
    expect(await stored()).toEqual({});
  });
});

describe('a request the user sent (issue 26)', () => {
  // Dates are put in words in the extension's language, which must then be a real one.
  beforeEach(() => {
    vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation(
      (name: string, substitutions?: string | (string | number)[]) =>
        name === 'language' ? 'en' : `${name}(${[substitutions].flat().join(',')})`,
    );
  });
  const admin = { value: 'admin', confidence: 'high', source: 'detected' } as const;
  const inCompany = (organisation: string, observation: Partial<Observation>) => ({
    ...observe(observation),
    organisation,
  });
  const requests = async () =>
    ((await stored()).requests ?? { production: [], staging: [] }) as Record<
      'production' | 'staging',
      { organisation: string | null; kind: string; sentAt: number; resolvedAt: number | null }[]
    >;
  const acmeId = async () =>
    ((await stored())['organisations:production'] as { id: string; name: string }[]).find(
      (o) => o.name === 'Acme ApS',
    )!.id;

  it('is kept by "I sent it" and closed by the first page of that company showing API Keys, badge until the popup is opened', async () => {
    await deliver(
      inCompany('Acme ApS', { signedIn: 'yes', apiKeysEntry: 'absent', role: admin }),
      production,
    );
    const organisation = await acmeId();
    const where = { environment: 'production', organisation, kind: 'enabling' };
    expect(await deliver({ type: 'request-sent', ...where, recipient: 'customer-success' }, popup)).toEqual({
      ok: true,
    });
    expect((await requests()).production).toEqual([
      expect.objectContaining({ organisation, resolvedAt: null }),
    ]);

    // Another company showing API Keys, and the environment's own record, leave it open.
    await deliver(inCompany('Beta A/S', { signedIn: 'yes', apiKeysEntry: 'visible' }), production);
    await deliver(observe({ signedIn: 'yes', apiKeysEntry: 'visible' }), production);
    expect((await requests()).production[0]?.resolvedAt).toBeNull();

    await deliver(inCompany('Acme ApS', { signedIn: 'yes', apiKeysEntry: 'visible' }), production);
    expect((await requests()).production[0]?.resolvedAt).toEqual(expect.any(Number));
    expect(await fakeBrowser.action.getBadgeText({ tabId: 7 })).toBe('1');
    expect(await fakeBrowser.action.getTitle({ tabId: 7 })).toContain('followUp_arrivedEnabling');

    fakeBrowser.tabs.query = (async () => [{ id: 7, url: 'https://app.pleo.io/settings' }]) as never;
    await deliver({ type: 'arrivals-seen' }, popup);
    expect(await fakeBrowser.action.getBadgeText({ tabId: 7 })).toBe('✓');

    // The hint of that company's page told it: it is not told again.
    await deliver({ type: 'arrival-shown', organisation: 'ACME  ApS' }, production);
    expect((await requests()).production[0]).toMatchObject({ seenInPageAt: expect.any(Number) });
  });

  it('is undone, and kept once per kind and record', async () => {
    const where = { environment: 'production', organisation: null, kind: 'role' };
    await deliver({ type: 'request-sent', ...where, recipient: 'administrator' }, popup);
    await deliver({ type: 'request-sent', ...where, recipient: 'administrator' }, popup);
    expect((await requests()).production).toHaveLength(1);
    await deliver({ type: 'request-unsent', ...where }, popup);
    expect((await requests()).production).toEqual([]);
  });

  it('is refused from a content script, and with a name for a recipient', async () => {
    const where = { environment: 'production', organisation: null, kind: 'role' };
    expect(await deliver({ type: 'request-sent', ...where, recipient: 'administrator' }, production)).toEqual(
      {
        ok: false,
        error: 'bad-sender',
      },
    );
    expect(await deliver({ type: 'request-sent', ...where, recipient: 'Maria Jensen' }, popup)).toEqual({
      ok: false,
      error: 'bad-schema',
    });
    expect((await stored()).requests).toBeUndefined();
  });
});
