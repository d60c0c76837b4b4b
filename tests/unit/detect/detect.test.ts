// @vitest-environment happy-dom
/**
 * Every detection fixture through `detect`, table-driven: the generated matrix (11 languages × 5
 * roles × access enabled or not, plus the API Keys and sign-in pages) and the hand-written shapes.
 */
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { detect } from '../../../lib/detect/detect';
import { pageKind } from '../../../lib/detect/paths';
import { ObservationSchema } from '../../../lib/messages/protocol';
import type { Observation } from '../../../lib/types';
import { type DetectCase, FRESH_KEY } from '../../fixtures/detect/build';
import { MATRIX_CASES } from '../../fixtures/detect/matrix';
import { SHAPE_CASES } from '../../fixtures/detect/shapes';
import { VOCABULARY_CASES } from '../../fixtures/detect/vocabulary';

const ALL_CASES: DetectCase[] = [...MATRIX_CASES, ...SHAPE_CASES, ...VOCABULARY_CASES];

function detectHtml(html: string, url: string): Observation {
  return detect(new DOMParser().parseFromString(html, 'text/html'), url);
}

/** Text that only the page knows (names, e-mails, company): it must never reach an observation. */
const PAGE_ONLY = ['Alex', 'Example', 'example.com', 'Camille', 'Kim', 'Acme'];

describe('detect: every fixture', () => {
  it('has at least 60 cases with unique names', () => {
    expect(ALL_CASES.length).toBeGreaterThanOrEqual(60);
    expect(new Set(ALL_CASES.map((c) => c.name)).size).toBe(ALL_CASES.length);
  });

  it.each(ALL_CASES.map((c) => [c.name, c] as const))('%s', (_name, fixture) => {
    const observation = detectHtml(fixture.html, fixture.url);
    const { expected } = fixture;
    expect({
      signedIn: observation.signedIn,
      apiKeysEntry: observation.apiKeysEntry,
      legacyApiEntry: observation.legacyApiEntry,
      role: observation.role.value,
    }).toEqual({
      signedIn: expected.signedIn,
      apiKeysEntry: expected.apiKeysEntry,
      legacyApiEntry: expected.legacyApiEntry,
      role: expected.role.value,
    });
    if (expected.role.confidence) expect(observation.role.confidence).toBe(expected.role.confidence);
    expect(observation.role.source).toBe('detected');
    const signals = observation.evidence.map((e) => e.signal);
    for (const signal of expected.signals ?? []) expect(signals).toContain(signal);

    // Evidence for every definitive value, short, and quoting nothing page-only.
    const definitive = [
      observation.signedIn !== 'unknown' && 'signedIn',
      observation.apiKeysEntry !== 'unknown' && 'apiKeysEntry',
      observation.legacyApiEntry !== 'unknown' && 'legacyApiEntry',
      observation.role.value !== 'unknown' && 'role',
    ].filter(Boolean);
    expect(new Set(observation.evidence.map((e) => e.check))).toEqual(new Set(definitive));
    expect(observation.evidence.length).toBeLessThanOrEqual(6);
    for (const { signal, detail } of observation.evidence) {
      expect(signal).toMatch(/^[a-z]+(-[a-z]+)*$/);
      expect(signal.length).toBeLessThanOrEqual(40);
      expect(detail.length).toBeLessThanOrEqual(80);
      for (const text of PAGE_ONLY) expect(detail).not.toContain(text);
    }
    expect(v.safeParse(ObservationSchema, observation).success).toBe(true);
  });
});

describe('detect: a main role beside the Reviewer add-on', () => {
  it('reads the main role, and the evidence names both', () => {
    const observation = detectHtml(
      VOCABULARY_CASES.find((c) => c.name.startsWith('v5 en: Admin and Reviewer'))!.html,
      'https://app.pleo.io/expenses',
    );
    expect(observation.role.value).toBe('admin');
    expect(observation.evidence.find((e) => e.check === 'role')?.detail).toBe('Admin (en) + Reviewer (en)');
  });

  it('a German ending is quoted as the rules spell the bare word', () => {
    const observation = detectHtml(
      VOCABULARY_CASES.find((c) => c.name.includes('"Mitarbeiter*in"'))!.html,
      'https://app.pleo.io/expenses',
    );
    expect(observation.evidence.find((e) => e.check === 'role')?.detail).toBe('Mitarbeiter (de)');
  });
});

describe('detect: a freshly created key never leaves the page', () => {
  const fixture = SHAPE_CASES.find((c) => c.html.includes(FRESH_KEY))!;

  it('is shown in text, an input value, code, a title and an aria-label of the fixture', () => {
    expect(fixture.html.split(FRESH_KEY).length - 1).toBeGreaterThanOrEqual(5);
  });

  it('no part of it is in the observation', () => {
    const serialised = JSON.stringify(detectHtml(fixture.html, fixture.url));
    for (let i = 0; i + 8 <= FRESH_KEY.length; i++)
      expect(serialised).not.toContain(FRESH_KEY.slice(i, i + 8));
  });
});

describe('detect: what is never read', () => {
  it('ignores an entry label that only a form field value carries', () => {
    const observation = detectHtml(
      '<nav><a href="/settings">Settings</a></nav><button><input value="API Keys"></button>',
      'https://app.pleo.io/expenses',
    );
    expect(observation.apiKeysEntry).toBe('unknown');
  });

  it('reads each label only up to a label length, whatever the size of the element', () => {
    const long = `${'<span>word </span>'.repeat(5000)}`;
    const observation = detectHtml(
      `<nav><a href="/settings">Settings</a></nav><button>${long}</button>`,
      'https://app.pleo.io/',
    );
    expect(observation.apiKeysEntry).toBe('unknown');
    expect(observation.signedIn).toBe('yes');
  });
});

describe('pageKind', () => {
  it.each([
    ['https://app.pleo.io/settings/api-keys', 'api-keys'],
    ['https://app.pleo.io/settings/api-keys/', 'api-keys'],
    ['https://app.pleo.io/settings', 'settings'],
    ['https://app.pleo.io/settings/export?x=1', 'settings'],
    ['https://app.pleo.io/settingsx', 'other'],
    ['https://app.staging.pleo.io/login', 'sign-in'],
    ['https://app.pleo.io/access/reset', 'sign-in'],
    ['https://app.pleo.io/accessibility', 'other'],
    ['https://app.pleo.io/', 'other'],
  ])('%s is %s', (url, kind) => {
    expect(pageKind(new URL(url).pathname)).toBe(kind);
  });
});
