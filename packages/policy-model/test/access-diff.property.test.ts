/**
 * Property tests (fast-check) of the access diff, on random pairs of valid grants drawn from small pools of
 * streams, keys and principals (so two grants overlap often):
 * - applying the change diff(a, b) reports to a's access gives exactly b's access (permissions, trust, sharing,
 *   principals, trust actions, external ID), for one grant and for sets of grants;
 * - diff(a, a) is empty, and diff(b, a) is diff(a, b) mirrored;
 * - what the diff reports is real: an unconditional permission it says b gains is allowed by b's policies and
 *   denied by a's in the IAM policy simulator (and the other way round for losses).
 * Runs per property: FAST_CHECK_NUM_RUNS (default below).
 */
import { simulate } from '@kinesis-access/iam-test-kit';
import { ACCOUNT } from '@kinesis-access/fixtures';
import fc from 'fast-check';
import {
  type AccessEntry,
  accessOf,
  applyGrantAccessDiff,
  compileGrant,
  diffAccess,
  diffGrantAccess,
  type GrantPlan,
} from '../src';
import { anyProfile, fastCheckParams } from './support/fast-check';

const DEFAULT_RUNS = 300;
const params = fastCheckParams(DEFAULT_RUNS);
const NUM_RUNS = params.numRuns;

jest.setTimeout(300_000);

const REGIONS = ['us-east-1', 'eu-west-1'] as const;
const STREAM_NAMES = ['orders', 'payments', 'clicks', 'audit'] as const;
const KEY_IDS = ['1234abcd-12ab-34cd-56ef-1234567890ab', 'mrk-0f0f0f0f11112222333344445555aaaa'] as const;
const PRINCIPALS = [
  'arn:aws:iam::111122223333:role/ClickHouse-Service-Role',
  'arn:aws:iam::444455556666:role/ClickHouse-Standby',
  `arn:aws:iam::${ACCOUNT}:role/app`,
] as const;
const SHARE_WITH = ['arn:aws:iam::210987654321:root', 'arn:aws:iam::444455556666:role/partner'] as const;

const streamArbitrary = fc.record(
  {
    region: fc.constantFrom(...REGIONS),
    name: fc.constantFrom(...STREAM_NAMES),
    key: fc.constantFrom(...KEY_IDS),
  },
  { requiredKeys: ['region', 'name'] },
);

/** A grant named `name`, from the pools. */
const grantArbitrary = (name: string) =>
  fc
    .record({
      profile: anyProfile,
      streams: fc.uniqueArray(streamArbitrary, {
        minLength: 1,
        maxLength: 4,
        selector: (s) => `${s.region}/${s.name}`,
      }),
      principals: fc.uniqueArray(fc.constantFrom(...PRINCIPALS), { minLength: 1, maxLength: 3 }),
      externalId: fc.option(fc.constantFrom('ext-1', 'ext-2'), { nil: undefined }),
      extraTrustActions: fc.subarray(['sts:TagSession', 'sts:SetSourceIdentity']),
      roleSuffix: fc.option(fc.constantFrom('v2', 'v3'), { nil: undefined }),
      kclApplication: fc.constantFrom('orders-app', 'billing-app'),
      credentials: fc.constantFrom('role', 'iam-user'),
      share: fc.option(fc.uniqueArray(fc.constantFrom(...SHARE_WITH), { minLength: 1, maxLength: 2 }), {
        nil: undefined,
      }),
    })
    .map((d) => {
      const [first, ...more] = d.principals as unknown as [string, ...string[]];
      // The model refuses an external ID on `clickpipes` (ClickPipes sends none) and requires one for Upsolver's
      // role-based setup; every other profile takes it or not.
      const externalId =
        d.profile === 'clickpipes'
          ? undefined
          : d.profile === 'upsolver' && d.credentials === 'role'
            ? (d.externalId ?? 'ext-1')
            : d.externalId;
      const spec: Record<string, unknown> = {
        profile: d.profile,
        principal: {
          roleArn: first,
          ...(more.length === 0 ? {} : { additionalRoleArns: more }),
          ...(externalId === undefined ? {} : { externalId }),
          ...(d.extraTrustActions.length === 0 ? {} : { extraTrustActions: d.extraTrustActions }),
        },
        streams: d.streams.map((s) => ({
          arn: `arn:aws:kinesis:${s.region}:${ACCOUNT}:stream/${s.name}`,
          ...(s.key === undefined ? {} : { kmsKeyArn: `arn:aws:kms:${s.region}:${ACCOUNT}:key/${s.key}` }),
        })),
      };
      if (d.roleSuffix !== undefined) {
        spec.role = {
          name: `${d.profile === 'clickpipes' ? 'ClickHouseAccessRole-' : ''}${name}-${d.roleSuffix}`,
        };
      }
      if (d.profile === 'kcl-consumer') spec.kcl = { applicationName: d.kclApplication };
      if (d.profile === 'upsolver') spec.upsolver = { credentials: d.credentials };
      if (d.share !== undefined) spec.resourcePolicy = { principals: d.share };
      return { apiVersion: 'kinesis-access/v1', kind: 'KinesisAccessGrant', metadata: { name }, spec };
    })
    .map((input) => {
      const result = compileGrant(input);
      if (!result.ok) throw new Error(`a pool grant was refused: ${JSON.stringify(result.problems)}`);
      return result.value;
    });

