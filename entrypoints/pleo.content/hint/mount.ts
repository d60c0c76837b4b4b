import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { environmentOf } from '../../../lib/environments';
import { isSettingsList } from '../../../lib/guidance/actions';
import { type Hint, hintAction, pageLanguage, pickTarget } from '../../../lib/hint/hint';
import { type AnchorBox, placeHint } from '../../../lib/hint/place';
import { hintFromStorage, hintStorageKeys } from '../../../lib/hint/stored';
import type { PickTarget } from '../../../lib/types';
import { tellBackground } from '../tell';
import { renderHintBar } from './bar';
import { createShadowHost, KEY_EVENTS, type ShadowHost } from './host';
import { hintStringsIn } from './strings';
import HINT_CSS from './style.css?inline';

function boxOf(element: Element | null | undefined): AnchorBox | null {
  const box = element?.getBoundingClientRect();
  return box && box.width > 0 && box.height > 0 ? box : null;
}

/**
 * The anchors the hint stands by, found by the links' paths, which do not depend on the app's
 * language: the list holding two or more links into Settings, and the menu's link to Settings.
 */
function anchors(): { list: AnchorBox | null; entry: AnchorBox | null } {
  const links = [...document.querySelectorAll<HTMLAnchorElement>('a[href]')];
  const sections = links.filter((link) => link.pathname.startsWith('/settings/'));
  const list = sections
    .map((link) => link.closest('ul, ol, [role="list"]'))
    .find((candidate) => candidate && sections.filter((link) => candidate.contains(link)).length > 1);
  return {
    list: boxOf(list),
    entry: boxOf(links.find((link) => link.pathname.replace(/\/+$/, '') === '/settings')),
  };
}

/**
 * Shows the in-page hint when the stored verdict and this page call for one (lib/hint/), and
 * keeps it current as storage changes and the app navigates. It only reads storage; dismissing
 * and "Details" go to the background as messages. The host and its shadow root are made only
 * when there is a hint to show: on most page loads there is none.
 */
export function showHint(
  ctx: ContentScriptContext,
  point: (target: PickTarget) => void,
  organisation: () => string | null,
): { organisationChanged(): void } {
  const environment = environmentOf(location.href);
  if (!environment) return { organisationChanged: () => undefined };
  const keys = Object.values(hintStorageKeys(environment));
  let mounted: ShadowHost | null = null;
  ctx.onInvalidated(() => mounted?.host.remove());
  let stored: Record<string, unknown> = {};
  // News that a request arrived stays on this page until dismissed; storage already says it was told.
  let arrival: Hint | null = null;

  // Strings in another language arrive a moment later: only the newest update draws.
  let updates = 0;
  const update = async () => {
    const current = ++updates;
    if (ctx.isInvalid) return;
    const hint = arrival ?? hintFromStorage(environment, stored, location.pathname, organisation());
    if (!hint) {
      mounted?.host.remove();
      return;
    }
    const language = pageLanguage(document.documentElement.lang);
    const strings = await hintStringsIn(language);
    if (!strings || ctx.isInvalid || current !== updates) return;
    mounted ??= createShadowHost('pleo-access-hint', 'data-pleo-access-hint', HINT_CSS, KEY_EVENTS);
    const { host, container } = mounted;
    host.setAttribute('data-verdict', hint.verdict);
    const { list, entry } = anchors();
    const placement = placeHint(list, entry, {
      x: window.scrollX,
      y: window.scrollY,
    });
    host.setAttribute('data-placement', placement.at);
    renderHintBar(container, {
      hint,
      strings,
      language,
      action: hintAction(hint, isSettingsList(location.pathname)),
      placement,
      onAction: (action) => {
        const target = pickTarget(action);
        if (target) point(target);
        else location.assign(`${location.origin}/settings`);
      },
      onDetails: () => tellBackground({ type: 'open-guidance' }),
      onDismiss: () => {
        host.remove();
        if (hint === arrival) arrival = null;
        else tellBackground({ type: 'dismiss-hint', verdict: hint.verdict });
      },
    });
    // After <body>, not in it: no element of the page changes its place among its siblings, so
    // the page's own `:last-child` or `main + *` rules still match what they matched.
    if (!host.isConnected) document.documentElement.append(host);
    if (hint.askedAt !== undefined && !arrival) {
      arrival = hint;
      const shown = organisation();
      tellBackground({ type: 'arrival-shown', ...(shown ? { organisation: shown } : {}) });
    }
  };

  // Listen first, then read: a write landing between the two is never missed.
  const refresh = async () => {
    stored = await browser.storage.local.get(keys);
    await update();
  };
  const onStorageChange = (changes: Record<string, unknown>, area: string) => {
    if (area === 'local' && keys.some((key) => key in changes)) void refresh();
  };
  browser.storage.onChanged.addListener(onStorageChange);
  ctx.onInvalidated(() => browser.storage.onChanged.removeListener(onStorageChange));
  ctx.addEventListener(window, 'wxt:locationchange', () => void update());
  ctx.addEventListener(window, 'popstate', () => void update());
  // Its anchors move with the window's width: stand by them again.
  ctx.addEventListener(window, 'resize', () => void update());
  void refresh();
  return { organisationChanged: () => void update() };
}
