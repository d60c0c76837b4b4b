/**
 * Pick mode ("Point at it", issue 12) in Chromium with the built extension: started from the
 * service worker as the popup starts it (a start-pick message to the tab), or from the hint's
 * "Point at" button; the user points with the mouse or the keyboard; the page never sees the pick
 * and cannot teach, choose, cancel or start anything itself.
 */
import AxeBuilder from '@axe-core/playwright';
import type { CDPSession, Page, Worker } from '@playwright/test';
import { ENGLISH_HINT_STRINGS } from '../../lib/hint/strings';
import { expect, test } from './fixtures';
import { PickerOnPage, startPick } from './pages/picker';

declare const chrome: {
  storage: { local: { get(key: string | null): Promise<Record<string, unknown>> } };
};

declare global {
  interface Window {
    /** What the page's own handlers saw, counted in the page's world. */
    seen: Record<string, number>;
  }
}

const EN = ENGLISH_HINT_STRINGS;
const EMAIL = 'jane.doe@example.com';
const KEY = 'sk_live_51HxAbCdEfGhIjKlMnOpQrSt';

/** The page's own handlers: every pointer, click and key event it can hear, counted by type. */
const PAGE_SCRIPT = `<script>
  window.seen = {};
  const count = (event) => { window.seen[event.type] = (window.seen[event.type] || 0) + 1; };
  const types = ['pointerdown', 'pointerup', 'mousedown', 'mouseup', 'click', 'auxclick', 'contextmenu', 'keydown', 'keyup'];
  for (const type of types) {
    document.addEventListener(type, count, true);
    window.addEventListener(type, count);
  }
  for (const element of document.querySelectorAll('a, button, span')) element.addEventListener('click', count);
</script>`;

/**
 * A Settings page whose API Keys entry has a label the rules do not know ("Developer access") and
 * whose account menu shows a role word they do not know ("Superuser"): two settings sections only,
 * so the entry reads unknown, and the verdict too.
 */
function settingsPage(path: string): string {
  return `<!doctype html><html lang="en"><head><title>Pleo</title>
<style>body { font-family: sans-serif; margin: 0; display: grid; grid-template-columns: 220px 1fr; }
header { grid-column: 1 / 3; display: flex; justify-content: space-between; padding: 8px; }
.card { border: 1px solid #ccc; padding: 12px; margin: 8px; } main :last-child { color: #333; }</style>
</head><body>
<header>
  <nav aria-label="Main"><a href="/expenses">Expenses</a> <a href="/settings">Settings</a></nav>
  <div aria-label="Account menu"><span id="role">Superuser</span> <span id="email">${EMAIL}</span></div>
</header>
<aside><ul aria-label="Settings">
  <li><a href="/settings/general">General</a></li>
  <li><a href="/settings/export">Export</a></li>
</ul></aside>
<main>
  <h1>Settings</h1>
  <section class="card"><button type="button" id="developer">Developer access</button></section>
  <section class="card"><p>Your key: <span id="key">${KEY}</span></p></section>
  <p id="path">${path}</p>
</main>
${PAGE_SCRIPT}
</body></html>`;
}

function storedLocal(serviceWorker: Worker, key: string | null): Promise<Record<string, unknown>> {
  return serviceWorker.evaluate((key) => chrome.storage.local.get(key), key);
}

async function learned(serviceWorker: Worker): Promise<unknown[]> {
  const { learnedLabels } = await storedLocal(serviceWorker, 'learnedLabels');
  return ((learnedLabels as Record<string, unknown[]> | undefined)?.production ?? []).map((entry) => {
    const { learnedAt: _, ...rest } = entry as Record<string, unknown>;
    return rest;
  });
}

async function record(serviceWorker: Worker): Promise<{
  checkedAt: number | null;
  apiKeysEntry: { value: string };
  role: { value: { value: string } };
  history: { verdict: string }[];
} | null> {
  const stored = await storedLocal(serviceWorker, 'environment:production');
  return (stored['environment:production'] as never) ?? null;
}

async function openSettings(page: Page, serviceWorker: Worker, path = '/settings'): Promise<void> {
  await page.goto(`https://app.pleo.io${path}`);
  await expect.poll(async () => (await record(serviceWorker))?.checkedAt ?? null).not.toBeNull();
}

function measured(figure: string): void {
  test.info().annotations.push({ type: 'measured', description: figure });
  console.log(`[picker] ${figure}`);
}

