/** What the popup's footer and the options page's help say about the extension itself. */

/** The manifest's commands that open the popup: `_execute_action` (MV3), `_execute_browser_action` (MV2). */
const OPEN_POPUP_COMMANDS = new Set(['_execute_action', '_execute_browser_action']);

/** The shortcut that opens the popup, from `commands.getAll()`; null when none is assigned. */
export function openPopupShortcut(commands: readonly { name?: string; shortcut?: string }[]): string | null {
  const command = commands.find((candidate) => OPEN_POPUP_COMMANDS.has(candidate.name ?? ''));
  return command?.shortcut ? command.shortcut : null;
}

/** The help and the privacy policy are shown inside the extension: these sections of the options page. */
export const ABOUT_SECTIONS = { help: 'help', privacy: 'privacy' } as const;
