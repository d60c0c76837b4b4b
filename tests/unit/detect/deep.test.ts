// @vitest-environment happy-dom
/**
 * A page nested 50,000 deep: no walk over the page recurses (issue 22). happy-dom's own
 * querySelectorAll recurses, so the whole scan of such a page is proved in Chromium
 * (tests/e2e/reliability/deep.spec.ts); here, the walk the scan makes itself.
 */
import { describe, expect, it } from 'vitest';
import { outside } from '../../../lib/detect/page';

const DEPTH = 50_000;

describe(`the app's frame around the main content, ${DEPTH.toLocaleString('en')} deep`, () => {
  it('is every sibling on the way down, in document order', { timeout: 60_000 }, () => {
    const body = document.createElement('body');
    const header = body.appendChild(document.createElement('header'));
    const navs: Element[] = [];
    let bottom: Element = body;
    for (let i = 0; i < DEPTH; i++) {
      // Now and then a sibling before the next element of the line.
      if (i % 10_000 === 1) navs.push(bottom.appendChild(document.createElement('nav')));
      bottom = bottom.appendChild(document.createElement('div'));
    }
    const main = bottom.appendChild(document.createElement('main'));
    const aside = bottom.appendChild(document.createElement('aside'));
    const footer = body.appendChild(document.createElement('footer'));
    const started = performance.now();
    expect(outside(body, main)).toEqual([header, ...navs, aside, footer]);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(outside(body, null)).toEqual([body]);
    expect(outside(main, main)).toEqual([]);
    expect(outside(main, body)).toEqual([main]);
  });
});
