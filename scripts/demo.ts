/**
 * `npm run demo`: loads the built extension into Chromium, walks the main scenarios on the
 * simulated Pleo app, and writes what a user would see (the page with its in-page hint, the popup
 * in light and dark, the stored state) into demo-output/ (or DEMO_OUTPUT). Headed when a display
 * exists, headless otherwise. WXT_OUT_DIR picks the build to load.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { extensionWorker, launchWithExtension, storedCheckedAt } from '../sim/browser';
import type { SimulatedUser } from '../sim/pages';
import { routePleo } from '../sim/serve';

interface Scenario {
  name: string;
  what: string;
  user: Partial<SimulatedUser>;
  /** The Production page visited first; null visits nothing. */
  path: string | null;
}

const SCENARIOS: Scenario[] = [
  {
    name: 'ready',
    what: 'Admin, access enabled',
    user: { role: 'admin', apiKeysEnabled: true },
    path: '/settings',
  },
  {
    name: 'role-missing',
    what: 'Employee, access enabled',
    user: { role: 'employee', apiKeysEnabled: true },
    path: '/settings',
  },
  {
    name: 'not-enabled',
    what: 'Admin, access not enabled',
    user: { role: 'admin', apiKeysEnabled: false },
    path: '/settings',
  },
  { name: 'signed-out', what: 'Not signed in', user: { signedIn: false }, path: '/access' },
  {
    name: 'unknown',
    what: 'Admin on a settings page without the list of settings',
    user: { role: 'admin', apiKeysEnabled: true },
    path: '/settings/export',
  },
  { name: 'not-checked', what: 'Pleo never opened', user: {}, path: null },
];

const OUTPUT = resolve(process.env.DEMO_OUTPUT ?? 'demo-output');
const COLOR_SCHEMES = ['light', 'dark'] as const;

async function runScenario(scenario: Scenario): Promise<string[]> {
  const context = await launchWithExtension({ headed: !!process.env.DISPLAY });
  try {
    const worker = await extensionWorker(context);
    const extensionId = new URL(worker.url()).host;
    const pleo = await routePleo(context);
    pleo.serve('production', scenario.user);
    const dir = join(OUTPUT, scenario.name);
    mkdirSync(dir, { recursive: true });
    const files: string[] = [];
    if (scenario.path !== null) {
      const page = await context.newPage();
      await page.setViewportSize({ width: 1280, height: 800 });
      const before = await storedCheckedAt(worker, 'production');
      await page.goto(`https://app.pleo.io${scenario.path}`);
      await waitFor(async () => (await storedCheckedAt(worker, 'production')) !== before);
      await page.waitForTimeout(300);
      files.push(join(dir, 'page.png'));
      await page.screenshot({ path: files.at(-1) });
    }
    const popup = await context.newPage();
    await popup.setViewportSize({ width: 400, height: 600 });
    await popup.goto(`chrome-extension://${extensionId}/popup.html`);
    await popup.waitForSelector('[data-verdict]');
    for (const colorScheme of COLOR_SCHEMES) {
      await popup.emulateMedia({ colorScheme });
      files.push(join(dir, `popup-${colorScheme}.png`));
      await popup.screenshot({ path: files.at(-1), fullPage: true });
    }
    const state = await worker.evaluate(() => chrome.storage.local.get(null));
    files.push(join(dir, 'state.json'));
    writeFileSync(files.at(-1)!, `${JSON.stringify(state, null, 2)}\n`);
    // The diagnostic reports, downloaded with the popup's own buttons, as a user would share them.
    for (const [format, name] of [
      ['JSON', 'report.json'],
      ['Markdown', 'report.md'],
    ] as const) {
      const [download] = await Promise.all([
        popup.waitForEvent('download'),
        popup.getByRole('button', { name: new RegExp(format) }).click(),
      ]);
      files.push(join(dir, name));
      await download.saveAs(files.at(-1)!);
    }
    return files;
  } finally {
    await context.close();
  }
}

async function waitFor(condition: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > end) throw new Error('The extension stored no observation in time.');
    await new Promise((r) => setTimeout(r, 50));
  }
}

declare const chrome: { storage: { local: { get(keys: null): Promise<Record<string, unknown>> } } };

rmSync(OUTPUT, { recursive: true, force: true });
for (const scenario of SCENARIOS) {
  process.stdout.write(`${scenario.name.padEnd(14)} ${scenario.what}\n`);
  for (const file of await runScenario(scenario))
    process.stdout.write(`  ${relative(process.cwd(), file)}\n`);
}
process.stdout.write(`\nDemo output written to ${relative(process.cwd(), OUTPUT)}/\n`);
