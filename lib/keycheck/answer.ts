/**
 * What Pleo's answer to a key check means, per environment and for both together. Every answer
 * that is not exactly what Pleo documents is "unexpected": never a crash, never "valid".
 */
import type { Environment, KeyCheckRecord, KeyCheckResult } from '../types';
import { COMPANY_ID, ENVIRONMENTS } from '../types';

/** What the page's request came back with: a response (status and body text), or none at all. */
export type Reply = { status: number; body: string } | { failed: 'timeout' | 'network' };

/** Who the key belongs to, from a 200 body. */
export interface Installation {
  resourceKind: 'company' | 'organisation';
  resourceId: string;
  /** Pleo's status word, e.g. ACTIVATED. */
  status: string;
  /** Why the installation was made inactive, e.g. NOT_ENTITLED; null when none is given. */
  errorCode: string | null;
}

export const UNREACHABLE_REASONS = ['server', 'busy', 'timeout', 'network'] as const;
type UnreachableReason = (typeof UNREACHABLE_REASONS)[number];

export type EnvironmentAnswer =
  | { result: 'valid' | 'inactive'; installation: Installation }
  | { result: 'unreachable'; reason: UnreachableReason }
  | { result: 'invalid' | 'not-allowed' | 'unexpected' };

/** A real installation body is well under a kilobyte; a huge one is not read at all. */
export const MAX_BODY_CHARS = 64_000;
const ACTIVE_STATUS = 'ACTIVATED';
const WORD = /^[A-Z][A-Z0-9_]{0,59}$/;
const URN = new RegExp(`^urn:pleo:(company|organization|organisation):(${COMPANY_ID.source.slice(1, -1)})$`);

/** One environment's answer. */
export function interpretReply(reply: Reply): EnvironmentAnswer {
  if ('failed' in reply) return { result: 'unreachable', reason: reply.failed };
  const { status } = reply;
  if (status === 200) return interpretInstallation(reply.body);
  if (status === 401) return { result: 'invalid' };
  if (status === 403) return { result: 'not-allowed' };
  if (status === 429) return { result: 'unreachable', reason: 'busy' };
  if (status >= 500 && status <= 599) return { result: 'unreachable', reason: 'server' };
  return { result: 'unexpected' };
}

function interpretInstallation(body: string): EnvironmentAnswer {
  if (body.length > MAX_BODY_CHARS) return { result: 'unexpected' };
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return { result: 'unexpected' };
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return { result: 'unexpected' };
  const { resource, status, errorCode } = parsed as Record<string, unknown>;
  const urn = typeof resource === 'string' ? URN.exec(resource) : null;
  if (!urn || typeof status !== 'string' || !WORD.test(status)) return { result: 'unexpected' };
  const code = typeof errorCode === 'string' && WORD.test(errorCode) ? errorCode : null;
  // An error code of another shape still says the installation is not in order.
  const flagged = errorCode !== undefined && errorCode !== null;
  const installation: Installation = {
    resourceKind: urn[1] === 'company' ? 'company' : 'organisation',
    resourceId: urn[2]!,
    status,
    errorCode: code,
  };
  return { result: flagged || status !== ACTIVE_STATUS ? 'inactive' : 'valid', installation };
}

export type KeyCheckAnswers = Record<Environment, EnvironmentAnswer>;

/** The headline: the one environment that knows the key, or else what the two answers share. */
export type KeyCheckSummary =
  | {
      result: 'valid' | 'inactive' | 'not-allowed';
      environment: Environment;
      /** The key belongs to the environment the user is not working in. */
      otherEnvironment: boolean;
    }
  | { result: 'invalid' | 'unreachable' | 'unexpected' };

// A key is made in one environment: an answer that knows it outranks one that does not.
const RANK: KeyCheckResult[] = ['valid', 'inactive', 'not-allowed', 'unreachable', 'unexpected', 'invalid'];

export function summarise(answers: KeyCheckAnswers, workingIn: Environment | null): KeyCheckSummary {
  const best = ENVIRONMENTS.map((environment) => ({ environment, result: answers[environment].result })).sort(
    (a, b) => RANK.indexOf(a.result) - RANK.indexOf(b.result),
  )[0]!;
  if (best.result === 'valid' || best.result === 'inactive' || best.result === 'not-allowed') {
    return {
      result: best.result,
      environment: best.environment,
      otherEnvironment: workingIn !== null && workingIn !== best.environment,
    };
  }
  // "Not a valid key" only when both environments said so; one that could not answer leaves it open.
  return { result: best.result };
}

/** What is kept of a check, per environment: the result, and the company id where one was given. */
export type KeptKeyCheck = Omit<KeyCheckRecord, 'checkedAt'>;

export function keptOfCheck(answers: KeyCheckAnswers): Record<Environment, KeptKeyCheck> {
  const kept = (answer: EnvironmentAnswer): KeptKeyCheck => ({
    result: answer.result,
    ...('installation' in answer ? { companyId: answer.installation.resourceId } : {}),
  });
  return { production: kept(answers.production), staging: kept(answers.staging) };
}

/** An id short enough to read at a glance; the full id is offered for copying beside it. */
export function shortId(id: string): string {
  return id.length > 13 ? `${id.slice(0, 8)}…${id.slice(-4)}` : id;
}
