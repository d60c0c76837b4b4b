/**
 * Reliability 12 — style isolation, both ways.
 * - A page with hostile CSS (`* { all: unset !important; font-size: 40px !important }`), present
 *   from the start or added later, does not change the hint's screenshot.
 * - The hint changes nothing of the page: every computed style (every property, and ::before and
 *   ::after) and every box of the page's own elements is the same with the hint shown as with it
 *   turned off, and the page records no layout shift (Layout Instability API) while the hint
 *   appears or goes. One page's body is a grid with `:last-child` rules, another a centred
 *   flex column with gaps: an element of the hint placed among the page's would change both.
 */
import type { Page } from '@playwright/test';
import { DEFAULT_USER, pleoPage } from '../../../sim/pages';
import { expect, test, visit } from '../fixtures';
import { HintOnPage, withHintInCorner } from '../pages/hint';
import { OptionsPage } from '../pages/options';

const HOSTILE_CSS = '* { all: unset !important; font-size: 40px !important }';

const EMPLOYEE = { ...DEFAULT_USER, role: 'employee' as const };

/**
 * Hides the page's own content, not the hint, in every shot, and gives the page one backdrop: the
 * hint's rounded corners let the page show through, and hostile CSS moves the page's text there. The
 * shots then compare the hint alone.
 */
const HIDE_THE_PAGE =
  'html > :not([data-pleo-access-hint]), body > :not([data-pleo-access-hint]) { visibility: hidden !important } html { background: #fff !important }';

function measured(figure: string): void {
  test.info().annotations.push({ type: 'measured', description: figure });
  console.log(`[reliability 12] ${figure}`);
}

test('reliability 12: hostile page CSS, from the start or added later, does not change the hint’s screenshot', async ({
  context,
  serviceWorker,
  pleo,
}) => {
  const page_ = (path: string) => withHintInCorner(pleoPage(path, EMPLOYEE));
  pleo.serve('production', (path) =>
    path.includes('hostile')
      ? page_(path).replace('</head>', `<style>${HOSTILE_CSS}</style></head>`)
      : page_(path),
  );
  const page = await context.newPage();
  await page.setViewportSize({ width: 1280, height: 800 });
  const hint = new HintOnPage(page);
  const shot = async () => {
    await page.addStyleTag({ content: HIDE_THE_PAGE });
    await expect(hint.host()).toHaveAttribute('data-verdict', 'role-missing');
    await expect(hint.text()).toBeVisible();
    const image = await hint.host().locator('.hint').screenshot({ animations: 'disabled' });
    // Where the hint sits in the viewport's client area (a page's scrollbar narrows that area).
    const box = await hint
      .host()
      .locator('.hint')
      .evaluate((element) => {
        const rect = element.getBoundingClientRect();
        const { clientWidth, clientHeight } = document.documentElement;
        return {
          width: rect.width,
          height: rect.height,
          right: clientWidth - rect.right,
          bottom: clientHeight - rect.bottom,
        };
      });
    return { image, box };
  };

  await visit(page, 'https://app.pleo.io/expenses', serviceWorker);
  const plain = await shot();

  await page.addStyleTag({ content: HOSTILE_CSS });
  // The hostile rule really reaches the page's own elements.
  expect(
    await page
      .locator('nav a')
      .first()
      .evaluate((a) => getComputedStyle(a).fontSize),
  ).toBe('40px');
  const addedLater = await shot();

  await visit(page, 'https://app.pleo.io/expenses?hostile', serviceWorker);
  expect(
    await page
      .locator('nav a')
      .first()
      .evaluate((a) => getComputedStyle(a).display),
  ).toBe('inline');
  const fromTheStart = await shot();

  measured(
    `hint screenshot ${plain.image.length} bytes at ${plain.box.width}×${plain.box.height} px; identical with hostile CSS added later: ${addedLater.image.equals(plain.image)}, present from the start: ${fromTheStart.image.equals(plain.image)}`,
  );
  expect(addedLater.box).toEqual(plain.box);
  expect(fromTheStart.box).toEqual(plain.box);
  expect(addedLater.image.equals(plain.image)).toBe(true);
  expect(fromTheStart.image.equals(plain.image)).toBe(true);
});

/** Two pages' own CSS: each would change if an element of the hint took a place among the page's. */
const LAYOUTS = [
  {
    name: 'the simulated app (a grid body) with structural selectors',
    css: `body > :last-child { padding-bottom: 24px; outline: 2px solid rgb(0, 128, 0); }
body > :nth-last-child(2) { border-bottom: 1px solid rgb(200, 200, 200); }`,
  },
  {
    name: 'a vertically centred flex body with gaps',
    css: 'body { display: flex; flex-direction: column; justify-content: center; gap: 24px; }',
  },
];

