import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { environmentOf } from '../../../lib/environments';
import { hintLanguage, hintStrings } from '../../../lib/hint/hint';
import { hintFromStorage, hintStorageKeys } from '../../../lib/hint/stored';
import type { ContentMessage } from '../../../lib/messages/protocol';
import { renderHintBar } from './bar';
import HINT_CSS from './style.css?inline';

function tellBackground(message: ContentMessage): void {
  // The background may be asleep or reloading; the hint works without its answer.
  browser.runtime.sendMessage(message).catch(() => undefined);
}

/**
 * The hint's host element with an open shadow root: what WXT's createShadowRootUi builds (the
 * same `all: initial` reset, keys stopped at the shadow root), without its mounting helpers,
 * which would add about 3 kB gzip to a content script held to 15 kB.
 */
function createHintHost(): { host: HTMLElement; container: HTMLElement } {
  const host = document.createElement('pleo-access-hint');
  host.setAttribute('data-pleo-access-hint', '');
  const shadow = host.attachShadow({ mode: 'open' });
  const style = document.createElement('style');
  // Page styles reach a shadow host and what it inherits; the reset, important, wins over them.
  // The host and its container make no box, so the hint (position: fixed) is never a grid or flex
  // item of the page: it adds no track, gap or space between the page's own elements.
  style.textContent = `:host{all:initial !important;display:contents !important}.root{display:contents}${HINT_CSS}`;
  const container = document.createElement('div');
  container.className = 'root';
  shadow.append(style, container);
  // Keys typed in the hint stay in it: the app's shortcuts never see them.
  for (const type of ['keydown', 'keyup', 'keypress']) {
    shadow.addEventListener(type, (event) => event.stopPropagation());
  }
  return { host, container };
}

/**
 * Shows the in-page hint when the stored verdict and this page call for one (lib/hint/), and
 * keeps it current as storage changes and the app navigates. It only reads storage; dismissing
 * and "Details" go to the background as messages. The host and its shadow root are made only
 * when there is a hint to show: on most page loads there is none.
 */
export async function showHint(ctx: ContentScriptContext): Promise<void> {
  const environment = environmentOf(location.href);
  if (!environment) return;
  const keys = Object.values(hintStorageKeys(environment));
  let mounted: { host: HTMLElement; container: HTMLElement } | null = null;
  ctx.onInvalidated(() => mounted?.host.remove());
  let stored: Record<string, unknown> = {};

  const update = () => {
    if (ctx.isInvalid) return;
    const hint = hintFromStorage(environment, stored, location.pathname);
    if (!hint) {
      mounted?.host.remove();
      return;
    }
    mounted ??= createHintHost();
    const { host, container } = mounted;
    host.setAttribute('data-verdict', hint.verdict);
    const language = hintLanguage(document.documentElement.lang);
    renderHintBar(container, {
      hint,
      strings: hintStrings(language),
      language,
      onDetails: () => tellBackground({ type: 'open-guidance' }),
      onDismiss: () => {
        host.remove();
        tellBackground({ type: 'dismiss-hint', verdict: hint.verdict });
      },
    });
    // After <body>, not in it: no element of the page changes its place among its siblings, so
    // the page's own `:last-child` or `main + *` rules still match what they matched.
    if (!host.isConnected) document.documentElement.append(host);
  };

  // Listen first, then read: a write landing between the two is never missed.
  const refresh = async () => {
    stored = await browser.storage.local.get(keys);
    update();
  };
  const onStorageChange = (changes: Record<string, unknown>, area: string) => {
    if (area === 'local' && keys.some((key) => key in changes)) void refresh();
  };
  browser.storage.onChanged.addListener(onStorageChange);
  ctx.onInvalidated(() => browser.storage.onChanged.removeListener(onStorageChange));
  ctx.addEventListener(window, 'wxt:locationchange', update);
  ctx.addEventListener(window, 'popstate', update);
  await refresh();
}
