import type { Locator, Page } from '@playwright/test';
import type { Condition } from '../../../lib/guidance/checklist';
import type { Environment } from '../../../lib/types';

/** The popup as a user reads it. */
export class PopupPage {
  constructor(
    readonly page: Page,
    readonly extensionId: string,
  ) {}

  /** Opens popup.html (with `query`, e.g. "?environment=staging&view=tab") and waits until the verdicts are painted. */
  async open(query = ''): Promise<this> {
    await this.page.goto(`chrome-extension://${this.extensionId}/popup.html${query}`);
    await this.page.locator('[data-environment]:not([hidden]) [data-verdict]').first().waitFor();
    return this;
  }

  /** The environment the switch shows in full; the other card stays in the page, hidden. */
  shown(): Promise<string | null> {
    return this.page.locator('section[data-environment]:not([hidden])').getAttribute('data-environment');
  }

  /** Shows one environment in full, as a user does with the switch at the top. */
  async show(environment: Environment): Promise<void> {
    const button = this.page.locator(`[data-switch="${environment}"]`);
    if ((await button.getAttribute('aria-pressed')) !== 'true') await button.click();
    await this.environment(environment).waitFor();
  }

  /** The environment's one next action: its filled button. */
  primary(environment: Environment): Locator {
    return this.environment(environment).locator('[data-primary-action]');
  }

  /** Unfolds the card's details: the next steps, the role question, the API base URL. */
  async openDetails(environment: Environment): Promise<void> {
    const details = this.environment(environment).locator('details.more');
    if (!(await details.evaluate((element: HTMLDetailsElement) => element.open))) {
      await details.locator('> summary').click();
    }
  }

  /** Unfolds the question "Partner or Customer?". */
  async openAudience(): Promise<void> {
    if (!(await this.audience().evaluate((element: HTMLDetailsElement) => element.open))) {
      await this.audience().locator('> summary').click();
    }
  }

  environment(environment: Environment): Locator {
    return this.page.locator(`[data-environment="${environment}"]`);
  }

  verdict(environment: Environment): Locator {
    return this.environment(environment).locator('[data-verdict]').first();
  }

  /** The verdict's headline; read by class, so the hidden environment's is read too. */
  headline(environment: Environment): Locator {
    return this.verdict(environment).locator('.headline');
  }

  /** One of the three conditions; its state is in `[data-state]`. */
  condition(environment: Environment, condition: Condition): Locator {
    return this.environment(environment).locator(`[data-condition="${condition}"]`);
  }

  async conditionStates(environment: Environment): Promise<Record<Condition, string | null>> {
    const state = (condition: Condition) =>
      this.condition(environment, condition).locator('[data-state]').getAttribute('data-state');
    return { signedIn: await state('signedIn'), role: await state('role'), enabled: await state('enabled') };
  }

  /** The ids of the next steps, in order. */
  steps(environment: Environment): Promise<string[]> {
    return this.environment(environment)
      .locator('[data-step]')
      .evaluateAll((items) => items.map((item) => item.getAttribute('data-step') ?? ''));
  }

  button(environment: Environment, name: string | RegExp): Locator {
    return this.environment(environment).getByRole('button', { name });
  }

  roleSelect(environment: Environment): Locator {
    return this.environment(environment).getByRole('combobox');
  }

  requestText(environment: Environment): Locator {
    return this.environment(environment).locator('.request-body');
  }

  audience(): Locator {
    return this.page.locator('#audience');
  }
}
