import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { MATCH_PATTERNS } from '../../lib/environments';
import { createObservationReporter } from '../../lib/messages/client';
import { showHint } from './hint/mount';
import { watchPage } from './watch';

export default defineContentScript({
  matches: MATCH_PATTERNS,
  allFrames: false,
  runAt: 'document_idle',
  main(ctx) {
    const report = createObservationReporter(browser.runtime, () => ctx.isValid);
    watchPage(ctx, (observation) => void report(observation));
    void showHint(ctx);
  },
});
