// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { candidateAt, firstCandidate, type Move, moveCandidate } from '../../../lib/picker/candidate';

const ours = (element: Element) => element.hasAttribute('data-pleo-access-picker');
const $ = (selector: string) => document.querySelector(selector)!;

beforeEach(() => {
  document.body.innerHTML = `
    <nav aria-label="Settings">
      <ul>
        <li id="general"><a href="/settings/general"><span id="icon">⚙</span> General</a></li>
        <li id="developer"><button type="button"><strong>Developer access</strong><small>Keys</small></button></li>
        <li id="menu" role="menuitem">Exports</li>
      </ul>
    </nav>
    <div aria-label="Account menu"><span id="role">Superuser</span><span id="email">jane@example.com</span></div>
    <section id="long"><p id="paragraph">${'A sentence far longer than any menu label would ever be. '.repeat(3)}</p></section>
    <div id="row"><span id="first">One</span><script></script><span id="last">Two</span></div>`;
  const host = document.createElement('pleo-access-picker');
  host.setAttribute('data-pleo-access-picker', '');
  document.documentElement.append(host);
});

describe('candidateAt: what the pointer offers', () => {
  it.each([
    ['a link’s own text', '#general a', '#general a'],
    ['an icon inside a link: the link', '#icon', '#general a'],
    ['a heading inside a button: the button', '#developer strong', '#developer button'],
    ['an element with an entry’s role', '#menu', '#menu'],
    ['a short text outside any entry: itself', '#role', '#role'],
  ])('%s', (_, pointed, offered) => {
    expect(candidateAt($(pointed), ours)).toBe($(offered));
  });

  it('climbs from a text too long to be a label to nothing, never to <body>', () => {
    expect(candidateAt($('#paragraph'), ours)).toBeNull();
    expect(candidateAt(document.body, ours)).toBeNull();
    expect(candidateAt(document.documentElement, ours)).toBeNull();
  });

  it('offers nothing over its own host, or over nothing', () => {
    expect(candidateAt($('[data-pleo-access-picker]'), ours)).toBeNull();
    expect(candidateAt(null, ours)).toBeNull();
  });
});

describe('firstCandidate: where the keyboard starts', () => {
  it('is the page’s first entry-like element', () => {
    expect(firstCandidate(document)).toBe($('#general a'));
  });

  it('is <body> on a page without one', () => {
    document.body.innerHTML = '<p>Nothing to click</p>';
    expect(firstCandidate(document)).toBe(document.body);
  });
});

describe('moveCandidate: the arrow keys', () => {
  const move = (from: string, key: Move, skip = ours) => moveCandidate($(from), key, skip);

  it('Up is the parent, Down the first child, Left and Right the siblings', () => {
    expect(move('#developer', 'ArrowUp')).toBe($('nav ul'));
    expect(move('#developer', 'ArrowDown')).toBe($('#developer button'));
    expect(move('#developer', 'ArrowLeft')).toBe($('#general'));
    expect(move('#developer', 'ArrowRight')).toBe($('#menu'));
  });

  it('stays where it is when there is nowhere to go', () => {
    expect(move('#general', 'ArrowLeft')).toBe($('#general'));
    expect(move('#menu', 'ArrowRight')).toBe($('#menu'));
    expect(move('#icon', 'ArrowDown')).toBe($('#icon'));
    expect(moveCandidate(document.body, 'ArrowUp', ours)).toBe(document.body);
  });

  it('never goes above <body>, and passes over what it skips (its own host, what has no box)', () => {
    expect(move('nav', 'ArrowUp')).toBe(document.body);
    // Right from <body> would be the picker's own host, after it.
    expect(moveCandidate(document.body, 'ArrowRight', ours)).toBe(document.body);
    const noBox = (element: Element) => ours(element) || element.tagName === 'SCRIPT';
    expect(move('#first', 'ArrowRight', noBox)).toBe($('#last'));
    expect(move('#last', 'ArrowLeft', noBox)).toBe($('#first'));
    $('#row').prepend(document.createElement('script'));
    expect(move('#row', 'ArrowDown', noBox)).toBe($('#first'));
  });
});
