/**
 * Reliability 2 — injected text stays text. Hostile strings (hostile-strings.ts) sit in menu labels,
 * role texts and names on simulated Pleo pages, and, because detection keeps only short labels it
 * knows, they are also written straight into the stored evidence and resets log, where the popup
 * and both reports read them. Pass: no element built from them in the popup, the hint or the
 * options page, no script ran (window flag, dialogs, page errors, console errors such as a CSP
 * refusal), and both downloaded reports render to nothing but our own markup.
 */
import { readFileSync } from 'node:fs';
import type { ConsoleMessage, Page, Worker } from '@playwright/test';
import { Marked, type Token, type Tokens } from 'marked';
import { EVIDENCE_LIMIT, RESETS_LIMIT } from '../../../lib/limits';
import { isPersonalEvidence } from '../../../lib/state/teachable';
import { pleoPage, type SimulatedUser } from '../../../sim/pages';
import { expect, test, visit } from '../fixtures';
import { HintOnPage } from '../pages/hint';
import { OptionsPage } from '../pages/options';
import { PopupPage } from '../pages/popup';
import { asHtmlText, foreignElements, HOSTILE_STRINGS, PWNED } from './hostile-strings';

declare const chrome: {
  storage: {
    local: {
      get(keys: string | null): Promise<Record<string, unknown>>;
      set(items: Record<string, unknown>): Promise<void>;
    };
  };
};

