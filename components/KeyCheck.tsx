import { useEffect, useRef, useState } from 'preact/hooks';
import { API_ORIGINS } from '../lib/environments';
import { camelCase, type MessageKey, type Translate } from '../lib/guidance/translate';
import {
  type EnvironmentAnswer,
  type Installation,
  type KeyCheckAnswers,
  type KeyCheckSummary,
  shortId,
} from '../lib/keycheck/answer';
import { KEY_MAX_LENGTH, type KeyProblem } from '../lib/keycheck/input';
import { curlCommand } from '../lib/keycheck/request';
import { ENVIRONMENTS, type Environment } from '../lib/types';

/** Where the check is: nothing yet, input refused, waiting for the browser or Pleo, or answered. */
export type KeyCheckState =
  | { kind: 'idle' }
  | { kind: 'problem'; problem: KeyProblem }
  | { kind: 'checking' }
  | { kind: 'permission-refused' }
  | { kind: 'answered'; answers: KeyCheckAnswers; summary: KeyCheckSummary };

const PROBLEM_KEYS: Record<KeyProblem, MessageKey> = {
  empty: 'keyCheck.problem.empty',
  'line-break': 'keyCheck.problem.lineBreak',
  spaces: 'keyCheck.problem.spaces',
  'too-long': 'keyCheck.problem.tooLong',
  'not-printable': 'keyCheck.problem.notPrintable',
};

export interface KeyCheckProps {
  state: KeyCheckState;
  /** The environment the user came from, to say when the key belongs to the other one. */
  workingIn: Environment | null;
  /** Returns whether the key was taken for a check; the field is cleared then. */
  onCheck(key: string): boolean;
  onCopy(text: string): Promise<boolean>;
  t: Translate;
}

/**
 * A key field, "Check key", and what Pleo said. The field is uncontrolled, so the key is held by the
 * input alone until the check takes it; it is emptied then, and when the page goes away.
 */
export function KeyCheck(props: KeyCheckProps) {
  const { state, t } = props;
  const field = useRef<HTMLInputElement>(null);
  useEffect(() => {
    const clear = () => {
      if (field.current) field.current.value = '';
    };
    addEventListener('pagehide', clear);
    return () => removeEventListener('pagehide', clear);
  }, []);
  return (
    <>
      <form
        class="key-form"
        onSubmit={(event) => {
          event.preventDefault();
          const input = field.current;
          if (input && props.onCheck(input.value)) input.value = '';
        }}
      >
        <label for="key">{t('keyCheck.label')}</label>
        <input
          id="key"
          ref={field}
          type="password"
          name="key"
          autocomplete="off"
          autocapitalize="off"
          spellcheck={false}
          aria-describedby="key-help key-problem"
          aria-invalid={state.kind === 'problem'}
        />
        <button type="submit" disabled={state.kind === 'checking'}>
          {t('keyCheck.submit')}
        </button>
        <p id="key-problem" class="problem">
          {state.kind === 'problem' ? t(PROBLEM_KEYS[state.problem], [String(KEY_MAX_LENGTH)]) : ''}
        </p>
      </form>
      <p id="key-help" class="help">
        {t('keyCheck.permissionWhy')}
      </p>
      <section class="key-result" aria-live="polite" aria-busy={state.kind === 'checking'}>
        {state.kind === 'checking' ? <p>{t('keyCheck.checking')}</p> : null}
        {state.kind === 'permission-refused' ? (
          <p data-key-result="permission-refused">{t('keyCheck.permissionRefused')}</p>
        ) : null}
        {state.kind === 'answered' ? (
          <Answer answers={state.answers} summary={state.summary} {...props} />
        ) : null}
      </section>
    </>
  );
}

