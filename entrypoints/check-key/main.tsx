/**
 * The key check: asks Pleo's External API, in both environments, whether the key the user typed
 * works. The key lives in the field, then in this page's two requests, and nowhere else: it is not
 * stored, logged, put in the URL or sent to another part of the extension. Only what Pleo answered
 * goes to the background, to be kept for the report.
 */
import '../../components/theme.css';
import './style.css';
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { KeyCheck, type KeyCheckState } from '../../components/KeyCheck';
import { documentLanguage, t } from '../../components/translate';
import { API_MATCH_PATTERNS } from '../../lib/environments';
import {
  interpretReply,
  type KeyCheckAnswers,
  keptOfCheck,
  type Reply,
  summarise,
} from '../../lib/keycheck/answer';
import { keyProblem } from '../../lib/keycheck/input';
import {
  ACCEPT,
  basicAuthorization,
  installationUrl,
  KEY_CHECK_TIMEOUT_MS,
} from '../../lib/keycheck/request';
import { send } from '../../lib/messages/client';
import { ENVIRONMENTS, type Environment, isOneOf } from '../../lib/types';

document.documentElement.lang = documentLanguage();
document.title = t('keyCheck.title');

const environmentParam = new URLSearchParams(location.search).get('environment');
/** Where the user came from (the popup's card), to say when a key belongs to the other environment. */
const workingIn: Environment | null = isOneOf(environmentParam, ENVIRONMENTS)
  ? (environmentParam as Environment)
  : null;
const API_ACCESS = { origins: API_MATCH_PATTERNS };

/** One request, no retry: a timeout or a failure is Pleo not answering, whatever the key. */
async function ask(environment: Environment, key: string): Promise<Reply> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), KEY_CHECK_TIMEOUT_MS);
  try {
    const response = await fetch(installationUrl(environment), {
      headers: { Accept: ACCEPT, Authorization: basicAuthorization(key) },
      credentials: 'omit',
      cache: 'no-store',
      referrerPolicy: 'no-referrer',
      // A redirect is not Pleo's documented answer; followed, it could carry the key elsewhere.
      redirect: 'manual',
      signal: controller.signal,
    });
    return { status: response.status, body: response.status === 200 ? await response.text() : '' };
  } catch {
    return { failed: controller.signal.aborted ? 'timeout' : 'network' };
  } finally {
    clearTimeout(timer);
  }
}

function CheckKeyPage() {
  const [state, setState] = useState<KeyCheckState>({ kind: 'idle' });
  // Known before the first click, so the browser is asked only while it has not been granted.
  const [granted, setGranted] = useState(false);
  useEffect(() => {
    void browser.permissions.contains(API_ACCESS).then(setGranted, () => setGranted(false));
  }, []);

  async function check(key: string): Promise<void> {
    // Asked straight from the click, before any await, so the browser sees the user's gesture.
    const allowed = granted || (await browser.permissions.request(API_ACCESS).catch(() => false));
    if (!allowed) return setState({ kind: 'permission-refused' });
    setGranted(true);
    setState({ kind: 'checking' });
    const replies = await Promise.all(ENVIRONMENTS.map((environment) => ask(environment, key)));
    const answers = Object.fromEntries(
      ENVIRONMENTS.map((environment, i) => [environment, interpretReply(replies[i]!)]),
    ) as KeyCheckAnswers;
    setState({ kind: 'answered', answers, summary: summarise(answers, workingIn) });
    void send(browser.runtime, { type: 'record-key-check', ...keptOfCheck(answers) });
  }

  return (
    <main class="check-key">
      <h1>{t('keyCheck.title')}</h1>
      <section class="card" aria-labelledby="key-check-intro">
        <p id="key-check-intro">{t('keyCheck.intro')}</p>
        <KeyCheck
          state={state}
          workingIn={workingIn}
          onCheck={(key) => {
            const problem = keyProblem(key);
            if (problem) {
              setState({ kind: 'problem', problem });
              return false;
            }
            void check(key);
            return true;
          }}
          onCopy={(text) =>
            navigator.clipboard.writeText(text).then(
              () => true,
              () => false,
            )
          }
          t={t}
        />
      </section>
    </main>
  );
}

render(<CheckKeyPage />, document.getElementById('app')!);
