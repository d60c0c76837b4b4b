import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { merge } from '../lib/merge';
import { contentScriptEnvironment, parseObservationMessage } from '../lib/messages';
import { RULES_VERSION } from '../lib/rules';
import { environmentItems } from '../lib/storage';

export default defineBackground(() => {
  // Writes are chained so two tabs reporting at once cannot overwrite each other.
  let writes: Promise<unknown> = Promise.resolve();

  browser.runtime.onMessage.addListener((message: unknown, sender) => {
    const environment = contentScriptEnvironment(sender, browser.runtime.id);
    if (environment === 'bad-sender') return Promise.resolve({ ok: false, error: environment });
    const parsed = parseObservationMessage(message);
    if (parsed === 'bad-schema') return Promise.resolve({ ok: false, error: parsed });
    const item = environmentItems[environment];
    const write = writes.then(async () => {
      const record = await item.getValue();
      await item.setValue(merge(record, parsed.observation, Date.now(), RULES_VERSION));
      return { ok: true };
    });
    writes = write.catch(() => undefined);
    return write;
  });
});
