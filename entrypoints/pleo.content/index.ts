import { browser } from 'wxt/browser';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { environmentOf, MATCH_PATTERNS } from '../../lib/environments';
import { hintStorageKeys } from '../../lib/hint/stored';
import { createObservationReporter } from '../../lib/messages/client';
import { LEARNED_LABELS_KEY } from '../../lib/storage/keys';
import { showHint } from './hint/mount';
import { tellBackground } from './tell';
import { watchPage } from './watch';

export default defineContentScript({
  matches: MATCH_PATTERNS,
  allFrames: false,
  runAt: 'document_idle',
  // WXT's "started" window message hands every page the extension's id; its DOM event is enough.
  noScriptStartedPostMessage: true,
  main(ctx) {
    ignoreForgedRestarts(ctx);
    const report = createObservationReporter(browser.runtime, () => ctx.isValid);
    // One storage read at start for what the user taught and the hint's items. Both parts listen for
    // changes within this task, before any change event can be delivered: none is missed.
    const environment = environmentOf(location.href);
    const storedAtStart = environment
      ? browser.storage.local.get([LEARNED_LABELS_KEY, ...Object.values(hintStorageKeys(environment))])
      : undefined;
    // The hint shows the verdict of the company this page shows, once a scan has seen it.
    let organisation: string | null = null;
    const hint = showHint(
      ctx,
      // Pick mode is not part of this script: the background injects it into this tab (entrypoints/picker/).
      (target) => tellBackground({ type: 'start-pick', target }),
      () => organisation,
      storedAtStart,
    );
    watchPage(
      ctx,
      (seen) => {
        void report(seen.observation, seen.organisation);
        if (seen.organisation !== organisation) {
          organisation = seen.organisation;
          hint.organisationChanged();
        }
      },
      storedAtStart,
    );
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
