/**
 * Time per `detect` scan in real Chromium on simulated Pleo pages of 3,000, 30,000 and 300,000
 * elements, against one querySelectorAll over the page's interactive elements (the least any scan
 * must do), plus a series where only the menu grows. The page is cross-origin isolated so the
 * browser's clock is precise to microseconds and single scans can be timed.
 */
import type { Browser } from 'playwright-core';
import { DETECT_GLOBAL, detectBundle } from './bundle';
import { type Benchmark, KEEP_NAMES_SHIM, summarise } from './stats';

const PAGE_URL = 'https://app.pleo.io/settings';

interface PageSpec {
  elements: number;
  menuEntries: number;
  /** Labels the user taught (none the page shows), timed scan by scan against the same scan without them. */
  learned?: number;
  samples: number;
}

const SIZES: PageSpec[] = [
  { elements: 3_000, menuEntries: 20, samples: 400 },
  { elements: 30_000, menuEntries: 20, samples: 200 },
  { elements: 300_000, menuEntries: 20, samples: 40 },
];

/** Detection with the most labels a user can teach must cost about what it costs without them. */
const LEARNED: PageSpec = { elements: 30_000, menuEntries: 20, samples: 200, learned: 50 };

const MENUS: PageSpec[] = [
  { elements: 30_000, menuEntries: 200, samples: 200 },
  { elements: 30_000, menuEntries: 2_000, samples: 100 },
];

interface Timings {
  elements: number;
  interactive: number;
  scans: number[];
  queries: number[];
  learnedScans: number[];
  organisationScans: number[];
  timerResolutionOk: boolean;
}

/**
 * Runs in the page: builds an app shell (header with the account area, main menu, a settings list
 * of `menuEntries` entries) and fills it with expense rows of plain content up to `elements`.
 */
function buildAndTime(spec: PageSpec & { global: string }): Timings {
  const menu = Array.from(
    { length: spec.menuEntries },
    (_, i) => `<li><a href="/settings/section-${i}">Section ${i}</a></li>`,
  ).join('');
  document.body.innerHTML = `<header><button type="button" aria-label="Switch company">Example Widgets ApS</button>
<div class="account-menu" aria-label="Account menu"><span class="user-name">Alex Example</span><span class="badge">Admin</span></div></header>
<nav aria-label="Main menu"><a href="/expenses">Expenses</a><a href="/cards">Cards</a><a href="/people">People</a><a href="/settings">Settings</a></nav>
<main><h1>Settings</h1><ul aria-label="Settings">${menu}<li><a href="/settings/api-keys">API Keys</a></li></ul><section id="content"></section></main>`;
  const content = document.getElementById('content')!;
  const row = (i: number) =>
    `<div class="expense-row"><span class="date">2026-0${(i % 9) + 1}-1${i % 10}</span><span class="merchant">Merchant ${i}</span>` +
    `<span class="amount" title="Amount in DKK">${(i * 37) % 1000}.00</span><p class="note">Team lunch with the client, receipt attached ${i}</p>` +
    `<div class="tags"><span class="tag">Travel</span><span class="tag">Q${(i % 4) + 1}</span></div>` +
    (i % 60 === 0 ? '<button type="button">Details</button>' : '') +
    '</div>';
  const parts: string[] = [];
  let count = document.getElementsByTagName('*').length;
  for (let i = 0; count < spec.elements; i++) {
    parts.push(row(i));
    count += i % 60 === 0 ? 9 : 8;
  }
  content.innerHTML = parts.join('');

  const detect = (
    window as unknown as Record<
      string,
      {
        detect(d: Document, u: string, learned?: unknown): unknown;
        scanPage(d: Document, u: string): { organisation: string | null };
        learnedLookup(labels: unknown[]): unknown;
      }
    >
  )[spec.global]!;
  const kinds = ['apiKeys', 'openApi', 'settings', 'role'];
  const learned = detect.learnedLookup(
    Array.from({ length: spec.learned ?? 0 }, (_, i) => ({
      kind: kinds[i % 4],
      label: `Taught label ${String.fromCharCode(97 + (i % 26))}${i}`,
      language: 'en',
      role: i % 4 === 3 ? 'admin' : undefined,
      learnedAt: i,
    })),
  );
  const selector = (window as unknown as Record<string, { ENTRY_SELECTOR: string }>)[spec.global]!
    .ENTRY_SELECTOR;
  for (let i = 0; i < 10; i++) {
    detect.detect(document, location.href);
    document.querySelectorAll(selector);
  }
  const scans: number[] = [];
  const queries: number[] = [];
  const learnedScans: number[] = [];
  const organisationScans: number[] = [];
  // A scan follows a change to the page: change it before every sample, so nothing the browser
  // caches between unchanged reads (tag-name collections) flatters the figures.
  const marker = content.appendChild(document.createElement('span'));
  for (let i = 0; i < spec.samples; i++) {
    marker.textContent = String(i);
    const t0 = performance.now();
    detect.detect(document, location.href);
    const t1 = performance.now();
    marker.textContent = '';
    document.querySelectorAll(selector);
    const t2 = performance.now();
    scans.push(t1 - t0);
    queries.push(t2 - t1);
    marker.textContent = String(i + 0.5);
    const t4 = performance.now();
    if (detect.scanPage(document, location.href).organisation !== 'Example Widgets ApS') {
      throw new Error('no company found');
    }
    organisationScans.push(performance.now() - t4);
    marker.textContent = '';
    if (spec.learned) {
      marker.textContent = String(-i);
      const t3 = performance.now();
      detect.detect(document, location.href, learned);
      learnedScans.push(performance.now() - t3);
      marker.textContent = '';
    }
  }
  return {
    elements: document.getElementsByTagName('*').length,
    interactive: document.querySelectorAll(selector).length,
    scans,
    queries,
    learnedScans,
    organisationScans,
    timerResolutionOk: crossOriginIsolated,
  };
}

