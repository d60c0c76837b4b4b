import { type HintStrings, pageLanguage } from '../../lib/hint/hint';
import type { ContentMessage } from '../../lib/messages/protocol';
import { candidateAt, firstCandidate, type Move, moveCandidate } from '../../lib/picker/candidate';
import { learnMessage, pickedLabel, roleName, shownLabel } from '../../lib/picker/choice';
import { KNOWN_ROLES, type KnownRole, type Language, type PickTarget } from '../../lib/types';
import { element } from '../hint-drawing/bar';
import { createShadowHost, KEY_EVENTS } from '../hint-drawing/host';
import HINT_CSS from '../hint-drawing/style.css?inline';
import PICKER_CSS from './style.css?inline';

export interface Picker {
  /** Starts pick mode for this target, ending the one that is on; resolves once its bar is drawn (or it ended first). */
  start(target: PickTarget): Promise<void>;
  stop(): void;
}

/** Pick mode ends by itself after this long. */
const PICK_LIFETIME_MS = 60_000;

/** How often pick mode looks whether the page's address changed or the extension went away. */
const WATCH_MS = 250;

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

/** An element with the label it had when pick mode first read it. */
interface Read {
  element: Element;
  label: string | null;
}

/**
 * Pick mode ("Point at it", docs/architecture.md): the user points at the API Keys entry or their
 * role on the page, sees the exact label that would be kept, and keeps it ("Keep …", or for a role
 * the role's button); lib/picker/ decides what the label is. Drawn in its own open shadow root
 * after <body>, in the hint's look: a bar saying what to click, with Cancel, and an outline over
 * the candidate. It listens in the capture phase on the window, so the page's handlers never see
 * the pick's clicks and keys, and answers only trusted events: a page's script can neither choose,
 * confirm, cancel nor end it by faking navigation. A label that changed between what the user
 * pointed at and the click is refused. Removing its host ends it; so do navigation, Esc, Cancel,
 * 60 s and the extension going away (`alive`). Every listener, timer and element it adds goes when
 * it ends.
 */
