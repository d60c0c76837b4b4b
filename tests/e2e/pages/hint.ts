import type { Locator, Page } from '@playwright/test';

/** The in-page hint on a Pleo page. Playwright's locators pierce its open shadow root. */
export class HintOnPage {
  constructor(readonly page: Page) {}

  host(): Locator {
    return this.page.locator('[data-pleo-access-hint]');
  }

  text(): Locator {
    return this.host().locator('.text');
  }

  details(): Locator {
    return this.host().locator('button.details');
  }

  dismiss(): Locator {
    return this.host().locator('button.dismiss');
  }

  /** Where the hint's visible box is, in the viewport. */
  box() {
    return this.host().locator('.hint').boundingBox();
  }
}
