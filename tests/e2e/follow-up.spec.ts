/**
 * From asking to having (issue 26), through the built extension in Chromium: the user says they
 * sent the request; a week later (the stored `sentAt` moved back by the test) the popup offers the
 * follow-up naming the date; when the same company's page shows what was asked for, the popup, the
 * in-page hint and the toolbar badge tell it once, with the date asked; the report carries both
 * dates. Once for an enabling request and once for a role request.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page, Worker } from '@playwright/test';
import type { Report } from '../../lib/report/schema';
import { DEFAULT_USER, type SimulatedUser } from '../../sim/pages';
import { expect, test } from './fixtures';
import { HintOnPage } from './pages/hint';
import { PopupPage } from './pages/popup';

declare const chrome: {
  storage: { local: { get(key: string): Promise<Record<string, unknown>>; set(v: object): Promise<void> } };
  tabs: { query(q: object): Promise<{ id: number }[]> };
  action: { getBadgeText(d: object): Promise<string>; getTitle(d: object): Promise<string> };
};

const COMPANY = 'Acme Widgets ApS';
const DAY = 24 * 60 * 60 * 1000;

interface StoredRequest {
  organisation: string | null;
  kind: string;
  sentAt: number;
  resolvedAt: number | null;
}

const storedRequests = (worker: Worker) =>
  worker.evaluate(
    async () =>
      (((await chrome.storage.local.get('requests')).requests as { production: StoredRequest[] } | undefined)
        ?.production ?? []) as StoredRequest[],
  );

/** Moves every stored request's `sentAt` back by `ms`, as if it had been sent that much earlier. */
const moveSentBack = (worker: Worker, ms: number) =>
  worker.evaluate(async (ms) => {
    const { requests } = (await chrome.storage.local.get('requests')) as {
      requests: Record<string, { sentAt: number | string }[]>;
    };
    for (const list of Object.values(requests)) {
      for (const request of list) {
        request.sentAt =
          typeof request.sentAt === 'number'
            ? request.sentAt - ms
            : new Date(Date.parse(request.sentAt) - ms).toISOString();
      }
    }
    await chrome.storage.local.set({ requests });
  }, ms);

const badge = (worker: Worker) =>
  worker.evaluate(async () => {
    const [tab] = await chrome.tabs.query({ url: 'https://app.pleo.io/*' });
    return {
      text: await chrome.action.getBadgeText({ tabId: tab!.id }),
      title: await chrome.action.getTitle({ tabId: tab!.id }),
    };
  });

/** Opens the company's page and waits until that company's record holds what it showed. */
async function visitCompany(page: Page, worker: Worker, verdictAfter: string): Promise<void> {
  await page.goto('https://app.pleo.io/settings');
  await expect
    .poll(() =>
      worker.evaluate(async (company) => {
        const list = ((await chrome.storage.local.get('organisations:production'))[
          'organisations:production'
        ] ?? []) as { name: string; record: { history: { verdict: string }[] } }[];
        return list.find((o) => o.name === company)?.record.history.at(-1)?.verdict ?? null;
      }, COMPANY),
    )
    .toBe(verdictAfter);
}

const CASES: {
  kind: 'enabling' | 'role';
  before: Partial<SimulatedUser>;
  after: Partial<SimulatedUser>;
  verdictBefore: string;
  verdictAfter: string;
  arrived: RegExp;
  asked: RegExp;
  markdown: RegExp;
}[] = [
  {
    kind: 'enabling',
    before: { role: 'admin', apiKeysEnabled: false },
    after: { role: 'admin', apiKeysEnabled: true },
    verdictBefore: 'not-enabled',
    verdictAfter: 'ready',
    arrived: /API Keys is now enabled for Acme Widgets ApS — you asked on/,
    asked: /I asked for Standalone API Key access in Production/,
    markdown: /^Asked on (\d{4}-\d\d-\d\d), enabled on (\d{4}-\d\d-\d\d)\.$/m,
  },
  {
    kind: 'role',
    before: { role: 'employee', apiKeysEnabled: false },
    after: { role: 'admin', apiKeysEnabled: false },
    verdictBefore: 'role-missing',
    verdictAfter: 'not-enabled',
    arrived: /Your role can now create API keys for Acme Widgets ApS — you asked on/,
    asked: /I asked for the Admin or Bookkeeper role in Production/,
    markdown: /^Asked for the role on (\d{4}-\d\d-\d\d), granted on (\d{4}-\d\d-\d\d)\.$/m,
  },
];

