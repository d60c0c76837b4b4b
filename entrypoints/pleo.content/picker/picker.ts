import { type HintStrings, pageLanguage } from '../../../lib/hint/hint';
import type { ContentMessage } from '../../../lib/messages/protocol';
import { candidateAt, firstCandidate, type Move, moveCandidate } from '../../../lib/picker/candidate';
import { learnMessage, pickedLabel, roleName } from '../../../lib/picker/choice';
import { KNOWN_ROLES, type KnownRole, type Language, type PickTarget } from '../../../lib/types';
import { element } from '../hint/bar';
import { createShadowHost, KEY_EVENTS } from '../hint/host';
import HINT_CSS from '../hint/style.css?inline';
import PICKER_CSS from './style.css?inline';

export interface Picker {
  /** Starts pick mode for this target, ending the one that is on; resolves once its bar is drawn (or it ended first). */
  start(target: PickTarget): Promise<void>;
  stop(): void;
}

/** Pick mode ends by itself after this long. */
const PICK_LIFETIME_MS = 60_000;

/** The pointer's part of a click: none of them reaches the page while pick mode is on. */
const POINTER_EVENTS = [
  'pointerdown',
  'pointerup',
  'mousedown',
  'mouseup',
  'click',
  'dblclick',
  'auxclick',
  'contextmenu',
];

/** The extension's own elements: never a candidate, and what happens in them is theirs. */
const isOurs = (element: Element) =>
  element.hasAttribute('data-pleo-access-picker') || element.hasAttribute('data-pleo-access-hint');

/** Arrow keys pass over what has no box (scripts, hidden elements) as well. */
const isSkipped = (element: Element) => isOurs(element) || element.getClientRects().length === 0;

function swallow(event: Event): void {
  event.preventDefault();
  event.stopImmediatePropagation();
}

/**
 * Pick mode ("Point at it", docs/architecture.md): the user points at the API Keys entry or their
 * role on the page, and the content script teaches its label (lib/picker/ decides what). Drawn in
 * its own open shadow root after <body>, in the hint's look: a bar saying what to click, with
 * Cancel, and an outline over the candidate. It listens in the capture phase on the window, so the
 * page's handlers never see the pick's clicks and keys, and answers only trusted events: a page's
 * script can neither choose nor cancel. Every listener, timer and element it adds goes when it ends.
 */
