import type { Locator, Page } from '@playwright/test';

/** The options page as a user reads it. */
export class OptionsPage {
  constructor(
    readonly page: Page,
    readonly extensionId: string,
  ) {}

  async open(): Promise<this> {
    await this.page.goto(`chrome-extension://${this.extensionId}/options.html`);
    await this.page.getByRole('heading', { level: 1 }).waitFor();
    return this;
  }

  hintSwitch(): Locator {
    return this.page.getByRole('checkbox');
  }

  forgetButton(): Locator {
    return this.page.getByRole('button', { name: /forget/i }).first();
  }

  radio(name: string): Locator {
    return this.page.getByRole('radio', { name, exact: true });
  }
}