test.beforeEach(async ({ pleo }) => {
  pleo.serve('production', (path) => settingsPage(path));
});

test('pick the API Keys entry: a label the rules do not know is learned, and the entry reads visible', async ({
  context,
  serviceWorker,
}) => {
  const page = await context.newPage();
  await openSettings(page, serviceWorker);
  expect((await record(serviceWorker))?.apiKeysEntry.value).toBe('unknown');

  expect(await startPick(serviceWorker, 'apiKeys')).toEqual({ ok: true });
  const picker = new PickerOnPage(page);
  await expect(picker.host()).toHaveCount(1);
  expect(await picker.host().evaluate((host) => host.shadowRoot?.mode)).toBe('open');
  await expect(picker.text()).toHaveText(`${EN.pointApiKeys}: ${EN.pickHow}`);

  // The pointer outlines the entry, drawn over it in the shadow root.
  const entry = page.locator('#developer');
  await entry.hover();
  const box = await entry.boundingBox();
  await expect.poll(() => picker.outline()).toEqual(box);

  await entry.click();
  // The exact label it would keep, shown and kept only once the user says so.
  await expect(picker.text()).toHaveText(EN.pickConfirm);
  await expect(picker.label()).toHaveText('Developer access');
  await expect(picker.keep()).toHaveAccessibleName('Keep “Developer access”');
  await expect(picker.keep()).toBeFocused();
  expect(await learned(serviceWorker)).toEqual([]);
  await picker.keep().click();
  const clicked = Date.now();
  await expect(picker.host()).toHaveCount(0);
  expect(await page.evaluate(() => window.seen)).toEqual({});
  await expect
    .poll(() => learned(serviceWorker))
    .toEqual([{ kind: 'apiKeys', label: 'Developer access', language: 'en' }]);
  await expect
    .poll(async () => (await record(serviceWorker))?.apiKeysEntry.value, { timeout: 2_000 })
    .toBe('visible');
  const after = await record(serviceWorker);
  measured(`entry taught, then read visible ${Date.now() - clicked} ms after the click (at most 2 s)`);
  expect(after?.history.at(-1)?.verdict).toBe('ready');
});

test('pick the role: "Superuser" in the account menu, named Admin', async ({ context, serviceWorker }) => {
  const page = await context.newPage();
  await openSettings(page, serviceWorker);
  expect((await record(serviceWorker))?.role.value.value).toBe('unknown');

  expect(await startPick(serviceWorker, 'role')).toEqual({ ok: true });
  const picker = new PickerOnPage(page);
  await expect(picker.text()).toHaveText(`${EN.pointRole}: ${EN.pickHow}`);
  await page.locator('#role').click();
  await expect(picker.text()).toHaveText(EN.pickWhichRole);
  // The label it would keep is shown; the role's button keeps it.
  await expect(picker.label()).toHaveText('Superuser');
  await expect(picker.keep()).toBeHidden();
  for (const name of [
    'Admin',
    'Bookkeeper',
    'Controller',
    'Expense reviewer',
    'Finance',
    'Employee',
    'Cancel',
  ]) {
    await expect(picker.button(name)).toBeVisible();
  }
  // Keyboard users land on the first role.
  await expect(picker.button('Admin')).toBeFocused();
  await picker.button('Admin').click();
  await expect(picker.host()).toHaveCount(0);
  await expect
    .poll(() => learned(serviceWorker))
    .toEqual([{ kind: 'role', label: 'Superuser', language: 'en', role: 'admin' }]);
  await expect.poll(async () => (await record(serviceWorker))?.role.value.value).toBe('admin');
  expect(await page.evaluate(() => window.seen)).toEqual({});
});

/**
 * Every listener on the window, the document and every element (shadow roots too), by world and
 * type, from CDP: a world sees only its own listeners, so the page's and the content script's
 * (its isolated world, named by the extension's origin) are asked apart.
 */
