// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { findHintAnchors } from '../../../lib/hint/anchors';

/** A page of the app at `url`, its body as given. */
function page(body: string, url = 'https://app.pleo.io/settings/general'): Document {
  const document = new DOMParser().parseFromString(
    `<!doctype html><html><body>${body}</body></html>`,
    'text/html',
  );
  const base = document.createElement('base');
  base.href = url;
  document.head.append(base);
  return document;
}

const MENU =
  '<nav><a id="settings" href="/settings/">Indstillinger</a><a href="/expenses">Udgifter</a></nav>';
const LIST =
  '<main><ul id="list"><li><a href="/settings/general">Generelt</a></li><li><a href="/settings/people">Personer</a></li></ul></main>';

describe('findHintAnchors', () => {
  it('finds the list of settings and the menu’s Settings link by their paths, in any language', () => {
    const document = page(MENU + LIST);
    const { list, entry } = findHintAnchors(document);
    expect(list?.id).toBe('list');
    expect(entry?.id).toBe('settings');
  });

  it('takes no list for a single link into Settings', () => {
    const document = page(`${MENU}<ul><li><a href="/settings/general">General</a></li></ul>`);
    expect(findHintAnchors(document).list).toBeNull();
  });

  it('counts only links into Settings, not a list of other pages', () => {
    const document = page('<ul><li><a href="/expenses">A</a></li><li><a href="/cards">B</a></li></ul>');
    expect(findHintAnchors(document)).toEqual({ list: null, entry: null });
  });

  it('takes a list by its role as well', () => {
    const document = page(
      '<div role="list" id="list"><a href="/settings/a">A</a><a href="https://app.pleo.io/settings/b">B</a></div>',
    );
    expect(findHintAnchors(document).list?.id).toBe('list');
  });

  it('finds nothing on a page without the menu or the list', () => {
    expect(findHintAnchors(page('<p>Nothing here</p>'))).toEqual({ list: null, entry: null });
  });
});
