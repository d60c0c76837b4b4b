/**
 * A host element with an open shadow root, as WXT's createShadowRootUi builds it (the same
 * `all: initial` reset), without its mounting helpers, which would add about 3 kB gzip to a
 * content script held to 15 kB. The hint and pick mode each draw in one.
 */
export interface ShadowHost {
  host: HTMLElement;
  container: HTMLElement;
}

/** `stopped` events end at the shadow root: keys typed in the hint never reach the app's shortcuts. */
export function createShadowHost(
  tag: string,
  attribute: string,
  css: string,
  stopped: readonly string[] = [],
): ShadowHost {
  const host = document.createElement(tag);
  host.setAttribute(attribute, '');
  const shadow = host.attachShadow({ mode: 'open' });
  const style = document.createElement('style');
  // Page styles reach a shadow host and what it inherits; the reset, important, wins over them.
  // The host and its container make no box, so what is drawn (position: fixed) is never a grid or
  // flex item of the page: it adds no track, gap or space between the page's own elements.
  style.textContent = `:host{all:initial !important;display:contents !important}.root{display:contents}${css}`;
  const container = document.createElement('div');
  container.className = 'root';
  shadow.append(style, container);
  for (const type of stopped) shadow.addEventListener(type, (event) => event.stopPropagation());
  return { host, container };
}

/** Typed keys: the app's shortcuts never see what is typed in the extension's own elements. */
export const KEY_EVENTS = ['keydown', 'keyup', 'keypress'] as const;