async function listenerCounter(cdp: CDPSession, extensionId: string) {
  const worlds = new Map<string, number>();
  cdp.on('Runtime.executionContextCreated', ({ context }) => {
    if (context.auxData?.isDefault) worlds.set('page', context.id);
    else if (context.origin === `chrome-extension://${extensionId}`) worlds.set('content script', context.id);
  });
  await cdp.send('Runtime.enable');
  return async () => {
    const counts: Record<string, number> = {};
    for (const [world, contextId] of worlds) {
      for (const expression of ['window', 'document']) {
        const { result } = await cdp.send('Runtime.evaluate', { expression, contextId });
        const { listeners } = await cdp.send('DOMDebugger.getEventListeners', {
          objectId: result.objectId!,
          depth: -1,
          pierce: true,
        });
        for (const listener of listeners) {
          const key = `${world} ${expression}: ${listener.type}`;
          counts[key] = (counts[key] ?? 0) + 1;
        }
      }
    }
    return counts;
  };
}

const total = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0);

/** The page as the page sees it: its markup, and every computed style of every element of <body>. */
function pageState(page: Page) {
  return page.evaluate(() => ({
    html: document.documentElement.outerHTML,
    styles: [document.documentElement, document.body, ...document.body.querySelectorAll('*')].map(
      (element) => {
        const style = getComputedStyle(element);
        return [...style].map((name) => `${name}:${style.getPropertyValue(name)}`).join(';');
      },
    ),
  }));
}

test('the page never sees a pick, and after Esc its DOM, listeners and styles are as before', async ({
  context,
  serviceWorker,
  extensionId,
}) => {
  const page = await context.newPage();
  await openSettings(page, serviceWorker);
  await page.waitForTimeout(500); // the hint, when there is one, settles
  const listeners = await listenerCounter(await context.newCDPSession(page), extensionId);
  const before = { state: await pageState(page), listeners: await listeners() };

  await startPick(serviceWorker, 'apiKeys');
  const picker = new PickerOnPage(page);
  await expect(picker.host()).toHaveCount(1);
  const during = await listeners();
  // The count sees the content script's listeners (a control: pick mode's are there now).
  const added = total(during) - total(before.listeners);
  expect(added).toBeGreaterThan(10);

  // Point around, press the other buttons, click what is refused, move with the keys.
  await page.locator('#role').hover();
  await page.locator('#developer').hover();
  await page.locator('#email').click();
  await page.locator('#email').click({ button: 'right' });
  await page.locator('#email').click({ button: 'middle' });
  await page.locator('#email').dblclick();
  await expect(picker.text()).toContainText(EN.pickRefused);
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowDown');
  const heard = await page.evaluate(() => window.seen);
  expect(heard).toEqual({});
  const calls = Object.values(heard).reduce((sum, count) => sum + (count ?? 0), 0);
  measured(`the page’s own pointer, click and key listeners ran ${calls} times during the pick`);

  await page.keyboard.press('Escape');
  await expect(picker.host()).toHaveCount(0);
  const after = { state: await pageState(page), listeners: await listeners() };
  expect(after.state.html).toBe(before.state.html);
  expect(after.state.styles).toEqual(before.state.styles);
  expect(after.listeners).toEqual(before.listeners);
  measured(
    `after Esc: outerHTML (${before.state.html.length} characters), computed styles of ${before.state.styles.length} elements and ${total(before.listeners)} listeners (page and content script) as before; ${added} listeners while picking`,
  );
  // The Escape itself was the pick's too.
  expect(await page.evaluate(() => window.seen.keydown ?? 0)).toBe(0);
});

test('personal picks are refused with a visible message, and nothing is stored or logged', async ({
  context,
  serviceWorker,
}) => {
  const logged: string[] = [];
  context.on('console', (message) => logged.push(message.text()));
  serviceWorker.on('console', (message) => logged.push(message.text()));
  const page = await context.newPage();
  page.on('console', (message) => logged.push(message.text()));
  await openSettings(page, serviceWorker);

  for (const target of ['apiKeys', 'role'] as const) {
    await startPick(serviceWorker, target);
    const picker = new PickerOnPage(page);
    for (const personal of ['#email', '#key']) {
      await page.locator(personal).click();
      await expect(picker.text()).toContainText(EN.pickRefused);
      await expect(picker.text()).toBeVisible();
      await expect(picker.host()).toHaveCount(1);
    }
    // Nothing asked for a role either.
    await expect(picker.button('Admin')).toBeHidden();
    await page.keyboard.press('Escape');
  }
  await page.waitForTimeout(500);
  const everything = JSON.stringify(await storedLocal(serviceWorker, null));
  expect(await learned(serviceWorker)).toEqual([]);
  for (const secret of [EMAIL, KEY, 'jane.doe', 'sk_live']) {
    expect(everything).not.toContain(secret);
    expect(logged.filter((line) => line.includes(secret))).toEqual([]);
  }
  measured(
    `e-mail and key-like picks refused: 0 learned labels, storage and ${logged.length} console lines free of both`,
  );
});

