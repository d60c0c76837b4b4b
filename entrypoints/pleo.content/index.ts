import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { MATCH_PATTERNS } from '../../lib/environments';
import { createObservationReporter } from '../../lib/messages/client';
import { showHint } from './hint/mount';
import { tellBackground } from './tell';
import { watchPage } from './watch';

export default defineContentScript({
  matches: MATCH_PATTERNS,
  allFrames: false,
  runAt: 'document_idle',
  main(ctx) {
    const report = createObservationReporter(browser.runtime, () => ctx.isValid);
    // The hint shows the verdict of the company this page shows, once a scan has seen it.
    let organisation: string | null = null;
    const hint = showHint(
      ctx,
      // Pick mode is not part of this script: the background injects it into this tab (entrypoints/picker/).
      (target) => tellBackground({ type: 'start-pick', target }),
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
