import { useEffect, useRef, useState } from 'preact/hooks';
import type { Translate } from '../lib/guidance/translate';
import { ENVIRONMENTS, type Environment, type LearnedLabel } from '../lib/types';

export interface LearnedLabelsProps {
  labels: Record<Environment, readonly LearnedLabel[]>;
  /** The language the page is in: for dates and language names. */
  language: string;
  /** Resolves to whether the label was forgotten. */
  onForget(environment: Environment, learned: LearnedLabel): Promise<boolean>;
  t: Translate;
}

/**
 * What the user taught the checker, per environment, newest first, each with its own "Forget".
 * The labels are shown as text (Preact escapes them), never as markup.
 */
export function LearnedLabels(props: LearnedLabelsProps) {
  const { labels, t } = props;
  const [status, setStatus] = useState('');
  const root = useRef<HTMLDivElement>(null);
  // The pressed button goes with its label: focus moves to the one now in its place, never to the page.
  // Waits for the list without it: storage's change comes back as new props.
  const refocus = useRef<{ index: number; before: LearnedLabelsProps['labels'] } | null>(null);
  useEffect(() => {
    const pending = refocus.current;
    if (!pending || pending.before === labels || !root.current) return;
    refocus.current = null;
    const buttons = root.current.querySelectorAll('button');
    (buttons[Math.min(pending.index, buttons.length - 1)] ?? root.current).focus();
  }, [labels]);

  const environments = ENVIRONMENTS.filter((environment) => labels[environment].length > 0);
  const date = new Intl.DateTimeFormat(props.language, { dateStyle: 'medium' });
  const languageName = (code: string) => languageNames(props.language)?.of(code) ?? code;
  let position = 0;

  async function forget(environment: Environment, learned: LearnedLabel, index: number) {
    refocus.current = { index, before: labels };
    const forgotten = await props.onForget(environment, learned).catch(() => false);
    if (!forgotten) refocus.current = null;
    setStatus(t(forgotten ? 'options.learnedForgotten' : 'options.learnedForgetFailed', [learned.label]));
  }

  return (
    <div class="learned" ref={root} tabIndex={-1}>
      {environments.length === 0 ? <p class="help">{t('options.learnedNone')}</p> : null}
      {environments.map((environment) => (
        <div key={environment} class="learned-environment" data-environment={environment}>
          <h3 id={`learned-${environment}`}>{t(`environment.${environment}`)}</h3>
          <ul class="learned-list" aria-labelledby={`learned-${environment}`}>
            {[...labels[environment]].reverse().map((learned) => {
              const index = position++;
              return (
                <li key={`${learned.kind}:${learned.label}`} data-kind={learned.kind}>
                  <span class="learned-label" lang={learned.language}>
                    {learned.label}
                  </span>
                  <span class="learned-meta help">
                    {kindText(learned, t)} · {languageName(learned.language)} ·{' '}
                    <time dateTime={new Date(learned.learnedAt).toISOString()}>
                      {t('options.learnedAt', [date.format(learned.learnedAt)])}
                    </time>
                  </span>
                  <button
                    type="button"
                    class="secondary"
                    onClick={() => void forget(environment, learned, index)}
                  >
                    {t('options.learnedForget', [learned.label])}
                  </button>
                </li>
              );
            })}
          </ul>
        </div>
      ))}
      <p class="status" role="status">
        {status}
      </p>
    </div>
  );
}

function kindText(learned: LearnedLabel, t: Translate): string {
  if (learned.kind === 'role' && learned.role) {
    return t('options.learnedRoleOf', [t(`role.${learned.role}`)]);
  }
  return t(`options.learnedKind.${learned.kind}`);
}

function languageNames(language: string): Intl.DisplayNames | undefined {
  try {
    return new Intl.DisplayNames([language], { type: 'language' });
  } catch {
    return undefined;
  }
}
