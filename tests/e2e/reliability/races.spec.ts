/**
 * Reliability 6 — races. Two tabs, then ten, each send 100 observations at the same moment from our
 * real content script (its own world in each tab, so Chrome attaches the real tab, frame and origin).
 * Every tab reports only some of the facts, so a write that read a record before another write
 * landed and then overwrote it would lose a fact, and the verdict would flap back: the final state
 * must be exactly the union of what was reported, and the history must hold no verdict twice.
 * (tests/e2e/state.spec.ts covers two environments reporting through real page loads 50 times.)
 */
import { isDeepStrictEqual } from 'node:util';
import type { ObservationRecord } from '../../../lib/state/merge';
import type { Check, Environment, Observation, VerdictKind } from '../../../lib/types';
import { SIMULATED_ORIGINS, type SimulatedUser } from '../../../sim/pages';
import { expect, test, visit } from '../fixtures';
import { PopupPage } from '../pages/popup';
import { readLocalStorage } from '../storage';
import { type ChromeApi, contentWorld, observation } from './state-helpers';

declare const chrome: ChromeApi;

const REPORTS_PER_TAB = 100;

type Fact = Exclude<Check, 'signedIn'>;

/** What each environment's user is, both as the served page shows it and as the tabs report it. */
const WORLD: Record<
  Environment,
  { user: Partial<SimulatedUser>; facts: Record<Fact, Partial<Observation>>; verdict: VerdictKind }
> = {
  production: {
    user: { role: 'admin', apiKeysEnabled: false, legacyApi: true },
    facts: {
      apiKeysEntry: { apiKeysEntry: 'absent' },
      legacyApiEntry: { legacyApiEntry: 'visible' },
      role: { role: { value: 'admin', confidence: 'high', source: 'detected' } },
    },
    verdict: 'not-enabled',
  },
  staging: {
    user: { role: 'bookkeeper', apiKeysEnabled: true, legacyApi: false },
    facts: {
      apiKeysEntry: { apiKeysEntry: 'visible' },
      legacyApiEntry: { legacyApiEntry: 'absent' },
      role: { role: { value: 'bookkeeper', confidence: 'high', source: 'detected' } },
    },
    verdict: 'ready',
  },
};

const FACTS: Fact[] = ['apiKeysEntry', 'legacyApiEntry', 'role'];

/** Tab k reports two of the three facts, one per report, in turn: no tab alone knows everything. */
function factOf(tab: number, report: number): Fact {
  return FACTS[(tab + (report % 2)) % FACTS.length]!;
}

function reportsOf(environment: Environment, tab: number): Observation[] {
  return Array.from({ length: REPORTS_PER_TAB }, (_, report) => {
    const fact = factOf(tab, report);
    const tag = `tab ${tab} report ${report}`;
    return observation({
      signedIn: 'yes',
      ...WORLD[environment].facts[fact],
      evidence: [
        { check: 'signedIn', signal: 'race', detail: tag },
        { check: fact, signal: 'race', detail: tag },
      ],
    });
  });
}

interface Scenario {
  name: string;
  tabs: Environment[];
}

const SCENARIOS: Scenario[] = [
  { name: 'two Production tabs', tabs: ['production', 'production'] },
  { name: 'two Staging tabs', tabs: ['staging', 'staging'] },
  {
    name: 'ten tabs, five in each environment',
    tabs: [...Array(5).fill('production'), ...Array(5).fill('staging')],
  },
];

