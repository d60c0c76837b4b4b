import { browser } from 'wxt/browser';
import type { PickStatus } from '../../components/TeachChecker';
import { PATHS } from '../../lib/detect/rules';
import { ORIGINS } from '../../lib/environments';
import type { PickRequest } from '../../lib/messages/pick';
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

/** Opens the environment's sign-in page, in its open tab or a new one. */
export async function openSignIn(environment: Environment): Promise<void> {
  await openPage(environment, PATHS.signIn[1]!);
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
 * when there is no such tab, or its content script cannot be reached (not loaded, or site access
 * withheld).
 */
export async function startPick(environment: Environment, target: PickTarget): Promise<PickStatus> {
  const tabs = await browser.tabs.query({ url: `${ORIGINS[environment]}/*` });
  const tab = tabs.sort((a, b) => (b.lastAccessed ?? 0) - (a.lastAccessed ?? 0))[0];
  if (tab?.id === undefined) return 'no-tab';
  const request: PickRequest = { type: 'start-pick', target };
  const answer = await browser.tabs.sendMessage(tab.id, request).catch(() => null);
  if ((answer as { ok?: boolean } | null)?.ok !== true) return 'unreachable';
  await browser.tabs.update(tab.id, { active: true });
  if (tab.windowId !== undefined) await browser.windows.update(tab.windowId, { focused: true });
  return 'started';
}