export function createPicker(
  send: (message: ContentMessage) => void,
  stringsIn: (language: Language) => Promise<HintStrings | null>,
  alive: () => boolean,
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

    /** What the outline is over, with its label as it was when the user came to it. */
    let offered: Read | null = null;
    /** What the last pointer press was on, with its label then. */
    let pressed: Read | null = null;
    /** The label shown for the user to keep: for the entry until "Keep", for a role until its role. */
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
    // The exact label that would be kept, as text: never markup.
    const shown = element('p', { class: 'label' });
    const roles = element('div', { class: 'roles', role: 'group', 'aria-label': strings.pickWhichRole });
    // Named as the app names the roles in the bar's language ("Admin", "Bookkeeper", … in English).
    for (const role of KNOWN_ROLES)
      roles.append(button(roleName(role, language), () => finish(pending!, role)));
    const keep = button('', () => finish(pending!));
    const bar = element('section', {
      class: 'hint hint-unknown',
      'aria-label': strings.label,
      lang: language,
    });
    bar.append(text, shown, roles, keep, button(strings.pickCancel, stop));
    const outline = element('div', { class: 'outline' });
    container.append(outline, bar);

    /** The bar's state: what it says, and the label waiting to be kept (for a role, or the entry). */
    const show = (message: string, label: string | null = null) => {
      pending = label;
      text.textContent = message;
      shown.textContent = label ?? '';
      shown.hidden = label === null;
      roles.hidden = label === null || target !== 'role';
      keep.hidden = label === null || target !== 'apiKeys';
      keep.textContent = label === null ? '' : strings.pickKeep.replace('$1', label);
    };
    const draw = () => {
      outline.hidden = !offered?.element.isConnected;
      if (outline.hidden) return;
      const box = offered!.element.getBoundingClientRect();
      outline.style.cssText = `left:${box.left}px;top:${box.top}px;width:${box.width}px;height:${box.height}px`;
      // The bar gets out of the way of what it points at.
      bar.classList.toggle('up', box.bottom > innerHeight - 120);
    };
    const read = (element: Element): Read => ({ element, label: shownLabel(element, target) });
    const offer = (next: Element | null) => {
      // Read when the user comes to it: a page that rewrites it once pressed is caught below.
      if (next !== offered?.element) offered = next && read(next);
      draw();
    };

    /**
     * Chooses an element. `before` is what the user pointed at or pressed, as it read then: the
     * chosen element must be that one with that label still, and its label one that may be taught;
     * then the bar shows the label for the user to keep.
     */
    function choose(chosen: Element | null, before: Read | null): void {
      if (!chosen) return;
      const now = read(chosen);
      const changed = before !== null && (before.element !== chosen || before.label !== now.label);
      // The next press compares with what it reads now: a label the app changed refuses one click only.
      offered = now;
      draw();
      const label = pickedLabel(chosen, target);
      // A refused label is dropped here: nothing of it is sent, kept or logged.
      if (changed) show(`${strings.pickChanged} ${ask}`);
      else if (!label) show(`${strings.pickRefused} ${ask}`);
      else {
        show(target === 'apiKeys' ? strings.pickConfirm : strings.pickWhichRole, label);
        (target === 'apiKeys' ? keep : (roles.firstChild as HTMLElement)).focus();
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
      // A host the page took out of the document ends pick mode, even before the observer says so.
      if (!host.isConnected) return stop();
      if (target === host) {
        if (event.type === 'click') actions.get(event.composedPath()[0]!)?.();
        return;
      }
      if (event.type === 'pointerdown') {
        const at = candidateAt(target, isOurs);
        pressed = at && (offered?.element === at ? offered : read(at));
      } else if (event.type === 'click') {
        const chosen = candidateAt(target, isOurs);
        // A click with no press of ours before it (a key on a focused page element) compares with what the pointer was over.
        const before = pressed ?? (offered?.element === chosen ? offered : null);
        pressed = null;
        choose(chosen, before);
      }
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
      if (key === 'Enter') choose(offered?.element ?? null, offered);
      else if (key !== 'Escape' && pending === null) {
        const current = offered?.element;
        const next = current ? moveCandidate(current, key as Move, isSkipped) : firstCandidate(document);
        next.scrollIntoView({ block: 'nearest', inline: 'nearest' });
        offer(next);
      }
    };
    const onTrusted = (act: () => void) => (event: Event) => event.isTrusted && act();

    for (const type of POINTER_EVENTS) window.addEventListener(type, onPointer, on);
    for (const type of KEY_EVENTS) window.addEventListener(type, onKey, on);
    window.addEventListener('pointermove', onHover, on);
    // Scrolling the page or any part of it moves the candidate under the outline.
    window.addEventListener('scroll', onTrusted(draw), on);
    // Navigation ends it: the browser's own popstate and hashchange at once, and any change of
    // address (the app's pushState) at the next look. A page's script can dispatch these events,
    // and WXT's location-change event is one a script dispatches: none of them counts.
    window.addEventListener('popstate', onTrusted(stop), on);
    window.addEventListener('hashchange', onTrusted(stop), on);
    const address = location.href;
    const watch = setInterval(() => {
      if (location.href !== address || !alive()) stop();
    }, WATCH_MS);
    const timer = setTimeout(stop, PICK_LIFETIME_MS);
    const removal = new MutationObserver(() => {
      if (!host.isConnected) stop();
    });
    // The in-page hint stands under the list of settings: while the user points, it steps aside so
    // it covers nothing they may point at, and comes back as it was.
    // (Inside its own shadow root: its host's styles are locked there, and the page's DOM is untouched.)
    const aside = document.createElement('style');
    aside.textContent = '*{visibility:hidden !important;pointer-events:none !important}';
    document.querySelector('[data-pleo-access-hint]')?.shadowRoot?.append(aside);
    signal.addEventListener('abort', () => {
      removal.disconnect();
      clearInterval(watch);
      clearTimeout(timer);
      host.remove();
      aside.remove();
    });

    show(ask);
    draw();
    // After <body>, like the hint: no element of the page changes its place among its siblings.
    document.documentElement.append(host);
    removal.observe(document, { childList: true, subtree: true });
  }

  return { start, stop };
}
