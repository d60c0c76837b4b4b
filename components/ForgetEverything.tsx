import { useEffect, useRef, useState } from 'preact/hooks';
import type { Translate } from '../lib/guidance/translate';

type Step = 'idle' | 'confirming' | 'done';

/** "Forget everything stored", with one confirmation so a stray click cannot erase it. */
export function ForgetEverything(props: { onForget(): Promise<void>; t: Translate }) {
  const { t } = props;
  const [step, setStep] = useState<Step>('idle');
  const confirmButton = useRef<HTMLButtonElement>(null);
  const startButton = useRef<HTMLButtonElement>(null);
  const moved = useRef(false);
  // The button that was pressed disappears, so focus moves to its replacement, never to the page.
  useEffect(() => {
    if (!moved.current) {
      moved.current = true;
      return;
    }
    (step === 'confirming' ? confirmButton : startButton).current?.focus();
  }, [step]);
  return (
    <div class="forget">
      {step === 'confirming' ? (
        <div class="confirm">
          <p>{t('options.forgetConfirm')}</p>
          <div class="inline-field">
            <button
              ref={confirmButton}
              type="button"
              class="danger"
              onClick={async () => {
                await props.onForget();
                setStep('done');
              }}
            >
              {t('options.forgetYes')}
            </button>
            <button type="button" class="secondary" onClick={() => setStep('idle')}>
              {t('options.cancel')}
            </button>
          </div>
        </div>
      ) : (
        <button ref={startButton} type="button" class="danger" onClick={() => setStep('confirming')}>
          {t('options.forget')}
        </button>
      )}
      <p class="status" role="status">
        {step === 'done' ? t('options.forgotten') : ''}
      </p>
    </div>
  );
}
