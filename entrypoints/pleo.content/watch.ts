import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { detect } from '../../lib/detect';
import type { Observation } from '../../lib/types';

/** Detects the page now and reports what it sees. */
export function watchPage(_ctx: ContentScriptContext, report: (observation: Observation) => void): void {
  report(detect(document, location.href));
}
