import { browser } from 'wxt/browser';
import type { PickStatus } from '../../components/TeachChecker';
import { PATHS } from '../../lib/detect/rules';
import { ORIGINS } from '../../lib/environments';
import { injectPicker } from '../../lib/picker/inject';
import type { Environment, PickTarget } from '../../lib/types';

/** The open tab of an environment, the active one first. Host permissions let us see these URLs, no `tabs` needed. */
async function environmentTab(environment: Environment) {
  const tabs = await browser.tabs.query({ url: `${ORIGINS[environment]}/*` });
  return tabs.find((tab) => tab.active) ?? tabs[0];
}

/** Opens that environment's Settings page, in its open tab if there is one, so detection can run. */
export async function openSettings(environment: Environment): Promise<void> {
  await openPage(environment, PATHS.settings);
}

/** Opens a page of the environment in its open tab (brought forward), or in a new tab when none is open. */
async function openPage(environment: Environment, path: string): Promise<void> {
  const url = `${ORIGINS[environment]}${path}`;
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

/** Reloads the environment's open Pleo tab, if there is one, so a newly allowed page is read. */
export async function reloadEnvironmentTab(environment: Environment): Promise<void> {
  const tab = await environmentTab(environment);
  if (tab?.id !== undefined) await browser.tabs.reload(tab.id);
}

/** Opens Settings → API Keys, where keys are made, in the environment's open tab or a new one. */
export async function openApiKeys(environment: Environment): Promise<void> {
  await openPage(environment, PATHS.apiKeys);
}

/**
 * Puts the environment's most recently used Pleo tab into pick mode and brings it forward; says
 * when there is no such tab, or pick mode cannot be injected there (site access withheld, say).
 */
export async function startPick(environment: Environment, target: PickTarget): Promise<PickStatus> {
  const tabs = await browser.tabs.query({ url: `${ORIGINS[environment]}/*` });
  const tab = tabs.sort((a, b) => (b.lastAccessed ?? 0) - (a.lastAccessed ?? 0))[0];
  if (tab?.id === undefined) return 'no-tab';
  // Pick mode is injected only now: the content script every Pleo page loads carries none of it.
  if (!(await injectPicker(browser.scripting, tab.id, target).catch(() => false))) return 'unreachable';
  await browser.tabs.update(tab.id, { active: true });
  if (tab.windowId !== undefined) await browser.windows.update(tab.windowId, { focused: true });
  return 'started';
}

/**
 * Opens the key check in a tab of its own: a popup closes as soon as the user switches away to copy
 * the key, and the field with it. The environment says where the user works, never anything of a key.
 */
export async function openKeyCheck(environment: Environment): Promise<void> {
  await browser.tabs.create({
    url: `${browser.runtime.getURL('/check-key.html')}?environment=${environment}`,
  });
}
