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

/**
 * A Pleo page whose menu's Settings link is one the hint does not stand by (renamed /settings-menu):
 * the hint stands in the corner, where the page's CSS cannot move it. For tests of the hint's look;
 * the placement tests are about its place.
 */
export function withHintInCorner(html: string): string {
  return html.replace('href="/settings">', 'href="/settings-menu">');
}
