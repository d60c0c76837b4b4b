import { browser } from 'wxt/browser';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { MATCH_PATTERNS } from '../../lib/environments';
import { createObservationReporter } from '../../lib/messages/client';
import { pickTarget } from '../../lib/messages/pick';
import { showHint, tellBackground } from './hint/mount';
import { hintStringsIn } from './hint/strings';
import { createPicker } from './picker/picker';
import { watchPage } from './watch';

export default defineContentScript({
  matches: MATCH_PATTERNS,
  allFrames: false,
  runAt: 'document_idle',
  // WXT's "started" window message hands every page the extension's id; its DOM event is enough.
  noScriptStartedPostMessage: true,
  main(ctx) {
    ignoreForgedRestarts(ctx);
    // Pick mode, started by the extension's own pages (the popup's "Point at …") or the hint's offer.
    const picker = createPicker(tellBackground, hintStringsIn);
    const onMessage = (message: unknown, sender: { id?: string; url?: string }) => {
      const target = pickTarget(message, sender, browser.runtime.id, browser.runtime.getURL('/'));
      if (target) void picker.start(target);
      return Promise.resolve({ ok: target !== null });
    };
    browser.runtime.onMessage.addListener(onMessage);
    ctx.addEventListener(window, 'wxt:locationchange', picker.stop);
    ctx.onInvalidated(() => {
      browser.runtime.onMessage.removeListener(onMessage);
      picker.stop();
    });

    const report = createObservationReporter(browser.runtime, () => ctx.isValid);
    // The hint shows the verdict of the company this page shows, once a scan has seen it.
    let organisation: string | null = null;
    const hint = showHint(
      ctx,
      (target) => void picker.start(target),
      () => organisation,
    );
    watchPage(ctx, (seen) => {
      void report(seen.observation, seen.organisation);
      if (seen.organisation !== organisation) {
        organisation = seen.organisation;
        hint.organisationChanged();
      }
    });
  },
});

/**
 * WXT stops this script when a newer copy of it announces itself, by a DOM event a page can
 * dispatch too (the event's name is made of the extension's public id). A newer copy only comes
 * with a new extension context, and then this one's is gone: while ours is alive, such an event is
 * the page's, and it ends on the window, before WXT's listener on the document hears it.
 */
function ignoreForgedRestarts(ctx: ContentScriptContext): void {
  // biome-ignore lint/complexity/useLiteralKeys: private in WXT's types; its value is the event's name
  const started = ContentScriptContext['SCRIPT_STARTED_MESSAGE_TYPE'];
  const guard = (event: Event) => {
    if (browser.runtime?.id) event.stopImmediatePropagation();
  };
  window.addEventListener(started, guard, { capture: true, signal: ctx.signal });
}
