import { browser } from 'wxt/browser';
import { PATHS } from '../../lib/detect/rules';
import { ORIGINS } from '../../lib/environments';
import type { Environment } from '../../lib/types';

/** The open tab of an environment, the active one first. Host permissions let us see these URLs, no `tabs` needed. */
async function environmentTab(environment: Environment) {
  const tabs = await browser.tabs.query({ url: `${ORIGINS[environment]}/*` });
  return tabs.find((tab) => tab.active) ?? tabs[0];
}

/** Opens that environment's Settings page, in its open tab if there is one, so detection can run. */
export async function openSettings(environment: Environment): Promise<void> {
  const url = `${ORIGINS[environment]}${PATHS.settings}`;
  const tab = await environmentTab(environment);
  if (tab?.id === undefined) {
    await browser.tabs.create({ url });
    return;
  }
  await browser.tabs.update(tab.id, { active: true, url });
  if (tab.windowId !== undefined) await browser.windows.update(tab.windowId, { focused: true });
}

/** Reloads the environment's open tab so its page is read again; opens Settings when none is open. */
export async function checkAgain(environment: Environment): Promise<void> {
  const tab = await environmentTab(environment);
  if (tab?.id === undefined) return openSettings(environment);
  await browser.tabs.reload(tab.id);
}
