import type { Page } from '@playwright/test';
import type { Environment } from '../../../lib/types';

/** The popup as a user reads it. */
export class PopupPage {
  constructor(
    readonly page: Page,
    readonly extensionId: string,
  ) {}

  async open(): Promise<this> {
    await this.page.goto(`chrome-extension://${this.extensionId}/popup.html`);
    return this;
  }

  environment(environment: Environment) {
    return this.page.locator(`[data-environment="${environment}"]`);
  }

  verdict(environment: Environment) {
    return this.environment(environment).locator('[data-verdict]').first();
  }
}