/** Runs in the page: every computed style and box of the page's own elements (not the hint's host). */
function pageSnapshot(): string[] {
  const lines: string[] = [];
  const elements = [...document.querySelectorAll('*')].filter((e) => !e.closest('[data-pleo-access-hint]'));
  for (const element of elements) {
    const box = element.getBoundingClientRect();
    lines.push(`${element.tagName} box ${box.x},${box.y},${box.width},${box.height}`);
    for (const pseudo of [null, '::before', '::after']) {
      const style = getComputedStyle(element, pseudo);
      const values: string[] = [];
      for (let i = 0; i < style.length; i++) values.push(`${style[i]}:${style.getPropertyValue(style[i]!)}`);
      lines.push(`${element.tagName}${pseudo ?? ''} ${values.join(';')}`);
    }
  }
  const root = document.scrollingElement!;
  lines.push(`scroll ${root.scrollWidth}x${root.scrollHeight} at ${root.scrollLeft},${root.scrollTop}`);
  return lines;
}

function differences(before: string[], after: string[]): string[] {
  if (before.length !== after.length) return [`${before.length} lines before, ${after.length} after`];
  return before.flatMap((line, i) => {
    if (line === after[i]) return [];
    const now = new Set(after[i]!.split(';'));
    const was = line.split(';').filter((value) => !now.has(value));
    const changedTo = after[i]!.split(';').filter((value) => !line.split(';').includes(value));
    return [`${line.split(' ', 1)[0]}: ${was.join('; ')} → ${changedTo.join('; ')}`.slice(0, 400)];
  });
}

interface Shift {
  value: number;
  at: number;
}

/** Installed before the page's first script: every layout shift the browser reports. */
function watchLayoutShifts(): void {
  const shifts: Shift[] = [];
  (window as unknown as { layoutShifts: Shift[] }).layoutShifts = shifts;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      const shift = entry as PerformanceEntry & { value: number; hadRecentInput: boolean };
      if (!shift.hadRecentInput) shifts.push({ value: shift.value, at: shift.startTime });
    }
  }).observe({ type: 'layout-shift', buffered: true });
}

function layoutShifts(page: Page): Promise<Shift[]> {
  return page.evaluate(() => (window as unknown as { layoutShifts: Shift[] }).layoutShifts);
}

for (const layout of LAYOUTS) {
  test(`reliability 12: the hint changes no computed style or box and shifts no layout: ${layout.name}`, async ({
    context,
    extensionId,
    serviceWorker,
    pleo,
  }) => {
    pleo.serve('production', (path) =>
      pleoPage(path, EMPLOYEE).replace('</head>', `<style>${layout.css}</style></head>`),
    );
    const options = await new OptionsPage(await context.newPage(), extensionId).open();
    await options.hintSwitch().uncheck();

    const page = await context.newPage();
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.addInitScript(watchLayoutShifts);
    const hint = new HintOnPage(page);
    await visit(page, 'https://app.pleo.io/expenses', serviceWorker);
    await page.waitForTimeout(500); // the hint would have shown by now: it is off
    await expect(hint.host()).toHaveCount(0);
    const withoutHint = await page.evaluate(pageSnapshot);
    const shiftsBefore = (await layoutShifts(page)).length;

    // Turned on from the options page, the hint appears on the open page.
    await options.hintSwitch().check();
    await expect(hint.host()).toHaveAttribute('data-verdict', 'role-missing');
    await expect(hint.text()).toBeVisible();
    await page.waitForTimeout(300);
    const withHint = await page.evaluate(pageSnapshot);
    const shiftsWithHint = await layoutShifts(page);

    await options.hintSwitch().uncheck();
    await expect(hint.host()).toHaveCount(0);
    await page.waitForTimeout(300);
    const afterHint = await page.evaluate(pageSnapshot);
    const shiftsAfter = await layoutShifts(page);

    const changed = differences(withoutHint, withHint);
    measured(
      `${withoutHint.length} style and box lines of ${withoutHint.filter((l) => l.includes(' box ')).length} page elements: ${changed.length} changed with the hint; layout shifts while it came and went: ${shiftsAfter.length - shiftsBefore}`,
    );
    expect(changed).toEqual([]);
    expect(differences(withoutHint, afterHint)).toEqual([]);
    expect(shiftsWithHint.slice(shiftsBefore)).toEqual([]);
    expect(shiftsAfter.slice(shiftsBefore)).toEqual([]);

    // Controls: the snapshot sees a one-pixel change, and the observer sees a shift the page makes.
    await page.evaluate(() => document.querySelector('nav')!.style.setProperty('padding-top', '13px'));
    expect(differences(withoutHint, await page.evaluate(pageSnapshot)).length).toBeGreaterThan(0);
    await page.evaluate(() =>
      document.body.prepend(Object.assign(document.createElement('div'), { style: 'height:120px' })),
    );
    await expect.poll(async () => (await layoutShifts(page)).length).toBeGreaterThan(shiftsAfter.length);
  });
}