test('the page cannot teach: its own clicks, keys and focus choose and cancel nothing, and it cannot start a pick', async ({
  context,
  serviceWorker,
}) => {
  const page = await context.newPage();
  await openSettings(page, serviceWorker);
  await startPick(serviceWorker, 'apiKeys');
  const picker = new PickerOnPage(page);
  await expect(picker.host()).toHaveCount(1);

  await page.evaluate(() => {
    const entry = document.getElementById('developer')!;
    entry.click();
    entry.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true, composed: true }));
    entry.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, cancelable: true }));
    for (const target of [entry, document, window, document.body]) {
      for (const key of ['Enter', 'Escape', 'ArrowUp']) {
        target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));
        target.dispatchEvent(new KeyboardEvent('keyup', { key, bubbles: true, cancelable: true }));
      }
    }
    entry.focus();
    entry.dispatchEvent(new FocusEvent('focus'));
    entry.dispatchEvent(new FocusEvent('focusin', { bubbles: true }));
    // The picker's shadow root is open: the page can reach its buttons, but not press them.
    const root = document.querySelector('[data-pleo-access-picker]')?.shadowRoot;
    for (const button of root?.querySelectorAll('button') ?? []) (button as HTMLElement).click();
  });
  await page.waitForTimeout(500);
  await expect(picker.host()).toHaveCount(1);
  await expect(picker.text()).toHaveText(`${EN.pointApiKeys}: ${EN.pickHow}`);
  expect(await learned(serviceWorker)).toEqual([]);
  // The page's own synthetic events reached its own handlers, as they would without pick mode.
  expect(await page.evaluate(() => window.seen.click)).toBeGreaterThan(0);

  await page.keyboard.press('Escape');
  await expect(picker.host()).toHaveCount(0);
  await page.evaluate(() => {
    window.postMessage({ type: 'start-pick', target: 'apiKeys' }, '*');
    window.postMessage(JSON.stringify({ type: 'start-pick', target: 'role' }), '*');
    for (const target of [window, document, document.documentElement]) {
      target.dispatchEvent(new CustomEvent('start-pick', { detail: { target: 'apiKeys' } }));
    }
    // The hint's "Point at" button (its shadow root is open too), clicked by the page's script.
    const hint = document.querySelector('[data-pleo-access-hint]')?.shadowRoot;
    for (const button of hint?.querySelectorAll('button') ?? []) {
      if (button.textContent?.startsWith('Point at')) (button as HTMLElement).click();
    }
  });
  await page.waitForTimeout(1_000);
  await expect(picker.host()).toHaveCount(0);
  expect(await learned(serviceWorker)).toEqual([]);
});

