import { type Hint, type HintStrings, pickOffer } from '../../../lib/hint/hint';
import type { PickTarget } from '../../../lib/types';

export interface HintBarProps {
  hint: Hint;
  strings: HintStrings;
  language: string;
  onDetails(): void;
  onDismiss(): void;
  /** Starts pick mode, when the hint offers to point at what it could not see (lib/hint/). */
  onPoint?(target: PickTarget): void;
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
 * The in-page hint: one line, "Point at …" when it asks for what it could not see, "Details" and
 * a dismiss button, in the page's language. Plain DOM rather than Preact because the whole content
 * script must stay within 15 kB gzip; every text is set with textContent, never parsed as markup.
 */
export function renderHintBar(container: HTMLElement, props: HintBarProps): void {
  const { hint, strings } = props;
  const bar = element('aside', {
    class: `hint hint-${hint.verdict}`,
    'aria-label': strings.label,
    lang: props.language,
  });
  const details = element('button', { type: 'button', class: 'details' }, strings.details);
  // Only the user's own clicks, on every button: the shadow root is open, so a page's script can click too.
  details.addEventListener('click', (event) => event.isTrusted && props.onDetails());
  const dismiss = element('button', {
    type: 'button',
    class: 'dismiss',
    'aria-label': strings.dismiss,
    title: strings.dismiss,
  });
  dismiss.append(element('span', { 'aria-hidden': 'true' }, '×'));
  dismiss.addEventListener('click', (event) => event.isTrusted && props.onDismiss());
  const asked =
    hint.askedAt === undefined
      ? ''
      : new Intl.DateTimeFormat(props.language, { day: 'numeric', month: 'short' }).format(hint.askedAt);
  bar.append(
    element('span', { class: 'mark', 'aria-hidden': 'true' }, hint.verdict === 'ready' ? '✓' : '!'),
    element('p', { class: 'text' }, strings[hint.message].replace('$1', asked)),
  );
  const offer = props.onPoint && pickOffer(hint);
  if (offer) {
    const point = element(
      'button',
      { type: 'button' },
      strings[offer === 'apiKeys' ? 'pointApiKeys' : 'pointRole'],
    );
    point.addEventListener('click', (event) => event.isTrusted && props.onPoint!(offer));
    bar.append(point);
  }
  bar.append(details, dismiss);
  container.replaceChildren(bar);
}
