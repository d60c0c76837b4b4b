/**
 * The two items that hold what pages showed: each environment's own record, and its organisations
 * each with a record of the same shape. Their migrations and repairs are here with them.
 */
import * as v from 'valibot';
import { RULES_VERSION } from '../detect/rules';
import { EVIDENCE_LIMIT, HISTORY_LIMIT, ORGANISATION_NAME_MAX, ORGANISATIONS_LIMIT } from '../limits';
import { EntryStateSchema, EvidenceSchema, RoleFactSchema, ShortText, SignedInSchema } from '../schemas';
import { emptyRecord, type ObservationRecord } from '../state/merge';
import type { OrganisationRecord } from '../state/organisations';
import { CHECKS, type Environment, isObject, VERDICTS } from '../types';
import { organisationsKey, recordKey } from './keys';
import { organisationsWithoutPersonal, recordWithoutPersonal } from './personal';
import { type StoredItem, Time } from './stored-item';

const fact = <T extends v.GenericSchema>(value: T) => v.strictObject({ value, seenAt: v.nullable(Time) });

function recordSchema(environment: Environment) {
  return v.strictObject({
    environment: v.literal(environment),
    signedIn: fact(SignedInSchema),
    apiKeysEntry: fact(EntryStateSchema),
    legacyApiEntry: fact(EntryStateSchema),
    role: fact(RoleFactSchema),
    evidence: v.pipe(v.array(EvidenceSchema), v.maxLength(CHECKS.length * EVIDENCE_LIMIT)),
    checkedAt: v.nullable(Time),
    rulesVersion: v.pipe(v.number(), v.integer(), v.minValue(1)),
    history: v.pipe(
      v.array(v.strictObject({ verdict: v.picklist(VERDICTS), at: Time })),
      v.maxLength(HISTORY_LIMIT),
    ),
  }) satisfies v.GenericSchema<unknown, ObservationRecord>;
}

export function recordItem(environment: Environment): StoredItem<ObservationRecord> {
  return {
    key: `local:${recordKey(environment)}`,
    version: 2,
    migrations: {
      // Version 1 (the first release) kept no history of verdict changes.
      2: (stored) => {
        if (!isObject(stored)) throw new Error('not a record');
        return { history: [], ...stored };
      },
    },
    schema: recordSchema(environment),
    fallback: () => emptyRecord(environment, RULES_VERSION),
    withoutPersonal: recordWithoutPersonal,
    // A record of the wrong environment is wholly wrong; evidence goes with the fact it explained,
    // and when the page was last read follows from the facts it left.
    afterFieldReset: (record, resetFields) => {
      if (resetFields.includes('environment')) return null;
      const seen = [record.signedIn, record.apiKeysEntry, record.legacyApiEntry, record.role].flatMap(
        (fact) => (fact.seenAt === null ? [] : [fact.seenAt]),
      );
      return {
        ...record,
        evidence: record.evidence.filter((e) => !resetFields.includes(e.check)),
        checkedAt:
          resetFields.includes('checkedAt') && seen.length > 0 ? Math.max(...seen) : record.checkedAt,
      };
    },
  };
}

/**
 * The organisations pages of an environment showed, each with its own record. New in storage
 * version 1 of this item: storage from before it has none, and the environment's record stays
 * where it was as the "organisation not identified" record, so no fact moves or is lost.
 */
export function organisationsItem(environment: Environment): StoredItem<OrganisationRecord[]> {
  return {
    key: `local:${organisationsKey(environment)}`,
    version: 1,
    migrations: {},
    schema: v.pipe(
      v.array(
        v.strictObject({
          id: v.pipe(v.string(), v.regex(/^[0-9a-f]{32}$/)),
          name: v.pipe(ShortText(ORGANISATION_NAME_MAX), v.regex(/\S/)),
          record: recordSchema(environment),
        }),
      ),
      v.maxLength(ORGANISATIONS_LIMIT),
    ),
    fallback: () => [],
    withoutPersonal: organisationsWithoutPersonal,
  };
}
