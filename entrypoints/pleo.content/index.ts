import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { detect } from '../../lib/detect';
import { MATCH_PATTERNS } from '../../lib/environments';
import type { ObservationMessage } from '../../lib/messages';

export default defineContentScript({
  matches: MATCH_PATTERNS,
  allFrames: false,
  runAt: 'document_idle',
  main() {
    const message: ObservationMessage = { type: 'observation', observation: detect(document, location.href) };
    void browser.runtime.sendMessage(message);
  },
});
