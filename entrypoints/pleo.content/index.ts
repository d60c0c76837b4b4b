import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { MATCH_PATTERNS } from '../../lib/environments';
import type { ObservationMessage } from '../../lib/messages';
import { showHint } from './hint';
import { watchPage } from './watch';

export default defineContentScript({
  matches: MATCH_PATTERNS,
  allFrames: false,
  runAt: 'document_idle',
  main(ctx) {
    watchPage(ctx, (observation) => {
      const message: ObservationMessage = { type: 'observation', observation };
      void browser.runtime.sendMessage(message);
    });
    void showHint(ctx);
  },
});
