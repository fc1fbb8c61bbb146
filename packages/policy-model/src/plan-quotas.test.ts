import { CLICKHOUSE_ROLE, grant, KEY, manyStreams } from '@kinesis-access/fixtures';
import { compileGrant, planGrant } from './plan';
import { PROFILE_NAMES } from './profiles';
import { ORDERS, plan, spec, statements } from './test-support/plan';

describe('planGrant: packing and quotas', () => {
  it('groups many streams into one statement per action set', () => {
    const p = plan(grant({ profile: 'write', streams: manyStreams(50) }));
    expect(p.policies).toHaveLength(1);
    expect(statements(p)).toHaveLength(1);
    expect(statements(p)[0]?.Resource).toHaveLength(50);
  });

  it('packs 400 clickpipes streams into several policies within 6,144 characters, covering exactly the streams', () => {
    const streams = manyStreams(400);
    const p = plan(grant({ streams }));
    expect(p.policies.length).toBeGreaterThan(1);
    expect(p.policies.length).toBeLessThanOrEqual(10);
    for (const policy of p.policies) expect(JSON.stringify(policy.document).length).toBeLessThanOrEqual(6144);
    const covered = (sid: string) =>
      statements(p)
        .filter((s) => s.Sid?.replace(/Part\d+$/, '') === sid)
        .flatMap((s) => s.Resource as string[]);
    expect(covered('Streams').sort()).toEqual(streams.map((s) => s.arn).sort());
    expect(covered('StreamConsumers').sort()).toEqual(streams.map((s) => `${s.arn}/consumer/*`).sort());
    expect(new Set(statements(p).map((s) => s.Sid)).size).toBe(statements(p).length);
    expect(p.policies.map((x) => x.name)).toEqual(
      p.policies.map((_, i) => `ClickHouseAccessRole-orders-${i + 1}`),
    );
    const quota = p.quotas.find((q) => q.name === 'managed policies per role');
    expect(quota).toEqual({ name: 'managed policies per role', used: p.policies.length, limit: 10 });
  });

  it('refuses 1,000 clickpipes streams with a clear quota error, even at the raised quota of 20', () => {
    for (const maxManagedPolicies of [undefined, 20]) {
      const result = compileGrant(
        grant({
          streams: manyStreams(1000),
          ...(maxManagedPolicies ? { quotas: { maxManagedPolicies } } : {}),
        }),
      );
      expect(!result.ok && result.problems).toEqual([
        {
          path: 'spec.streams',
          message: expect.stringMatching(
            new RegExp(
              `^grant "orders": the permissions need \\d+ managed policies .* for 1,000 streams; the quota is ${maxManagedPolicies ?? 10} managed policies per role`,
            ),
          ),
        },
      ]);
    }
  });

  it('packs 1,000 write streams into the raised quota of 20', () => {
    const p = plan(
      grant({ profile: 'write', streams: manyStreams(1000), quotas: { maxManagedPolicies: 20 } }),
    );
    expect(p.policies.length).toBeLessThanOrEqual(20);
    expect(statements(p).flatMap((s) => s.Resource as string[])).toHaveLength(1000);
  });

  it('honours maxPolicyChars and never widens access to fit', () => {
    const streams = manyStreams(30);
    const result = planGrant(spec(grant({ streams })), { maxPolicyChars: 1000 });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    for (const policy of result.value.policies)
      expect(JSON.stringify(policy.document).length).toBeLessThanOrEqual(1000);
    const resources = result.value.policies.flatMap((x) =>
      x.document.Statement.flatMap((s) => s.Resource as string[]),
    );
    expect(resources.filter((r) => r.includes('*') && !r.endsWith('/consumer/*') && r !== '*')).toEqual([]);
  });

  it('reports a budget too small for a single statement as a problem, not a crash', () => {
    expect(planGrant(spec(grant()), { maxPolicyChars: 100 })).toEqual({
      ok: false,
      problems: [
        {
          path: 'spec.streams',
          message: expect.stringMatching(/^grant "orders": statement Streams alone needs [\d,]+ characters/),
        },
      ],
    });
  });

  it('reports quota use', () => {
    const p = plan(grant({ role: { tags: { a: 'b' } } }));
    expect(p.quotas.map((q) => [q.name, q.limit])).toEqual([
      ['role name length', 64],
      ['trust policy size (non-whitespace characters)', 2048],
      ['managed policies per role', 10],
      ['largest managed policy (non-whitespace characters)', 6144],
      ['role tags', 50],
    ]);
    expect(p.quotas[0]?.used).toBe('ClickHouseAccessRole-orders'.length);
    expect(p.quotas[1]?.used).toBe(JSON.stringify(p.trustPolicy).length);
    expect(p.quotas[3]?.used).toBe(JSON.stringify(p.policies[0]?.document).length);
    expect(p.quotas[4]?.used).toBe(1);
  });
});

describe('policy size accounting', () => {
  it.each(PROFILE_NAMES)(
    '%s: emitted documents hold no whitespace, so compact length is the IAM size',
    (profile) => {
      const p = plan(
        grant({
          profile,
          principal: {
            roleArn: CLICKHOUSE_ROLE,
            ...(profile === 'clickpipes' ? {} : { externalId: 'a=b,c.d@e:f/g-h' }),
            extraTrustActions: ['sts:TagSession'],
          },
          streams: [{ arn: ORDERS, kmsKeyArn: KEY }, ...manyStreams(120)],
          resourcePolicy: { principals: ['arn:aws:iam::444455556666:root'] },
        }),
      );
      const docs = [
        p.trustPolicy,
        ...p.policies.map((x) => x.document),
        ...p.resourcePolicies.map((x) => x.document),
      ];
      for (const doc of docs) expect(JSON.stringify(doc)).not.toMatch(/\s/);
      const largest = Math.max(...p.policies.map((x) => JSON.stringify(x.document).length));
      expect(p.quotas.find((q) => q.name.startsWith('largest managed policy'))?.used).toBe(largest);
    },
  );
});
