import { browser } from 'wxt/browser';
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { PICKER_GLOBAL } from '../../lib/picker/inject';
import { hintStringsFromBackground } from '../pleo.content/hint/strings';
import { tellBackground } from '../pleo.content/tell';
import { createPicker, type Picker } from './picker';

/**
 * Pick mode, injected into a Pleo tab's top frame only when the user starts a pick
 * (lib/picker/inject.ts), into the isolated world the content script runs in. Each injection
 * replaces the one before, ending its pick, so a reloaded extension never answers through an old one.
 */
export default defineUnlistedScript(() => {
  const scope = globalThis as unknown as Record<string, Picker | undefined>;
  scope[PICKER_GLOBAL]?.stop();
  // The extension reloaded or removed: this script's messages would go nowhere.
  scope[PICKER_GLOBAL] = createPicker(
    tellBackground,
    hintStringsFromBackground,
    () => browser.runtime?.id !== undefined,
  );
});
