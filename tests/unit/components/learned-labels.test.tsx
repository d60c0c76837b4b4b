// @vitest-environment happy-dom
import { render } from 'preact';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { LearnedLabels, type LearnedLabelsProps } from '../../../components/LearnedLabels';
import type { Translate } from '../../../lib/guidance/translate';
import type { LearnedLabel } from '../../../lib/types';
import { englishT, HOSTILE, NOW } from '../report/fixtures';

let t: Translate;
beforeAll(async () => {
  t = await englishT();
});

let container: HTMLElement;
afterEach(() => {
  render(null, container);
  container.remove();
});

const KEYS: LearnedLabel = {
  kind: 'apiKeys',
  label: 'Udviklernøgler',
  language: 'da',
  learnedAt: NOW - 86_400_000,
};
const CHEF: LearnedLabel = { kind: 'role', label: 'Chef', language: 'da', role: 'admin', learnedAt: NOW };
const STAGING: LearnedLabel = { kind: 'settings', label: 'Setup', language: 'en', learnedAt: NOW };

function show(overrides: Partial<LearnedLabelsProps> = {}): LearnedLabelsProps {
  const props: LearnedLabelsProps = {
    labels: { production: [KEYS, CHEF], staging: [STAGING] },
    language: 'en',
    onForget: vi.fn(async () => true),
    t,
    ...overrides,
  };
  container ??= document.createElement('div');
  if (!container.isConnected) document.body.append(container);
  render(<LearnedLabels {...props} />, container);
  return props;
}

const items = () =>
  [...container.querySelectorAll('li')].map((li) => [
    li.closest('[data-environment]')!.getAttribute('data-environment'),
    li.querySelector('.learned-label')!.textContent,
    li.querySelector('.learned-meta')!.textContent,
  ]);

const forgetButton = (label: string) =>
  [...container.querySelectorAll('button')].find(
    (b) => b.textContent === t('options.learnedForget', [label]),
  )!;

describe('LearnedLabels', () => {
  it('lists what was taught per environment, newest first: label, kind (the role for a role), language, when', () => {
    show();
    expect([...container.querySelectorAll('h3')].map((h) => h.textContent)).toEqual([
      'Production',
      'Staging',
    ]);
    expect(items()).toEqual([
      ['production', 'Chef', 'Role name for Admin · Danish · taught Nov 26, 2026'],
      ['production', 'Udviklernøgler', 'API Keys entry · Danish · taught Nov 25, 2026'],
      ['staging', 'Setup', 'Settings entry · English · taught Nov 26, 2026'],
    ]);
    expect(container.querySelector('.learned-label')!.getAttribute('lang')).toBe('da');
    expect(container.querySelector('time')!.getAttribute('datetime')).toBe(new Date(NOW).toISOString());
  });

  it('says so when nothing was taught, and shows an environment only when it has labels', () => {
    show({ labels: { production: [], staging: [] } });
    expect(container.textContent).toContain(t('options.learnedNone'));
    expect(container.querySelectorAll('li, h3, button')).toHaveLength(0);
    render(null, container);
    show({ labels: { production: [], staging: [STAGING] } });
    expect([...container.querySelectorAll('h3')].map((h) => h.textContent)).toEqual(['Staging']);
    expect(container.textContent).not.toContain(t('options.learnedNone'));
  });

  it('forgets one label, named in its button, and moves the focus to the label now in its place', async () => {
    const props = show();
    const button = forgetButton('Chef');
    expect(button.textContent).toBe('Forget “Chef”');
    button.focus();
    button.click();
    await vi.waitFor(() =>
      expect(container.querySelector('[role="status"]')!.textContent).toBe('“Chef” is forgotten.'),
    );
    expect(props.onForget).toHaveBeenCalledWith('production', CHEF);
    // The background removes it; storage's change comes back as new props.
    show({ ...props, labels: { production: [KEYS], staging: [STAGING] } });
    await vi.waitFor(() => expect(document.activeElement).toBe(forgetButton('Udviklernøgler')));
  });

  it('says when a label could not be forgotten', async () => {
    show({ onForget: vi.fn(async () => false) });
    forgetButton('Setup').click();
    await vi.waitFor(() =>
      expect(container.querySelector('[role="status"]')!.textContent).toBe(
        t('options.learnedForgetFailed', ['Setup']),
      ),
    );
  });

  it('shows hostile labels as text', () => {
    show({
      labels: {
        production: HOSTILE.map((label) => ({ ...KEYS, label })),
        staging: [],
      },
    });
    expect(container.querySelectorAll('img, script, a, b')).toHaveLength(0);
    expect([...container.querySelectorAll('.learned-label')].map((e) => e.textContent)).toEqual(
      [...HOSTILE].reverse(),
    );
  });
});