const sorted = (items: Iterable<string>): string[] => [...items].sort();

function principalsOf(plan: GrantPlan): string[] {
  return sorted(new Set(accessOf(plan).trust.map((e) => e.principal)));
}

function trustActionsOf(plan: GrantPlan): string[] {
  return sorted(new Set(accessOf(plan).trust.map((e) => e.action)));
}

const externalIdOf = (plan: GrantPlan): string | null => {
  const condition = plan.trustPolicy.Statement[0]?.Condition?.StringEquals?.['sts:ExternalId'];
  return condition === undefined ? null : String(condition);
};

describe(`access diff, ${NUM_RUNS} random pairs of grants per property`, () => {
  test('applying diff(a, b) to a gives exactly b', () => {
    fc.assert(
      fc.property(grantArbitrary('orders'), grantArbitrary('orders'), (a, b) => {
        const diff = diffGrantAccess(accessOf(a), accessOf(b));
        const { allow, trust, shared } = accessOf(b);
        expect(applyGrantAccessDiff(accessOf(a), diff)).toEqual({ allow, trust, shared });
        const principals = new Set(principalsOf(a));
        for (const p of diff.principals.removed) expect(principals.delete(p)).toBe(true);
        for (const p of diff.principals.added) {
          expect(principals.has(p)).toBe(false);
          principals.add(p);
        }
        expect(sorted(principals)).toEqual(principalsOf(b));
        const actions = new Set(trustActionsOf(a));
        for (const x of diff.trust.actions.removed) actions.delete(x);
        for (const x of diff.trust.actions.added) actions.add(x);
        expect(sorted(actions)).toEqual(trustActionsOf(b));
        if (externalIdOf(a) === externalIdOf(b)) expect(diff.trust.externalId).toBeUndefined();
        else expect(diff.trust.externalId).toEqual({ before: externalIdOf(a), after: externalIdOf(b) });
        expect(diff.role).toEqual({ before: a.role.arn, after: b.role.arn });
        // Same rendered policies ⇔ unchanged (the diff ignores only packing, and these grants pack identically).
        const same =
          JSON.stringify([a.trustPolicy, a.policies, a.resourcePolicies, a.role.arn, a.profile]) ===
          JSON.stringify([b.trustPolicy, b.policies, b.resourcePolicies, b.role.arn, b.profile]);
        expect(diff.change).toBe(same ? 'unchanged' : 'changed');
      }),
      params,
    );
  });

  test('diff(a, a) is empty and diff(b, a) mirrors diff(a, b)', () => {
    fc.assert(
      fc.property(grantArbitrary('orders'), grantArbitrary('orders'), (a, b) => {
        const self = diffGrantAccess(accessOf(a), accessOf(structuredClone(a)));
        expect(self).toEqual({
          name: 'orders',
          change: 'unchanged',
          allow: { added: [], removed: [] },
          principals: { added: [], removed: [] },
          trust: { actions: { added: [], removed: [] }, entries: { added: [], removed: [] } },
          shared: { added: [], removed: [] },
          role: { before: a.role.arn, after: a.role.arn },
          profile: { before: a.profile, after: a.profile },
        });
        const forward = diffGrantAccess(accessOf(a), accessOf(b));
        const backward = diffGrantAccess(accessOf(b), accessOf(a));
        expect(backward.allow).toEqual({ added: forward.allow.removed, removed: forward.allow.added });
        expect(backward.principals).toEqual({
          added: forward.principals.removed,
          removed: forward.principals.added,
        });
        expect(backward.shared).toEqual({ added: forward.shared.removed, removed: forward.shared.added });
      }),
      params,
    );
  });

  test('sets of grants: matched by name, added and removed grants carry all their access', () => {
    const names = ['alpha', 'bravo', 'charlie'] as const;
    const side = fc
      .tuple(...names.map((n) => fc.option(grantArbitrary(n), { nil: undefined })))
      .map((plans) => plans.filter((p): p is GrantPlan => p !== undefined));
    fc.assert(
      fc.property(side, side, (before, after) => {
        const diff = diffAccess(before, after);
        const byName = (plans: GrantPlan[]) => new Map(plans.map((p) => [p.grantName, p]));
        const b = byName(before);
        const a = byName(after);
        expect(diff.grants.map((g) => g.name)).toEqual(sorted(new Set([...b.keys(), ...a.keys()])));
        for (const grant of diff.grants) {
          const was = b.get(grant.name);
          const now = a.get(grant.name);
          const empty = { allow: [], trust: [], shared: [] };
          const { allow, trust, shared } = now === undefined ? empty : accessOf(now);
          expect(applyGrantAccessDiff(was === undefined ? empty : accessOf(was), grant)).toEqual({
            allow,
            trust,
            shared,
          });
          if (was === undefined) expect(grant.change).toBe('added');
          else if (now === undefined) expect(grant.change).toBe('removed');
          else expect(['changed', 'unchanged']).toContain(grant.change);
        }
      }),
      { ...params, numRuns: Math.max(1, Math.floor(NUM_RUNS / 3)) },
    );
  });
});

