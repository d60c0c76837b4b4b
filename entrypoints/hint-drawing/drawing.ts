import { findHintAnchors } from '../../lib/hint/anchors';
import { type AnchorBox, placeHint } from '../../lib/hint/place';
import { type HintBarProps, renderHintBar } from './bar';
import { createShadowHost, KEY_EVENTS, type ShadowHost } from './host';
import HINT_CSS from './style.css?inline';

/** What the content script asks of the drawing, which it finds in the isolated world (lib/hint/inject.ts). */
export interface HintDrawing {
  /** Draws the hint, or draws it again, where it points now. */
  draw(props: Omit<HintBarProps, 'placement'>): void;
  /** Takes the hint off the page, if it is on it. */
  remove(): void;
}

function boxOf(element: Element | null): AnchorBox | null {
  const box = element?.getBoundingClientRect();
  return box && box.width > 0 && box.height > 0 ? box : null;
}

/**
 * The hint's host and its shadow root, made at the first draw. The host sits after <body>, not in
 * it: no element of the page changes its place among its siblings, so the page's own `:last-child`
 * or `main + *` rules still match what they matched.
 */
export function createHintDrawing(): HintDrawing {
  let mounted: ShadowHost | null = null;
  return {
    draw(props) {
      mounted ??= createShadowHost('pleo-access-hint', 'data-pleo-access-hint', HINT_CSS, KEY_EVENTS);
      const { host, container } = mounted;
      host.setAttribute('data-verdict', props.hint.verdict);
      const { list, entry } = findHintAnchors(document);
      const placement = placeHint(boxOf(list), boxOf(entry), { x: window.scrollX, y: window.scrollY });
      host.setAttribute('data-placement', placement.at);
      renderHintBar(container, { ...props, placement });
      if (!host.isConnected) document.documentElement.append(host);
    },
    remove() {
      mounted?.host.remove();
    },
  };
}