function Answer(props: { answers: KeyCheckAnswers; summary: KeyCheckSummary } & KeyCheckProps) {
  const { answers, summary, t } = props;
  const environmentName = (environment: Environment) => t(`environment.${environment}`);
  const where = 'environment' in summary ? summary.environment : null;
  const installation = where ? installationOf(answers[where]) : null;
  return (
    <div class={`answer answer-${summary.result}`} data-key-result={summary.result}>
      <h2>
        {where
          ? t(`keyCheck.headline.${camelCase(summary.result)}`, [environmentName(where)])
          : t(`keyCheck.headline.${camelCase(summary.result)}`)}
      </h2>
      {'otherEnvironment' in summary && summary.otherEnvironment && props.workingIn ? (
        <p class="other-environment">
          {t('keyCheck.otherEnvironment', [environmentName(props.workingIn), environmentName(where!)])}
        </p>
      ) : null}
      {summary.result === 'inactive' ? <p>{t('keyCheck.inactiveWhat')}</p> : null}
      {summary.result === 'inactive' && installation?.errorCode ? (
        <p>{t('keyCheck.errorCode', [installation.errorCode])}</p>
      ) : null}
      {summary.result === 'not-allowed' ? <p>{t('keyCheck.notAllowedWhat')}</p> : null}
      {summary.result === 'invalid' ? (
        <>
          <p>{t('keyCheck.invalidWhat')}</p>
          <ul>
            <li>{t('keyCheck.invalidMistyped')}</li>
            <li>{t('keyCheck.invalidExpired')}</li>
            <li>{t('keyCheck.invalidLegacy')}</li>
          </ul>
        </>
      ) : null}
      {summary.result === 'unreachable' ? <p>{t('keyCheck.unreachableWhat')}</p> : null}
      {summary.result === 'unexpected' ? <p>{t('keyCheck.unexpectedWhat')}</p> : null}
      {where && installation ? (
        <InstallationDetails environment={where} installation={installation} {...props} />
      ) : null}
      <h3>{t('keyCheck.perEnvironment')}</h3>
      <dl class="per-environment">
        {ENVIRONMENTS.map((environment) => (
          <div key={environment} data-environment={environment}>
            <dt>{environmentName(environment)}</dt>
            <dd>
              {t(`keyCheck.result.${camelCase(answers[environment].result)}`)}
              {answers[environment].result === 'unreachable'
                ? ` — ${t(reasonKey(answers[environment]))}`
                : ''}
            </dd>
          </div>
        ))}
      </dl>
    </div>
  );
}

function InstallationDetails(
  props: {
    environment: Environment;
    installation: NonNullable<ReturnType<typeof installationOf>>;
  } & KeyCheckProps,
) {
  const { environment, installation, t } = props;
  const [copied, setCopied] = useState<'id' | 'curl' | 'failed' | null>(null);
  const copy = (what: 'id' | 'curl', text: string) =>
    void props.onCopy(text).then((ok) => setCopied(ok ? what : 'failed'));
  const curl = curlCommand(environment);
  return (
    <>
      <dl class="installation">
        <dt>
          {t(installation.resourceKind === 'company' ? 'keyCheck.companyId' : 'keyCheck.organisationId')}
        </dt>
        <dd>
          <code title={installation.resourceId}>{shortId(installation.resourceId)}</code>{' '}
          <button type="button" class="secondary" onClick={() => copy('id', installation.resourceId)}>
            {t('keyCheck.copyId')}
          </button>
        </dd>
        <dt>{t('keyCheck.status')}</dt>
        <dd>
          <code>{installation.status}</code>
        </dd>
      </dl>
      <p>{t('keyCheck.baseUrl', [API_ORIGINS[environment]])}</p>
      <p>{t('keyCheck.firstCall')}</p>
      <pre class="curl">{curl}</pre>
      <button type="button" class="secondary" onClick={() => copy('curl', curl)}>
        {t('keyCheck.copyCurl')}
      </button>
      <p class="status" role="status">
        {copied === 'id' || copied === 'curl' ? t('keyCheck.copied') : ''}
        {copied === 'failed' ? t('keyCheck.copyFailed') : ''}
      </p>
    </>
  );
}

function installationOf(answer: EnvironmentAnswer): Installation | null {
  return 'installation' in answer ? answer.installation : null;
}

function reasonKey(answer: EnvironmentAnswer): MessageKey {
  const reason = 'reason' in answer ? answer.reason : 'network';
  return `keyCheck.reason.${reason}`;
}
