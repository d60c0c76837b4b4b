import type { Translate } from '../lib/guidance/translate';
import type { WriteFailure } from '../lib/types';

export interface WriteFailureAlertProps {
  /** The last write the background could not make; null when every write since went through. */
  failure: WriteFailure | null;
  t: Translate;
}

/** Says plainly that the latest result was not saved, so nobody mistakes an older verdict for a new one. */
export function WriteFailureAlert({ failure, t }: WriteFailureAlertProps) {
  if (!failure) return null;
  return (
    <p role="alert" class="write-failure" data-write-failure={failure.reason}>
      {t(failure.reason === 'storage-full' ? 'popup.storageFull' : 'popup.writeFailed')}
    </p>
  );
}