export function createPicker(
  send: (message: ContentMessage) => void,
  stringsIn: (language: Language) => Promise<HintStrings | null>,
): Picker {
  let end: AbortController | null = null;
  const stop = () => {
    end?.abort();
    end = null;
  };

  async function start(target: PickTarget): Promise<void> {
    stop();
    const starting = new AbortController();
    end = starting;
    const language = pageLanguage(document.documentElement.lang);
    const found = await stringsIn(language);
    // Cancelled, or started again, while the strings were on their way; or no words to say it with.
    if (!found || starting.signal.aborted || end !== starting) return;
    const strings = found;
    const { signal } = starting;
    const on = { capture: true, signal };
    const { host, container } = createShadowHost(
      'pleo-access-picker',
      'data-pleo-access-picker',
      HINT_CSS + PICKER_CSS,
    );

    let candidate: Element | null = null;
    /** The chosen role label while the user says which role it names. */
    let pending: string | null = null;

    // The bar's buttons act from the window's capture listener below, on the user's clicks alone:
    // the page's handlers never see them, and its script, which can reach an open shadow root,
    // cannot press them.
    const actions = new Map<EventTarget, () => void>();
    const button = (text: string, act: () => void) => {
      const node = element('button', { type: 'button' }, text);
      actions.set(node, act);
      return node;
    };
    const ask = `${strings[target === 'apiKeys' ? 'pointApiKeys' : 'pointRole']}: ${strings.pickHow}`;
    const text = element('p', { class: 'text', 'aria-live': 'polite' }, ask);
    const roles = element('div', { class: 'roles', role: 'group', 'aria-label': strings.pickWhichRole });
    // Named as the app names the roles in the bar's language ("Admin", "Bookkeeper", … in English).
    for (const role of KNOWN_ROLES)
      roles.append(button(roleName(role, language), () => finish(pending!, role)));
    const bar = element('section', {
      class: 'hint hint-unknown',
      'aria-label': strings.label,
      lang: language,
    });
    bar.append(text, roles, button(strings.pickCancel, stop));
    const outline = element('div', { class: 'outline' });
    container.append(outline, bar);

    const show = (message: string, asking = false) => {
      text.textContent = message;
      roles.hidden = !asking;
    };
    const draw = () => {
      outline.hidden = !candidate?.isConnected;
      if (outline.hidden) return;
      const box = candidate!.getBoundingClientRect();
      outline.style.cssText = `left:${box.left}px;top:${box.top}px;width:${box.width}px;height:${box.height}px`;
      // The bar gets out of the way of what it points at.
      bar.classList.toggle('up', box.bottom > innerHeight - 120);
    };
    const offer = (next: Element | null) => {
      candidate = next;
      draw();
    };

    function choose(chosen: Element | null): void {
      if (!chosen) return;
      offer(chosen);
      pending = null;
      const label = pickedLabel(chosen, target);
      // A refused label is dropped here: nothing of it is sent, kept or logged.
      if (!label) {
        show(`${strings.pickRefused} ${ask}`);
      } else if (target === 'apiKeys') {
        finish(label);
      } else {
        pending = label;
        show(strings.pickWhichRole, true);
        (roles.firstChild as HTMLElement).focus();
      }
    }

    function finish(label: string, role?: KnownRole): void {
      send(learnMessage(label, pageLanguage(document.documentElement.lang), role));
      stop();
    }

    // Pointer and key events on the window target an element: the page's, or one of our hosts.
    const onPointer = (event: Event) => {
      const target = event.target as Element;
      if (!event.isTrusted || (target !== host && isOurs(target))) return;
      swallow(event);
      if (event.type !== 'click') return;
      if (target === host) actions.get(event.composedPath()[0]!)?.();
      else choose(candidateAt(target, isOurs));
    };
    const onHover = (event: Event) => {
      const target = event.target as Element;
      if (event.isTrusted && !isOurs(target) && pending === null) offer(candidateAt(target, isOurs));
    };
    const onKey = (event: Event) => {
      const { key, isTrusted, isComposing } = event as KeyboardEvent;
      if (!isTrusted) return;
      if (key === 'Escape') stop();
      if (event.target === host) {
        // Keys in the bar are its own (Tab, Enter on a button): hidden from the page, not stopped.
        event.stopImmediatePropagation();
        return;
      }
      if (isComposing || !/^(Escape|Enter|Arrow(Up|Down|Left|Right))$/.test(key)) return;
      swallow(event);
      if (event.type !== 'keydown') return;
      if (key === 'Enter') choose(candidate);
      else if (key !== 'Escape' && pending === null) {
        const next = candidate ? moveCandidate(candidate, key as Move, isSkipped) : firstCandidate(document);
        next.scrollIntoView({ block: 'nearest', inline: 'nearest' });
        offer(next);
      }
    };

    for (const type of POINTER_EVENTS) window.addEventListener(type, onPointer, on);
    for (const type of KEY_EVENTS) window.addEventListener(type, onKey, on);
    window.addEventListener('pointermove', onHover, on);
    // Scrolling the page or any part of it moves the candidate under the outline.
    window.addEventListener('scroll', draw, on);
    // Navigation ends it (WXT's location-change event is wired once, in index.ts).
    window.addEventListener('popstate', stop, on);
    window.addEventListener('hashchange', stop, on);
    const timer = setTimeout(stop, PICK_LIFETIME_MS);
    signal.addEventListener('abort', () => {
      clearTimeout(timer);
      host.remove();
    });

    show(ask);
    draw();
    // After <body>, like the hint: no element of the page changes its place among its siblings.
    document.documentElement.append(host);
  }

  return { start, stop };
}