for (const scenario of SCENARIOS) {
  test(`reliability 6: ${scenario.name} sending ${REPORTS_PER_TAB} reports each at once: final state exact, no verdict twice`, async ({
    context,
    extensionId,
    serviceWorker,
    pleo,
  }) => {
    test.setTimeout(120_000);
    for (const environment of ['production', 'staging'] as const)
      pleo.serve(environment, WORLD[environment].user);

    // Each tab loads a real page first; its content script reports once, and is then the sender.
    const tabs = [];
    for (const [index, environment] of scenario.tabs.entries()) {
      const page = await context.newPage();
      await visit(page, `${SIMULATED_ORIGINS[environment]}/expenses`, serviceWorker);
      const indexInEnvironment = scenario.tabs.slice(0, index).filter((e) => e === environment).length;
      tabs.push({
        environment,
        index: indexInEnvironment,
        world: await contentWorld(context, page, extensionId),
      });
    }

    const started = Date.now();
    const answers = await Promise.all(
      tabs.map(({ environment, index, world }) =>
        world.run(
          (reports) =>
            Promise.all(
              reports.map((report) =>
                chrome.runtime.sendMessage({ type: 'observation', observation: report }).then(
                  (answer) => JSON.stringify(answer),
                  (error: Error) => `rejected: ${error.message}`,
                ),
              ),
            ),
          reportsOf(environment, index),
        ),
      ),
    );
    const elapsed = Date.now() - started;
    const sent = answers.flat();
    const acknowledged = sent.filter((answer) => answer === '{"ok":true}').length;

    const stored = await readLocalStorage(serviceWorker);
    const lines: string[] = [];
    let factsLost = 0;
    for (const environment of new Set(scenario.tabs)) {
      const record = stored[`environment:${environment}`] as ObservationRecord;
      const expected = WORLD[environment].facts;
      const { role } = expected.role;
      const union = {
        signedIn: 'yes',
        apiKeysEntry: expected.apiKeysEntry.apiKeysEntry,
        legacyApiEntry: expected.legacyApiEntry.legacyApiEntry,
        role,
      };
      const actual = {
        signedIn: record.signedIn.value,
        apiKeysEntry: record.apiKeysEntry.value,
        legacyApiEntry: record.legacyApiEntry.value,
        role: record.role.value,
      };
      factsLost += (Object.keys(union) as (keyof typeof union)[]).filter(
        (key) => !isDeepStrictEqual(actual[key], union[key]),
      ).length;
      expect(actual, environment).toEqual(union);

      // One evidence line per check, each from a report that carried that check.
      const tabsHere = tabs.filter((tab) => tab.environment === environment);
      const carried = new Set(
        tabsHere.flatMap(({ index }) =>
          reportsOf(environment, index).flatMap((report) =>
            report.evidence.map((line) => `${line.check}: ${line.detail}`),
          ),
        ),
      );
      expect(record.evidence.map((line) => line.check).sort(), environment).toEqual(
        [...FACTS, 'signedIn'].sort(),
      );
      for (const line of record.evidence)
        expect(carried, `${environment} evidence`).toContain(`${line.check}: ${line.detail}`);
      expect(record.checkedAt).toBe(
        Math.max(
          ...[record.signedIn, record.apiKeysEntry, record.legacyApiEntry, record.role].map(
            (fact) => fact.seenAt ?? 0,
          ),
        ),
      );

      // The first page showed the session and the role only; every later report only added facts.
      const history = record.history.map((change) => change.verdict);
      expect(new Set(history).size, `${environment} history ${history}`).toBe(history.length);
      expect(history, environment).toEqual(['unknown', WORLD[environment].verdict]);
      lines.push(`${environment}: history ${history.join(' → ')}`);
    }
    // Nothing else was written: no profile, settings or resets appeared from the reports.
    expect(Object.keys(stored).filter((key) => !key.startsWith('environment:'))).toEqual([]);
    expect(acknowledged).toBe(sent.length);
    expect(sent.length).toBe(scenario.tabs.length * REPORTS_PER_TAB);

    const popup = await new PopupPage(await context.newPage(), extensionId).open();
    for (const environment of new Set(scenario.tabs)) {
      await expect(popup.verdict(environment)).toHaveAttribute('data-verdict', WORLD[environment].verdict);
    }
    expect(pleo.strayRequests).toEqual([]);
    console.info(
      `reliability 6: ${scenario.name}: ${acknowledged}/${sent.length} reports acknowledged in ${elapsed} ms, facts lost: ${factsLost}; ${lines.join('; ')}`,
    );
  });
}
