import { browser } from 'wxt/browser';
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
  main(ctx) {
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
