import type { Locator, Page } from '@playwright/test';
import type { Condition } from '../../../lib/guidance/view';
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
    await this.page.locator('[data-environment] [data-verdict]').first().waitFor();
    return this;
  }

  environment(environment: Environment): Locator {
    return this.page.locator(`[data-environment="${environment}"]`);
  }

  verdict(environment: Environment): Locator {
    return this.environment(environment).locator('[data-verdict]').first();
  }

  headline(environment: Environment): Locator {
    return this.verdict(environment).getByRole('heading');
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

  /** The order of the environment cards on the page. */
  cardOrder(): Promise<string[]> {
    return this.page
      .locator('section[data-environment]')
      .evaluateAll((cards) => cards.map((card) => card.getAttribute('data-environment') ?? ''));
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