test('keyboard only: start from the hint, move with the arrows, choose with Enter; Esc cancels', async ({
  context,
  serviceWorker,
}) => {
  const page = await context.newPage();
  await openSettings(page, serviceWorker);
  const point = page.locator('[data-pleo-access-hint]').getByRole('button', { name: EN.pointApiKeys });
  await expect(point).toBeVisible();
  await point.focus();
  await page.keyboard.press('Enter');
  const picker = new PickerOnPage(page);
  await expect(picker.host()).toHaveCount(1);
  // The Enter that pressed the hint's button was the hint's; from here on every key is the pick's.
  const heard = () => page.evaluate(() => ({ ...window.seen, keyup: undefined }));
  const before = await heard();

  // From the page's first entry (Expenses) to "Developer access": out to the header, across to
  // the list, the main content, its first card, into it.
  const path = [
    'ArrowRight',
    'ArrowUp',
    'ArrowUp',
    'ArrowRight',
    'ArrowRight',
    'ArrowDown',
    'ArrowRight',
    'ArrowDown',
  ];
  for (const key of path) await page.keyboard.press(key);
  const box = await page.locator('#developer').boundingBox();
  await expect.poll(() => picker.outline()).toEqual(box);
  await page.keyboard.press('Enter');
  // The label it would keep, and its Keep button focused: Enter again keeps it.
  await expect(picker.keep()).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(picker.host()).toHaveCount(0);
  await expect
    .poll(() => learned(serviceWorker))
    .toEqual([{ kind: 'apiKeys', label: 'Developer access', language: 'en' }]);

  // Esc, from the page or from the bar, ends it.
  await startPick(serviceWorker, 'role');
  await expect(picker.host()).toHaveCount(1);
  await page.keyboard.press('Escape');
  await expect(picker.host()).toHaveCount(0);
  await startPick(serviceWorker, 'role');
  await expect(picker.host()).toHaveCount(1);
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Enter'); // "Expenses" is a label: the role question, its first button focused
  await expect(picker.button('Admin')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(picker.host()).toHaveCount(0);
  expect(await learned(serviceWorker)).toHaveLength(1);
  // Only the last Escape's keyup reaches the page, once pick mode has ended.
  expect(await heard()).toEqual(before);
});

test('the outline follows its element when the page scrolls', async ({ context, serviceWorker }) => {
  const page = await context.newPage();
  await page.setViewportSize({ width: 1000, height: 400 });
  await openSettings(page, serviceWorker);
  await page.evaluate(() => {
    document.body.style.paddingBottom = '2000px';
  });
  await startPick(serviceWorker, 'apiKeys');
  const picker = new PickerOnPage(page);
  const entry = page.locator('#developer');
  await entry.hover();
  await expect.poll(() => picker.outline()).toEqual(await entry.boundingBox());
  await page.mouse.wheel(0, 120);
  await expect.poll(() => page.evaluate(() => scrollY)).toBeGreaterThan(0);
  await expect.poll(() => picker.outline()).toEqual(await entry.boundingBox());
  await page.keyboard.press('Escape');
});

test('ends on navigation and leaves nothing; a second start restarts it', async ({
  context,
  serviceWorker,
}) => {
  const page = await context.newPage();
  await openSettings(page, serviceWorker);
  const picker = new PickerOnPage(page);
  await startPick(serviceWorker, 'apiKeys');
  await startPick(serviceWorker, 'role');
  await expect(picker.host()).toHaveCount(1);
  await expect(picker.text()).toHaveText(`${EN.pointRole}: ${EN.pickHow}`);
  await page.evaluate(() => history.pushState({}, '', '/settings/general'));
  await expect(picker.host()).toHaveCount(0);
  await startPick(serviceWorker, 'apiKeys');
  await expect(picker.host()).toHaveCount(1);
  await page.evaluate(() => history.back());
  await expect(picker.host()).toHaveCount(0);
});

test('the picker bar has no accessibility violations (axe), light and dark, asking and refusing', async ({
  context,
  serviceWorker,
}) => {
  const page = await context.newPage();
  await openSettings(page, serviceWorker);
  const picker = new PickerOnPage(page);
  const scan = async (state: string) => {
    const axe = await new AxeBuilder({ page }).include('[data-pleo-access-picker]').analyze();
    expect(axe.passes.length, state).toBeGreaterThan(0);
    expect(
      axe.violations.map((v) => v.id),
      state,
    ).toEqual([]);
  };
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await startPick(serviceWorker, 'role');
    await expect(picker.host()).toHaveCount(1);
    await scan(`${scheme}: what to click`);
    await page.locator('#email').click();
    await expect(picker.text()).toContainText(EN.pickRefused);
    await scan(`${scheme}: refused`);
    await page.locator('#role').click();
    await expect(picker.button('Admin')).toBeVisible();
    await scan(`${scheme}: which role`);
    await page.keyboard.press('Escape');
  }
});

/**
 * Issue 22's attacks on pick mode, each from the page's own script: an entry with only an
 * aria-label ("Developer access", an icon button) and one whose hidden aria-label is a name.
 */
const STEERING_PAGE = (path: string) =>
  settingsPage(path).replace(
    '</main>',
    `<section class="card">
  <button type="button" id="icon" aria-label="Developer access"><svg width="24" height="24"><rect width="24" height="24"/></svg></button>
  <a href="/settings/developer" id="named" aria-label="Doe, Jane">Developer access</a>
</section></main>
<script>
  // Registered at load, so before pick mode's own listeners (it is injected later): it hears the press first.
  window.addEventListener('pointerdown', (event) => {
    event.target.closest?.('#icon')?.setAttribute('aria-label', 'Doe, Jane');
  }, true);
</script>`,
  );

