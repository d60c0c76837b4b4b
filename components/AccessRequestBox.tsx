import { type AccessRequest, renderAccessRequest } from '../lib/guidance/request';
import type { Translate } from '../lib/guidance/translate';

export type CopyState = 'idle' | 'copied' | 'failed';

/** The text the user copies: subject, then body. */
function requestText(request: AccessRequest, t: Translate): string {
  const rendered = renderAccessRequest(request, t);
  return `${rendered.subject}\n\n${rendered.body}`;
}

/** The ready-to-send request, shown exactly as it will be copied. */
export function AccessRequestBox(props: {
  request: AccessRequest;
  headingId: string;
  copyState: CopyState;
  onCopy(text: string): void;
  t: Translate;
}) {
  const { t } = props;
  const rendered = renderAccessRequest(props.request, t);
  return (
    <div class="request">
      <h3 id={props.headingId}>{t('popup.request')}</h3>
      <p class="request-help">{t('popup.requestHelp')}</p>
      <dl class="request-meta">
        <dt>{t('popup.to')}</dt>
        <dd>
          {props.request.contactUrl ? (
            <a href={props.request.contactUrl} target="_blank" rel="noreferrer">
              {rendered.to}
            </a>
          ) : (
            rendered.to
          )}
        </dd>
        <dt>{t('popup.subject')}</dt>
        <dd>{rendered.subject}</dd>
      </dl>
      <pre class="request-body">{rendered.body}</pre>
      <div class="request-actions">
        <button type="button" onClick={() => props.onCopy(requestText(props.request, t))}>
          {t('popup.copy')}
        </button>
        <p class="status" role="status">
          {props.copyState === 'copied' ? t('popup.copied') : ''}
          {props.copyState === 'failed' ? t('popup.copyFailed') : ''}
        </p>
      </div>
    </div>
  );
}
