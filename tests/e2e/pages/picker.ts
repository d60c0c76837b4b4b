import type { Locator, Page, Worker } from '@playwright/test';
import type { PickTarget } from '../../../lib/types';

declare const chrome: {
  tabs: { query(query: { url: string }): Promise<{ id: number }[]> };
  scripting: { executeScript(injection: unknown): Promise<{ result?: unknown }[]> };
};

/** Pick mode ("Point at it") on a Pleo page. Playwright's locators pierce its open shadow root. */
export class PickerOnPage {
  constructor(readonly page: Page) {}

  host(): Locator {
    return this.page.locator('[data-pleo-access-picker]');
  }

  text(): Locator {
    return this.host().locator('.text');
  }

  button(name: string): Locator {
    return this.host().getByRole('button', { name, exact: true });
  }

  /** The button that keeps the label shown (its name starts with "Keep"). */
  keep(): Locator {
    return this.host().getByRole('button', { name: /^Keep/ });
  }

  /** The exact label shown for the user to keep. */
  label(): Locator {
    return this.host().locator('.label');
  }

  /** Where the outline is drawn, in the viewport. */
  outline() {
    return this.host().locator('.outline').boundingBox();
  }
}

/**
 * What the popup's "Point at …" buttons do (lib/picker/inject.ts), from the service worker: inject
 * pick mode's script into the Production Pleo tab's top frame, then start it there. `{ ok: true }`
 * once it started.
 */
export function startPick(serviceWorker: Worker, target: PickTarget): Promise<unknown> {
  return serviceWorker.evaluate(async (target) => {
    const [tab] = await chrome.tabs.query({ url: 'https://app.pleo.io/*' });
    const into = { tabId: tab!.id, frameIds: [0] };
    await chrome.scripting.executeScript({ target: into, files: ['/picker.js'] });
    const [started] = await chrome.scripting.executeScript({
      target: into,
      func: (name: string, target: string) => {
        const picker = (globalThis as unknown as Record<string, { start(t: string): unknown }>)[name];
        void picker?.start(target);
        return picker !== undefined;
      },
      args: ['pleoAccessPicker', target],
    });
    return { ok: started?.result === true };
  }, target);
}
