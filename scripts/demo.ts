/**
 * `npm run demo`: loads the built extension into Chromium, walks the main scenarios on the
 * simulated Pleo app, and writes what a user would see (page and popup screenshots, the stored
 * state) into demo-output/. Headed when a display exists, headless otherwise.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import type { SimulatedUser } from '../sim/app';
import { extensionWorker, launchWithExtension, routePleo, storedCheckedAt } from '../tests/e2e/harness';

interface Scenario {
  name: string;
  what: string;
  user: Partial<SimulatedUser>;
  path: string;
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
];

const OUTPUT = resolve('demo-output');

async function runScenario(scenario: Scenario): Promise<string[]> {
  const context = await launchWithExtension({ headed: !!process.env.DISPLAY });
  try {
    const worker = await extensionWorker(context);
    const extensionId = new URL(worker.url()).host;
    const pleo = await routePleo(context);
    pleo.serve('production', scenario.user);
    const page = await context.newPage();
    await page.setViewportSize({ width: 1280, height: 800 });
    const before = await storedCheckedAt(worker, 'production');
    await page.goto(`https://app.pleo.io${scenario.path}`);
    await waitFor(async () => (await storedCheckedAt(worker, 'production')) !== before);
    await page.waitForTimeout(300);
    const dir = join(OUTPUT, scenario.name);
    mkdirSync(dir, { recursive: true });
    const files = [join(dir, 'page.png'), join(dir, 'popup.png'), join(dir, 'state.json')];
    await page.screenshot({ path: files[0] });
    const popup = await context.newPage();
    await popup.setViewportSize({ width: 420, height: 640 });
    await popup.goto(`chrome-extension://${extensionId}/popup.html`);
    await popup.waitForSelector('[data-verdict]');
    await popup.screenshot({ path: files[1], fullPage: true });
    const state = await worker.evaluate(() => chrome.storage.local.get(null));
    writeFileSync(files[2]!, `${JSON.stringify(state, null, 2)}\n`);
    return files as string[];
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