// ---- What the diff reports is what IAM decides -------------------------------------------------------------

/** A concrete resource for an entry (a consumer ARN instead of the `consumer/*` pattern). */
const concrete = (resource: string): string =>
  resource.endsWith('/consumer/*') ? resource.replace(/\*$/, 'diff-check:1700000000') : resource;

async function decide(plan: GrantPlan, entry: AccessEntry): Promise<string> {
  const resource = concrete(entry.resource);
  const outcome = await simulate(
    {
      principal: plan.role.arn,
      action: entry.action,
      resource,
      resourceAccount: resource === '*' ? plan.accountId : (resource.split(':')[4] ?? ''),
      context: {},
    },
    { identityPolicies: plan.policies.map((p) => p.document) },
  );
  if (outcome.kind === 'error') throw new Error(`simulator: ${outcome.message}`);
  return outcome.result;
}

describe('the simulator agrees with what the diff reports', () => {
  test('an unconditional permission gained is allowed after and denied before; a lost one the reverse', async () => {
    let checked = 0;
    await fc.assert(
      fc.asyncProperty(grantArbitrary('orders'), grantArbitrary('orders'), async (a, b) => {
        const diff = diffGrantAccess(accessOf(a), accessOf(b));
        const plain = (entries: readonly AccessEntry[], other: readonly AccessEntry[]) =>
          entries.filter(
            (e) =>
              e.conditions === undefined &&
              !other.some((o) => o.action === e.action && o.resource === e.resource),
          );
        const gained = plain(diff.allow.added, accessOf(a).allow).slice(0, 3);
        const lost = plain(diff.allow.removed, accessOf(b).allow).slice(0, 3);
        for (const entry of gained) {
          expect([entry, await decide(b, entry)]).toEqual([entry, 'Allowed']);
          expect([entry, await decide(a, entry)]).toEqual([entry, 'ImplicitlyDenied']);
          checked++;
        }
        for (const entry of lost) {
          expect([entry, await decide(a, entry)]).toEqual([entry, 'Allowed']);
          expect([entry, await decide(b, entry)]).toEqual([entry, 'ImplicitlyDenied']);
          checked++;
        }
      }),
      { ...params, numRuns: Math.max(1, Math.floor(NUM_RUNS / 3)) },
    );
    expect(checked).toBeGreaterThan(NUM_RUNS / 3);
  });
});