async function timePage(browser: Browser, bundle: string, spec: PageSpec) {
  const context = await browser.newContext();
  try {
    await context.route('**/*', (route) =>
      route.request().url() === PAGE_URL
        ? route.fulfill({
            contentType: 'text/html',
            headers: {
              'cross-origin-opener-policy': 'same-origin',
              'cross-origin-embedder-policy': 'require-corp',
            },
            body: '<!doctype html><html lang="en"><head><title>Bench</title></head><body></body></html>',
          })
        : route.abort(),
    );
    const page = await context.newPage();
    await page.goto(PAGE_URL);
    await page.addScriptTag({ content: `${KEEP_NAMES_SHIM}\n${bundle}` });
    const timings = await page.evaluate(buildAndTime, { ...spec, global: DETECT_GLOBAL });
    const scan = summarise(timings.scans);
    const query = summarise(timings.queries);
    return {
      elements: timings.elements,
      interactiveElements: timings.interactive,
      menuEntries: spec.menuEntries,
      samples: spec.samples,
      scanMs: scan,
      querySelectorAllMs: query,
      ratio: Number((scan.median / query.median).toFixed(2)),
      // What the content script runs: detect() and the company the page shows (its switcher here).
      scanWithCompanyMs: summarise(timings.organisationScans),
      scanWithCompanyRatio: Number((summarise(timings.organisationScans).median / query.median).toFixed(2)),
      ...(spec.learned
        ? {
            learnedLabels: spec.learned,
            scanWithLearnedMs: summarise(timings.learnedScans),
            learnedRatio: Number((summarise(timings.learnedScans).median / scan.median).toFixed(3)),
          }
        : {}),
      preciseClock: timings.timerResolutionOk,
    };
  } finally {
    await context.close();
  }
}

export const detectScan: Benchmark = {
  name: 'detect-scan',
  async run({ browser, log }) {
    const bundle = await detectBundle();
    const bySize = [];
    for (const spec of SIZES) {
      log(`detect-scan: ${spec.elements} elements`);
      bySize.push(await timePage(browser, bundle, spec));
    }
    const byMenu = [];
    for (const spec of MENUS) {
      log(`detect-scan: ${spec.elements} elements, menu of ${spec.menuEntries}`);
      byMenu.push(await timePage(browser, bundle, spec));
    }
    log(`detect-scan: ${LEARNED.elements} elements with ${LEARNED.learned} taught labels`);
    const withLearned = await timePage(browser, bundle, LEARNED);
    return {
      what: 'detect(document, url), and scanPage (detect and the company the page shows), per scan vs one querySelectorAll over interactive elements, same page',
      bySize,
      byMenu,
      withLearned,
    };
  },
};