test('a label swapped between the press and the click is refused: nothing is kept', async ({
  context,
  serviceWorker,
  pleo,
}) => {
  pleo.serve('production', STEERING_PAGE);
  const page = await context.newPage();
  await openSettings(page, serviceWorker);
  await startPick(serviceWorker, 'apiKeys');
  const picker = new PickerOnPage(page);
  await expect(picker.host()).toHaveCount(1);

  await page.locator('#icon').click();
  // The page rewrote the label as it heard the press: the click reads another label.
  expect(await page.locator('#icon').getAttribute('aria-label')).toBe('Doe, Jane');
  await expect(picker.text()).toContainText(EN.pickChanged);
  await expect(picker.keep()).toBeHidden();
  await expect(picker.host()).toHaveCount(1);
  await page.keyboard.press('Escape');
  await page.waitForTimeout(300);
  expect(await learned(serviceWorker)).toEqual([]);
  expect(JSON.stringify(await storedLocal(serviceWorker, null))).not.toContain('Doe');
});

test('the Keep confirmation shows the visible label, not a hidden aria-label, and keeps that', async ({
  context,
  serviceWorker,
  pleo,
}) => {
  pleo.serve('production', STEERING_PAGE);
  const page = await context.newPage();
  await openSettings(page, serviceWorker);
  await startPick(serviceWorker, 'apiKeys');
  const picker = new PickerOnPage(page);
  await page.locator('#named').click();
  await expect(picker.label()).toHaveText('Developer access');
  await expect(picker.keep()).toHaveAccessibleName('Keep “Developer access”');
  await expect(picker.host()).not.toContainText('Doe');
  await picker.keep().click();
  await expect(picker.host()).toHaveCount(0);
  await expect
    .poll(() => learned(serviceWorker))
    .toEqual([{ kind: 'apiKeys', label: 'Developer access', language: 'en' }]);
  expect(JSON.stringify(await storedLocal(serviceWorker, null))).not.toContain('Doe');
});

test('the page removes the picker’s host: pick mode ends, and the next real click teaches nothing', async ({
  context,
  serviceWorker,
}) => {
  const page = await context.newPage();
  await openSettings(page, serviceWorker);
  for (const target of ['apiKeys', 'role'] as const) {
    await startPick(serviceWorker, target);
    const picker = new PickerOnPage(page);
    await expect(picker.host()).toHaveCount(1);
    await page.evaluate(() => document.querySelector('[data-pleo-access-picker]')?.remove());
    await page.waitForTimeout(300);

    const before = await page.evaluate(() => window.seen.click ?? 0);
    await page.locator('#developer').click();
    await page.locator('#role').click();
    // Disarmed: the clicks are the page's again, and nothing is drawn, asked or kept.
    expect(await page.evaluate(() => window.seen.click ?? 0)).toBeGreaterThan(before);
    await expect(picker.host()).toHaveCount(0);
  }
  await page.waitForTimeout(500);
  expect(await learned(serviceWorker)).toEqual([]);
});

test('navigation events the page dispatches do not end pick mode; a real change of address does', async ({
  context,
  serviceWorker,
}) => {
  const page = await context.newPage();
  await openSettings(page, serviceWorker);
  await startPick(serviceWorker, 'apiKeys');
  const picker = new PickerOnPage(page);
  await expect(picker.host()).toHaveCount(1);
  await page.evaluate(() => {
    window.dispatchEvent(new PopStateEvent('popstate', { state: {} }));
    window.dispatchEvent(
      new HashChangeEvent('hashchange', { newURL: `${location.href}#x`, oldURL: location.href }),
    );
    // WXT's own location-change event, as a content script dispatches it.
    window.dispatchEvent(
      new CustomEvent('wxt:locationchange', { detail: { newUrl: new URL('https://app.pleo.io/') } }),
    );
  });
  await page.waitForTimeout(1_200);
  await expect(picker.host()).toHaveCount(1);
  await page.locator('#developer').click();
  await picker.keep().click();
  await expect
    .poll(() => learned(serviceWorker))
    .toEqual([{ kind: 'apiKeys', label: 'Developer access', language: 'en' }]);

  await startPick(serviceWorker, 'role');
  await expect(picker.host()).toHaveCount(1);
  await page.evaluate(() => {
    location.hash = 'section';
  });
  await expect(picker.host()).toHaveCount(0);
});