for (const c of CASES) {
  test(`${c.kind}: "I sent it", the follow-up after a week with its date, and the news once in popup, hint and badge; the report has both dates`, async ({
    context,
    extensionId,
    serviceWorker,
    pleo,
  }) => {
    // Three popups, two page loads and two axe runs: longer than one check.
    test.setTimeout(150_000);
    const user = { ...DEFAULT_USER, organisation: 'switcher' as const, company: COMPANY };
    const tab = await context.newPage();
    pleo.serve('production', { ...user, ...c.before });
    await visitCompany(tab, serviceWorker, c.verdictBefore);

    // "I sent it": the request is kept for that company, and the card says so in one line.
    const popup = await new PopupPage(await context.newPage(), extensionId).open();
    const card = popup.environment('production');
    await card.getByRole('button', { name: /sent/i }).click();
    await expect.poll(async () => (await storedRequests(serviceWorker)).map((r) => r.kind)).toEqual([c.kind]);
    await expect(card.locator('.asked')).toContainText(/^Asked today \(your /);
    // Undo, and send again.
    await card.getByRole('button', { name: /undo/i }).click();
    await expect.poll(() => storedRequests(serviceWorker)).toEqual([]);
    await card.getByRole('button', { name: /sent/i }).click();
    await expect.poll(async () => (await storedRequests(serviceWorker)).length).toBe(1);

    // A week and a day later: the follow-up, naming the first request's date; nothing personal.
    await moveSentBack(serviceWorker, 8 * DAY);
    const [sent] = await storedRequests(serviceWorker);
    const sentDay = new Date(sent!.sentAt).toISOString().slice(0, 10);
    await expect(card.locator('.asked')).toContainText('Asked 8 days ago');
    const followUp = card.locator('.follow-up-body');
    await expect(followUp).toContainText(`On ${sentDay} `);
    await expect(followUp).toContainText(c.asked);
    for (const personal of [user.name, user.email, COMPANY])
      await expect(followUp).not.toContainText(personal);
    await expect(card.getByRole('button', { name: /copy follow-up/i })).toBeVisible();
    expect((await new AxeBuilder({ page: popup.page }).analyze()).violations.map((v) => v.id)).toEqual([]);
    await popup.page.close();

    // The same company's page now shows what was asked for: closed, dated; hint and badge tell it.
    pleo.serve('production', { ...user, ...c.after });
    await visitCompany(tab, serviceWorker, c.verdictAfter);
    await expect
      .poll(async () => (await storedRequests(serviceWorker))[0]?.resolvedAt)
      .toEqual(expect.any(Number));
    const askedOn = new Intl.DateTimeFormat('en', { day: 'numeric', month: 'short' }).format(sent!.sentAt);
    const hint = new HintOnPage(tab);
    await expect(hint.text()).toContainText(`You asked on ${askedOn}.`);
    await expect.poll(async () => (await badge(serviceWorker)).text).toBe('1');
    expect((await badge(serviceWorker)).title).toContain(`you asked on ${askedOn}`);

    // The popup tells it, the badge goes back to the verdict, and the next popup does not tell it again.
    const opened = await new PopupPage(await context.newPage(), extensionId).open();
    const news = opened.environment('production').locator('.arrival');
    await expect(news).toContainText(c.arrived);
    await expect(news).toContainText(askedOn);
    await expect.poll(async () => (await badge(serviceWorker)).text).not.toBe('1');
    expect((await new AxeBuilder({ page: opened.page }).analyze()).violations.map((v) => v.id)).toEqual([]);

    // The report carries both dates, in JSON and in one Markdown line.
    const report = JSON.parse(
      (await opened.page.locator('[data-report-preview="json"]').textContent()) ?? '',
    ) as Report;
    const request = report.environments[0]!.request!;
    expect(request.kind).toBe(c.kind);
    expect(request.sentAt.slice(0, 10)).toBe(sentDay);
    expect(request.resolvedAt).toEqual(expect.any(String));
    expect(report.environments[0]!.organisations?.[0]?.request?.sentAt).toBe(request.sentAt);
    const markdown = (await opened.page.locator('[data-report-preview="markdown"]').textContent()) ?? '';
    const line = c.markdown.exec(markdown);
    expect(line?.[1]).toBe(sentDay);
    expect(line?.[2]).toBe(request.resolvedAt!.slice(0, 10));
    for (const personal of [user.name, user.email, COMPANY])
      expect(JSON.stringify(report)).not.toContain(personal);
    await opened.page.close();

    const again = await new PopupPage(await context.newPage(), extensionId).open();
    await expect(again.verdict('production')).toHaveAttribute('data-verdict', c.verdictAfter);
    await expect(again.environment('production').locator('.arrival')).toHaveCount(0);

    // The hint told it on that page once: the page loaded again does not tell it.
    await hint.dismiss().click();
    await tab.reload();
    await tab.waitForTimeout(1500);
    await expect(tab.locator('[data-pleo-access-hint]').getByText(/You asked on/)).toHaveCount(0);
  });
}
