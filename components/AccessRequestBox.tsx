import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { type AccessRequest, renderAccessRequest } from '../lib/guidance/request';
import type { Translate } from '../lib/guidance/translate';

export type CopyState = 'idle' | 'copied' | 'failed';

/**
 * The ready-to-send request, shown exactly as it will be copied. It names the company the page
 * showed only when the user ticks "Include the company name" (unticked each time it opens).
 */
export function AccessRequestBox(props: {
  request: AccessRequest;
  headingId: string;
  /** The company the request is about, when the page showed one. */
  company: string | null;
  copyState: CopyState;
  onCopy(text: string): void;
  /** What follows the request ("I sent it", the follow-up), given the company as the request names it. */
  followUp?: (company: string | null) => ComponentChildren;
  t: Translate;
}) {
  const { t } = props;
  const [includeCompany, setIncludeCompany] = useState(false);
  const company = includeCompany ? props.company : null;
  const rendered = renderAccessRequest(props.request, t, company);
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
      {props.company ? (
        <label class="request-company">
          <input
            type="checkbox"
            checked={includeCompany}
            onChange={(event) => setIncludeCompany(event.currentTarget.checked)}
          />{' '}
          {t('popup.includeCompanyName')}
        </label>
      ) : null}
      <pre class="request-body">{rendered.body}</pre>
      <div class="request-actions">
        <button type="button" onClick={() => props.onCopy(`${rendered.subject}\n\n${rendered.body}`)}>
          {t('popup.copy')}
        </button>
        <p class="status" role="status">
          {props.copyState === 'copied' ? t('popup.copied') : ''}
          {props.copyState === 'failed' ? t('popup.copyFailed') : ''}
        </p>
      </div>
      {props.followUp?.(company)}
    </div>
  );
}