/** Everything that would show a payload ran or was refused on a page of ours or Pleo's. */
function watchForScripts(page: Page): { problems: string[] } {
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('dialog', (dialog) => {
    problems.push(`dialog: ${dialog.type()} ${dialog.message()}`);
    void dialog.dismiss();
  });
  page.on('console', (message: ConsoleMessage) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text().slice(0, 200)}`);
  });
  return { problems };
}

/** No payload ran: its window flag is unset, and no dialog, page error or console error (a CSP refusal) appeared. */
async function expectNoScript(page: Page, problems: string[], where: string): Promise<void> {
  expect(await page.evaluate((flag) => (window as unknown as Record<string, unknown>)[flag], PWNED)).toBe(
    undefined,
  );
  expect(problems, `${where}: scripts, dialogs or errors`).toEqual([]);
}

/** An extension page: no element built from page text anywhere in it, and no script ran. */
async function expectInert(page: Page, problems: string[], where: string): Promise<void> {
  const foreign = await page.locator(':root').evaluate(foreignElements, PWNED);
  expect(foreign, `${where}: elements from page text`).toEqual([]);
  await expectNoScript(page, problems, where);
}

/**
 * A simulated Pleo page that shows every hostile string as text and in attributes: as menu entries
 * (text, title, aria-label, a strong title), as the names and role badges of a people list, and
 * three of them as the signed-in user's name, company and an extra badge beside the user's role in
 * the account menu. The app escapes them, as a real app would.
 */
function hostilePage(path: string, user: Partial<SimulatedUser>, nameIndex: number): string {
  const strings = HOSTILE_STRINGS.map((s) => asHtmlText(s.text));
  const pick = (offset: number) => HOSTILE_STRINGS[(nameIndex + offset) % HOSTILE_STRINGS.length]!.text;
  const page = pleoPage(path, {
    signedIn: true,
    role: 'admin',
    apiKeysEnabled: true,
    legacyApi: false,
    lang: 'en',
    ...user,
    name: pick(0),
    company: pick(1),
    email: 'alex@example.com',
  });
  const menu = strings
    .map(
      (text, i) =>
        `<li><a href="/settings/hostile-${i}" title="${text}">${text}</a></li>` +
        `<li><a href="/cards/${i}" aria-label="${text}"><strong>${text}</strong> more</a></li>`,
    )
    .join('');
  const people = strings
    .map(
      (text) =>
        `<tr><td><span class="user-name" title="${text}">${text}</span></td><td><span class="badge" role="note" aria-label="${text}">${text}</span></td></tr>`,
    )
    .join('');
  return page
    .replace('<span class="badge">', `<span class="badge">${asHtmlText(pick(2))}</span><span class="badge">`)
    .replace(
      '</main>',
      `<nav aria-label="${strings[0]}"><ul>${menu}</ul></nav>
<table aria-label="People"><tbody>${people}</tbody></table></main>`,
    );
}

interface StoredFacts {
  signedIn: string;
  apiKeysEntry: string;
  role: string;
}

async function storedFacts(serviceWorker: Worker, environment: string): Promise<StoredFacts | null> {
  return serviceWorker.evaluate(async (key) => {
    const record = (await chrome.storage.local.get(key))[key] as
      | { signedIn: { value: string }; apiKeysEntry: { value: string }; role: { value: { value: string } } }
      | undefined;
    return record
      ? {
          signedIn: record.signedIn.value,
          apiKeysEntry: record.apiKeysEntry.value,
          role: record.role.value.value,
        }
      : null;
  }, `environment:${environment}`);
}

async function openEverything(page: Page): Promise<void> {
  await page.evaluate(() => {
    for (const details of document.querySelectorAll('details')) details.open = true;
  });
}

async function downloaded(page: Page, name: RegExp): Promise<string> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name }).click(),
  ]);
  return readFileSync((await download.path())!, 'utf8');
}

test('reliability 2: ≥ 50 hostile strings on Pleo pages: the hint, popup and options page show no element and run no script', async ({
  context,
  extensionId,
  serviceWorker,
  pleo,
}) => {
  test.setTimeout(120_000);
  expect(HOSTILE_STRINGS.length).toBeGreaterThanOrEqual(50);
  const visits: { url: string; user: Partial<SimulatedUser>; facts: StoredFacts; hint: string }[] = [
    {
      url: 'https://app.pleo.io/settings',
      user: { role: 'admin', apiKeysEnabled: false },
      facts: { signedIn: 'yes', apiKeysEntry: 'absent', role: 'admin' },
      hint: 'not-enabled',
    },
    {
      url: 'https://app.staging.pleo.io/expenses',
      user: { role: 'employee' },
      facts: { signedIn: 'yes', apiKeysEntry: 'unknown', role: 'employee' },
      hint: 'role-missing',
    },
    {
      url: 'https://app.pleo.io/settings/api-keys',
      user: { role: 'admin', apiKeysEnabled: true },
      facts: { signedIn: 'yes', apiKeysEntry: 'visible', role: 'admin' },
      hint: 'ready',
    },
  ];
  let current = 0;
  const source = (path: string) => hostilePage(path, visits[current]!.user, current * 7);
  pleo.serve('production', source);
  pleo.serve('staging', source);

  for (const [index, v] of visits.entries()) {
    await test.step(`${v.url}: detection right, hint inert`, async () => {
      current = index;
      const page = await context.newPage();
      const { problems } = watchForScripts(page);
      await visit(page, v.url, serviceWorker);
      // The page really shows the strings, as text.
      await expect(page.locator('nav[aria-label] li').first()).toContainText('<img src=x onerror=');
      expect(
        await storedFacts(serviceWorker, new URL(v.url).host.includes('staging') ? 'staging' : 'production'),
      ).toEqual(v.facts);
      const hint = new HintOnPage(page);
      await expect(hint.host()).toHaveAttribute('data-verdict', v.hint);
      const inHint = await hint.host().evaluate((host) => ({
        tags: [...host.shadowRoot!.querySelectorAll('*')].map((e) => e.tagName.toLowerCase()).sort(),
        text: host.shadowRoot!.textContent ?? '',
      }));
      expect(await hint.host().evaluate(foreignElements, PWNED)).toEqual([]);
      expect([...new Set(inHint.tags)]).toEqual(['aside', 'button', 'div', 'p', 'span', 'style']);
      expect(inHint.text).not.toMatch(/pwn|<img|javascript:/i);
      // The page's own markup is what was served: the extension added only its hint host.
      const served = source(new URL(v.url).pathname);
      expect(
        await page.evaluate((html) => {
          const tags = (root: ParentNode) =>
            [...root.querySelectorAll('body *')].map((e) => e.tagName).join();
          const live = [...document.querySelectorAll('body *')]
            .filter((e) => !e.closest('[data-pleo-access-hint]'))
            .map((e) => e.tagName)
            .join();
          return live === tags(new DOMParser().parseFromString(html, 'text/html'));
        }, served),
      ).toBe(true);
      await page.waitForTimeout(300);
      await expectNoScript(page, problems, v.url);
      await page.close();
    });
  }

  const popup = await new PopupPage(await context.newPage(), extensionId).open();
  const popupWatch = watchForScripts(popup.page);
  await popup.page.reload();
  await popup.page.locator('[data-environment] [data-verdict]').first().waitFor();
  await expect(popup.verdict('production')).toHaveAttribute('data-verdict', 'ready');
  await expect(popup.verdict('staging')).toHaveAttribute('data-verdict', 'role-missing');
  await openEverything(popup.page);
  await expectInert(popup.page, popupWatch.problems, 'popup');

  const options = await new OptionsPage(await context.newPage(), extensionId).open();
  const optionsWatch = watchForScripts(options.page);
  await options.page.reload();
  await options.page.getByRole('heading', { level: 1 }).waitFor();
  await expectInert(options.page, optionsWatch.problems, 'options page');
  expect(pleo.strayRequests).toEqual([]);
});

/** Hostile strings in the stored evidence (prod, staging) and resets log, in the sizes the schemas allow. */
interface Injection {
  production: string[];
  staging: string[];
  resets: string[];
}

/** Whether an earlier version's storage could keep the text as evidence: the privacy rule drops the rest on reading. */
const keptAsEvidence = (text: string) =>
  !isPersonalEvidence({ signal: text.slice(0, 40), detail: text.slice(0, 80) });

/**
 * Every hostile string as a reset name, and every one the privacy rule lets be kept as evidence
 * (those it refuses, such as `window.__pleoCheckerPwned`, read as key-like, are dropped on
 * reading: reliability 8 and 14), in rounds of what storage can hold.
 */
function injections(): Injection[] {
  const texts = HOSTILE_STRINGS.map((s) => s.text);
  const evidence = texts.filter(keptAsEvidence);
  const rounds: Injection[] = [];
  for (
    let round = 0;
    round * 2 * EVIDENCE_LIMIT < evidence.length || round * RESETS_LIMIT < texts.length;
    round++
  ) {
    const details = evidence.slice(round * 2 * EVIDENCE_LIMIT, (round + 1) * 2 * EVIDENCE_LIMIT);
    rounds.push({
      production: details.slice(0, EVIDENCE_LIMIT),
      staging: details.slice(EVIDENCE_LIMIT),
      resets: texts.slice(round * RESETS_LIMIT, (round + 1) * RESETS_LIMIT),
    });
  }
  return rounds;
}

/** Writes the texts as evidence details (signals too, cut to their 40-character limit) and reset item names. */
async function inject(serviceWorker: Worker, injection: Injection): Promise<void> {
  await serviceWorker.evaluate(async ({ production, staging, resets }) => {
    const checks = ['signedIn', 'apiKeysEntry', 'role'];
    const updates: Record<string, unknown> = {};
    for (const [environment, texts] of [
      ['production', production],
      ['staging', staging],
    ] as const) {
      const key = `environment:${environment}`;
      const record = (await chrome.storage.local.get(key))[key] as Record<string, unknown>;
      record.evidence = texts.map((text, i) => ({
        check: checks[i % checks.length],
        signal: text.slice(0, 40),
        detail: text.slice(0, 80),
      }));
      updates[key] = record;
    }
    updates.resets = resets.map((text, i) => ({
      item: text.slice(0, 60),
      at: 1_700_000_000_000 + i,
      reason: 'corrupt',
    }));
    await chrome.storage.local.set(updates);
  }, injection);
}

function benign(injection: Injection): Injection {
  const same = (texts: string[], what: string) => texts.map((_, i) => `benign ${what} ${i}`);
  return {
    production: same(injection.production, 'production'),
    staging: same(injection.staging, 'staging'),
    resets: same(injection.resets, 'reset'),
  };
}

const gfm = new Marked({ gfm: true });

interface MarkdownShape {
  blocks: string[];
  inline: string[];
  hrefs: string[];
}

/** The Markdown as GitHub-flavoured Markdown reads it: its blocks (tables with their sizes), inline kinds and links. */
function markdownShape(markdown: string): MarkdownShape {
  const blocks: string[] = [];
  const inline = new Set<string>();
  const hrefs = new Set<string>();
  const walk = (tokens: Token[] | undefined) => {
    for (const token of tokens ?? []) {
      inline.add(token.type);
      if (token.type === 'link' || token.type === 'image') hrefs.add((token as Tokens.Link).href);
      if (token.type === 'table') {
        const table = token as Tokens.Table;
        for (const cell of [...table.header, ...table.rows.flat()]) walk(cell.tokens);
      }
      if (token.type === 'list') for (const item of (token as Tokens.List).items) walk(item.tokens);
      walk((token as { tokens?: Token[] }).tokens);
    }
  };
  for (const token of gfm.lexer(markdown)) {
    if (token.type === 'space') continue;
    blocks.push(
      token.type === 'table'
        ? `table ${(token as Tokens.Table).header.length}x${(token as Tokens.Table).rows.length} ${(token as Tokens.Table).rows.every((row) => row.length === (token as Tokens.Table).header.length)}`
        : token.type === 'heading'
          ? `h${(token as Tokens.Heading).depth}`
          : token.type === 'list'
            ? `list ${(token as Tokens.List).items.length}`
            : token.type,
    );
    walk([token]);
  }
  return { blocks, inline: [...inline].sort(), hrefs: [...hrefs].sort() };
}

/** Runs in a page: the Markdown rendered to HTML and parsed (never run), as tag names and on* attributes. */
function renderedElements(html: string): { tags: string[]; handlers: string[]; hrefs: string[] } {
  const body = new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html').body;
  const elements = [...body.querySelectorAll('*')];
  return {
    tags: [...new Set(elements.map((e) => e.tagName))].sort(),
    handlers: elements.flatMap((e) =>
      [...e.attributes].filter((a) => /^on/i.test(a.name)).map((a) => a.name),
    ),
    hrefs: elements.filter((e) => e.hasAttribute('href')).map((e) => e.getAttribute('href')!),
  };
}

interface Reports {
  json: string;
  markdown: string;
}

async function popupReports(page: Page): Promise<Reports> {
  return { json: await downloaded(page, /JSON/), markdown: await downloaded(page, /Markdown/) };
}

function keysOf(value: unknown): string[] {
  if (Array.isArray(value)) return value.length ? keysOf(value[0]) : [];
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, inner]) => [key, ...keysOf(inner).map((k) => `${key}.${k}`)]);
  }
  return [];
}

test('reliability 2: hostile text stored as evidence and reset names: the popup shows it as text, the hint stays inert, both reports stay inert', async ({
  context,
  extensionId,
  serviceWorker,
  pleo,
}) => {
  test.setTimeout(120_000);
  pleo.serve('production', { role: 'employee' });
  pleo.serve('staging', { role: 'admin', apiKeysEnabled: false });
  await visit(await context.newPage(), 'https://app.pleo.io/expenses', serviceWorker);
  await visit(await context.newPage(), 'https://app.staging.pleo.io/settings', serviceWorker);
  const popup = new PopupPage(await context.newPage(), extensionId);
  const { problems } = watchForScripts(popup.page);

  let shown = 0;
  for (const [round, injection] of injections().entries()) {
    await test.step(`round ${round + 1}: ${injection.production.length + injection.staging.length} evidence details, ${injection.resets.length} reset names`, async () => {
      await inject(serviceWorker, benign(injection));
      await popup.open();
      const benignReports = await popupReports(popup.page);

      await inject(serviceWorker, injection);
      await popup.open();
      await expect(popup.verdict('production')).toHaveAttribute('data-verdict', 'role-missing');
      await expect(popup.verdict('staging')).toHaveAttribute('data-verdict', 'not-enabled');
      await openEverything(popup.page);
      // Every stored detail is on screen, character for character, as text.
      const storedEvidence = await serviceWorker.evaluate(async () => {
        const stored = await chrome.storage.local.get(null);
        return ['production', 'staging'].flatMap(
          (environment) =>
            (stored[`environment:${environment}`] as { evidence: { signal: string; detail: string }[] })
              .evidence,
        );
      });
      const storedDetails = storedEvidence.map((e) => e.detail);
      const evidenceText = (await popup.page.locator('.evidence li').allTextContents()).join('\n');
      for (const detail of storedDetails) expect(evidenceText).toContain(detail);
      shown += storedDetails.length;
      await expectInert(popup.page, problems, 'popup with hostile evidence');

      const hostileReports = await popupReports(popup.page);
      await expectInert(popup.page, problems, 'popup after the downloads');

      // JSON: parses, and has exactly the shape of the benign report.
      const json = JSON.parse(hostileReports.json) as {
        environments: { nextSteps: { url: string | null }[] }[];
      };
      expect(keysOf(json)).toEqual(keysOf(JSON.parse(benignReports.json)));
      const ourLinks = json.environments.flatMap((e) => e.nextSteps.map((step) => step.url)).filter(Boolean);

      // Markdown: the same blocks, table sizes and links as the benign report; nothing renders as markup of the page's.
      const hostileShape = markdownShape(hostileReports.markdown);
      const benignShape = markdownShape(benignReports.markdown);
      expect(hostileShape.blocks).toEqual(benignShape.blocks);
      expect(hostileShape.hrefs).toEqual(benignShape.hrefs);
      for (const href of hostileShape.hrefs) expect(ourLinks).toContain(href);
      expect(
        hostileShape.inline.filter((kind) => !benignShape.inline.includes(kind) && kind !== 'escape'),
      ).toEqual([]);
      expect(hostileShape.inline).not.toContain('html');
      const rendered = await popup.page.evaluate(
        renderedElements,
        gfm.parse(hostileReports.markdown) as string,
      );
      expect(rendered.handlers).toEqual([]);
      expect(
        rendered.tags.filter(
          (tag) =>
            ![
              'A',
              'CODE',
              'H1',
              'H2',
              'H3',
              'LI',
              'OL',
              'P',
              'TABLE',
              'TBODY',
              'TD',
              'TH',
              'THEAD',
              'TR',
              'UL',
            ].includes(tag),
        ),
      ).toEqual([]);
      for (const href of rendered.hrefs) expect(ourLinks).toContain(href);
    });
  }
  expect(shown).toBe(HOSTILE_STRINGS.map((s) => s.text).filter(keptAsEvidence).length);
  expect(shown).toBeGreaterThanOrEqual(24);

  // The hint reads the same records: it shows its own words and nothing of theirs.
  await inject(serviceWorker, injections()[0]!);
  const page = await context.newPage();
  const pageWatch = watchForScripts(page);
  await page.goto('https://app.pleo.io/expenses');
  const hint = new HintOnPage(page);
  await expect(hint.host()).toHaveAttribute('data-verdict', 'role-missing');
  expect(await hint.host().evaluate(foreignElements, PWNED)).toEqual([]);
  await expectNoScript(page, pageWatch.problems, 'Pleo page');
});
