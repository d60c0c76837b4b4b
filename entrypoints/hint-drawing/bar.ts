import type { Hint, HintAction, HintStrings } from '../../lib/hint/hint';
import type { HintPlacement } from '../../lib/hint/place';

export interface HintBarProps {
  hint: Hint;
  strings: HintStrings;
  language: string;
  /** The verdict's one action (lib/hint/), or none: a ready hint only confirms. */
  action: HintAction | null;
  placement: HintPlacement;
  onAction(action: HintAction): void;
  /** Opens the popup's guidance, where the hint says the rest is. */
  onDetails(): void;
  onDismiss(): void;
}

export function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Record<string, string>,
  text = '',
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  node.textContent = text;
  return node;
}

/**
 * Only the user's own click: the shadow root is open, so a page's script can click these too, and
 * must not start pick mode, open the guidance or dismiss the hint for the user.
 */
function onTrustedClick(button: HTMLElement, handler: () => void): void {
  button.addEventListener('click', (event) => {
    if (!event.isTrusted) return;
    handler();
  });
}

/**
 * The in-page hint: what is wrong in a line, the verdict's one action and a dismiss button, in the
 * page's language, standing where it points (lib/hint/place.ts). Plain DOM rather than Preact
 * because the whole content script must stay within its size budget; every text is set with
 * textContent, never parsed as markup.
 */
export function renderHintBar(container: HTMLElement, props: HintBarProps): void {
  const { hint, strings, action, placement } = props;
  const bar = element('aside', {
    class: `hint hint-${hint.verdict} at-${placement.at}`,
    'aria-label': strings.label,
    lang: props.language,
  });
  if (placement.at !== 'corner') {
    bar.style.left = `${placement.left}px`;
    bar.style.top = `${placement.top}px`;
    bar.style.width = `${placement.width}px`;
  }
  const asked =
    hint.askedAt === undefined
      ? ''
      : new Intl.DateTimeFormat(props.language, { day: 'numeric', month: 'short' }).format(hint.askedAt);
  bar.append(
    element('span', { class: 'mark', 'aria-hidden': 'true' }, hint.verdict === 'ready' ? '✓' : '!'),
    element('p', { class: 'text' }, strings[hint.message].replace('$1', asked)),
  );
  if (action) {
    // The request lives in the popup's guidance: the button opens it there.
    const button = element('button', { type: 'button', class: action === 'request' ? 'details' : 'action' });
    button.textContent = strings[action];
    onTrustedClick(button, () => (action === 'request' ? props.onDetails() : props.onAction(action)));
    bar.append(button);
  }
  // The role hint asks the user to tell the checker in the details, so it keeps the way there.
  if (hint.message === 'unknownRole') {
    const details = element('button', { type: 'button', class: 'details' }, strings.details);
    onTrustedClick(details, props.onDetails);
    bar.append(details);
  }
  const dismiss = element('button', {
    type: 'button',
    class: 'dismiss',
    'aria-label': strings.dismiss,
    title: strings.dismiss,
  });
  dismiss.append(element('span', { 'aria-hidden': 'true' }, '×'));
  onTrustedClick(dismiss, props.onDismiss);
  bar.append(dismiss);
  container.replaceChildren(bar);
}
