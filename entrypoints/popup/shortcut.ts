import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { openPopupShortcut } from '../../lib/guidance/about';

/**
 * The shortcut the browser actually assigned to open the popup (the user may have changed or removed
 * it, or another extension may hold it): null when there is none, undefined until read.
 */
export function useOpenPopupShortcut(): string | null | undefined {
  const [shortcut, setShortcut] = useState<string | null>();
  useEffect(() => {
    browser.commands.getAll().then(
      (commands) => setShortcut(openPopupShortcut(commands)),
      () => setShortcut(null),
    );
  }, []);
  return shortcut;
}
