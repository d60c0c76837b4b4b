import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import { renderHintBar } from '../../components/hint-bar';
import { environmentOf } from '../../lib/environments';
import { hintFromStorage, hintLanguage, hintStorageKeys, hintStrings } from '../../lib/hint';
import type { ContentMessage } from '../../lib/messages';
import { HINT_CSS } from './hint-style';

function tellBackground(message: ContentMessage): void {
  // The background may be asleep or reloading; the hint works without its answer.
  browser.runtime.sendMessage(message).catch(() => undefined);
}

/**
 * Shows the in-page hint when the stored verdict and this page call for one (lib/hint.ts), and
 * keeps it current as storage changes and the app navigates. It only reads storage; dismissing
 * and "Details" go to the background as messages.
 */
export async function showHint(ctx: ContentScriptContext): Promise<void> {
  const environment = environmentOf(location.href);
  if (!environment) return;
  const keys = Object.values(hintStorageKeys(environment));

  const ui = await createShadowRootUi(ctx, {
    name: 'pleo-access-hint',
    position: 'inline',
    anchor: 'body',
    mode: 'open',
    // Keys typed in the hint stay in it: the app's shortcuts never see them.
    isolateEvents: true,
    css: HINT_CSS,
    onMount: () => undefined,
  });
  ui.shadowHost.setAttribute('data-pleo-access-hint', '');

  let stored: Record<string, unknown> = {};

  const update = () => {
    if (ctx.isInvalid) return;
    const hint = hintFromStorage(environment, stored, location.pathname);
    if (!hint) {
      ui.remove();
      return;
    }
    if (!ui.shadowHost.isConnected) ui.mount();
    ui.shadowHost.setAttribute('data-verdict', hint.verdict);
    const language = hintLanguage(document.documentElement.lang);
    renderHintBar(ui.uiContainer, {
      hint,
      strings: hintStrings(language),
      language,
      onDetails: () => tellBackground({ type: 'open-guidance' }),
      onDismiss: () => {
        ui.remove();
        tellBackground({ type: 'dismiss-hint', verdict: hint.verdict });
      },
    });
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
