/**
 * IAM simulation of every profile: compile → render (the CLI's JSON contract) → simulate the whole matrix of
 * @kinesis-access/iam-test-kit (full depth, validating engine). Negative controls prove the matrix fails when
 * a rendered document is widened.
 */
import {
  expectGrantSemantics,
  type GrantPolicies,
  PROFILES,
  runGrantMatrix,
} from '@kinesis-access/iam-test-kit';
import {
  CLICKHOUSE_ROLE,
  type GrantDocument,
  grantDocument,
  PROFILE_GRANTS,
  streamArn,
} from '@kinesis-access/fixtures';
import { canonicalJson, compileGrant, type GrantPlan, lintPolicyDocument, renderJson } from '../src';
import { intentOf, policiesOf } from './support/matrix';

jest.setTimeout(60_000);

function compile(input: GrantDocument): GrantPlan {
  const result = compileGrant(input);
  if (!result.ok) throw new Error(`expected a plan, got problems: ${JSON.stringify(result.problems)}`);
  return result.value;
}

/** What the CLI prints, parsed back: the matrix sees exactly the rendered JSON. */
function rendered(plan: GrantPlan): GrantPolicies {
  return policiesOf(JSON.parse(canonicalJson(renderJson(plan))));
}

describe('every profile renders exactly the intended access', () => {
  test.each(PROFILE_GRANTS)('$title', async ({ input }) => {
    const plan = compile(input);
    const policies = rendered(plan);
    const result = await expectGrantSemantics(policies, intentOf(input, plan));
    expect(result.cells).toBeGreaterThan(80);
    for (const document of [
      ...policies.permissionPolicies,
      ...(policies.resourcePolicies ?? []).map((r) => r.document),
    ]) {
      expect(lintPolicyDocument(document as Parameters<typeof lintPolicyDocument>[0])).toEqual([]);
    }
  });

  test('all six profiles are covered', () => {
    const profiles = new Set(PROFILE_GRANTS.map((g) => g.input.spec.profile));
    expect([...profiles].sort()).toEqual([...PROFILES].sort());
  });

  test('a grant packed into several managed policies still simulates exactly (packing never widens)', async () => {
    const streams = Array.from({ length: 60 }, (_, i) => ({
      arn: streamArn(`busy-stream-with-a-long-name-${i}`),
    }));
    const input = grantDocument('many-streams', {
      profile: 'read-write',
      principal: { roleArn: CLICKHOUSE_ROLE },
      streams,
    });
    const plan = compile(input);
    expect(plan.policies.length).toBeGreaterThan(1);
    await expectGrantSemantics(rendered(plan), intentOf(input, plan), { depth: 'quick', engine: 'fast' });
  });
});

// ---- Negative controls: the same matrix must FAIL on widened documents --------------------------------------

type Statement = {
  Sid?: string;
  Action: string | string[];
  Resource?: string | string[];
  Condition?: unknown;
  Principal?: unknown;
};
type Doc = { Version: string; Statement: Statement[] };

function widen(
  policies: GrantPolicies,
  change: (docs: { permissions: Doc[]; trust: Doc; resource: Doc[] }) => void,
) {
  const copy = structuredClone(policies) as unknown as {
    trustPolicy: Doc;
    permissionPolicies: Doc[];
    resourcePolicies: { resourceArn: string; document: Doc }[];
  };
  change({
    permissions: copy.permissionPolicies,
    trust: copy.trustPolicy,
    resource: copy.resourcePolicies.map((r) => r.document),
  });
  return copy as unknown as GrantPolicies;
}
function statement(docs: Doc[], sid: string): Statement {
  const found = docs.flatMap((d) => d.Statement).find((s) => s.Sid === sid);
  if (found === undefined) throw new Error(`no statement ${sid} in ${JSON.stringify(docs)}`);
  return found;
}

describe('negative controls: the matrix catches a widened rendering', () => {
  const byName = (name: string) => {
    const found = PROFILE_GRANTS.find((g) => g.input.metadata.name === name);
    if (found === undefined) throw new Error(`no test grant ${name}`);
    return found;
  };
  const plain = byName('orders-clickpipes');
  const encrypted = byName('clickstream-clickpipes');
  const shared = byName('partner-metrics-shared');
  const withExternalId = byName('order-enricher');
  const cases: {
    name: string;
    input: GrantDocument;
    change: (docs: { permissions: Doc[]; trust: Doc; resource: Doc[] }) => void;
    caught: RegExp;
  }[] = [
    {
      name: 'stream resource widened to stream/*',
      input: plain.input,
      change: ({ permissions }) => {
        statement(permissions, 'Streams').Resource = `arn:aws:kinesis:us-east-1:123456789012:stream/*`;
      },
      caught: /^GetRecords on another stream next to orders$/,
    },
    {
      name: 'a write action added to a read profile',
      input: plain.input,
      change: ({ permissions }) => {
        (statement(permissions, 'Streams').Action as string[]).push('kinesis:PutRecords');
      },
      caught: /^PutRecords is not part of clickpipes$/,
    },
    {
      name: 'DeregisterStreamConsumer back on the stream ARN (the 001 doc as written)',
      input: plain.input,
      change: ({ permissions }) => {
        const consumers = statement(permissions, 'StreamConsumers');
        consumers.Action = (consumers.Action as string[]).filter(
          (a) => a !== 'kinesis:DeregisterStreamConsumer',
        );
        (statement(permissions, 'Streams').Action as string[]).push('kinesis:DeregisterStreamConsumer');
      },
      caught: /^clickpipes needs DeregisterStreamConsumer on the consumers of every granted stream$/,
    },
    {
      name: 'KMS condition dropped',
      input: encrypted.input,
      change: ({ permissions }) => {
        for (const s of permissions.flatMap((d) => d.Statement))
          if (s.Sid?.startsWith('KmsViaKinesis')) delete s.Condition;
      },
      caught: /^Decrypt without kms:ViaService \(direct call\)$/,
    },
    {
      name: 'KMS resource widened to every key',
      input: encrypted.input,
      change: ({ permissions }) => {
        for (const s of permissions.flatMap((d) => d.Statement))
          if (s.Sid?.startsWith('KmsViaKinesis')) s.Resource = '*';
      },
      caught: /^Decrypt on another key in the same account$/,
    },
    {
      name: 'external id condition dropped from the trust policy',
      input: withExternalId.input,
      change: ({ trust }) => {
        for (const s of trust.Statement) delete s.Condition;
      },
      caught: /without the external id$/,
    },
    {
      name: 'trust widened to the ClickHouse account root',
      input: plain.input,
      change: ({ trust }) => {
        for (const s of trust.Statement) s.Principal = { AWS: 'arn:aws:iam::111122223333:root' };
      },
      caught: /^another role in the trusted principal's account 111122223333 may not assume the role$/,
    },
    {
      name: 'a resource policy shares a write action',
      input: shared.input,
      change: ({ resource }) => {
        for (const d of resource)
          for (const s of d.Statement) (s.Action as string[]).push('kinesis:PutRecord');
      },
      caught: /^PutRecord is not shared with arn:aws:iam::111122223333:role\/partner-analytics-reader$/,
    },
  ];

  test.each(cases)('$name', async ({ input, change, caught }) => {
    const plan = compile(input);
    const intent = intentOf(input, plan);
    const good = rendered(plan);
    expect((await runGrantMatrix(good, intent, { engine: 'fast' })).failures).toEqual([]);
    const bad = widen(good, change);
    const { failures } = await runGrantMatrix(bad, intent, { engine: 'fast' });
    expect(failures.map((f) => f.why)).toContainEqual(expect.stringMatching(caught));
    await expect(expectGrantSemantics(bad, intent, { engine: 'fast' })).rejects.toThrow(/cells failed/);
  });

  test("another grant's plan does not satisfy this grant's intent", async () => {
    const other = grantDocument('other-orders', {
      profile: 'clickpipes',
      principal: { roleArn: CLICKHOUSE_ROLE },
      streams: [{ arn: streamArn('payments') }],
    });
    const plan = compile(plain.input);
    const { failures } = await runGrantMatrix(rendered(compile(other)), intentOf(plain.input, plan), {
      engine: 'fast',
    });
    expect(failures.map((f) => f.why)).toContain('clickpipes needs GetRecords on every granted stream');
  });
});

// ---- Negative control: every statement is needed ------------------------------------------------------------

describe('negative control: dropping any one statement breaks a call the requirements table needs', () => {
  type Where = 'permission' | 'trust' | 'resource';
  const withoutStatement = (policies: GrantPolicies, where: Where, doc: number, statement: number) => {
    const copy = structuredClone(policies) as unknown as {
      trustPolicy: Doc;
      permissionPolicies: Doc[];
      resourcePolicies: { resourceArn: string; document: Doc }[];
    };
    const target =
      where === 'permission'
        ? copy.permissionPolicies[doc]
        : where === 'trust'
          ? copy.trustPolicy
          : copy.resourcePolicies[doc]?.document;
    if (target === undefined) throw new Error('no such document');
    target.Statement.splice(statement, 1);
    return copy as unknown as GrantPolicies;
  };
  const actionsOf = (s: Statement) => (Array.isArray(s.Action) ? s.Action : [s.Action]);

  test.each(PROFILE_GRANTS)('$title', async ({ input }) => {
    const plan = compile(input);
    const intent = intentOf(input, plan);
    const good = rendered(plan);
    const docs: { where: Where; doc: number; document: Doc }[] = [
      ...good.permissionPolicies.map((d, i) => ({
        where: 'permission' as const,
        doc: i,
        document: d as Doc,
      })),
      // An IAM-user grant (upsolver iam-user) is used through the user's keys: nobody assumes the role.
      ...(good.trustPolicy === undefined || intent.trustedPrincipals.length === 0
        ? []
        : [{ where: 'trust' as const, doc: 0, document: good.trustPolicy as Doc }]),
      ...(good.resourcePolicies ?? []).map((r, i) => ({
        where: 'resource' as const,
        doc: i,
        document: r.document as Doc,
      })),
    ];
    let dropped = 0;
    for (const { where, doc, document } of docs) {
      for (let i = 0; i < document.Statement.length; i++) {
        const statement = document.Statement[i] as Statement;
        const { failures } = await runGrantMatrix(withoutStatement(good, where, doc, i), intent, {
          engine: 'fast',
          depth: 'quick',
        });
        // The failure names a call of the dropped statement that a client needs (now denied).
        const broken = failures.filter((f) => f.expected === 'Allowed');
        const named = broken.filter((f) =>
          actionsOf(statement).some(
            (a) => f.request?.action === a && f.why.includes(a.split(':')[1] as string),
          ),
        );
        if (named.length === 0) {
          throw new Error(
            `dropping ${where} statement ${statement.Sid ?? i} of ${input.metadata.name} broke no named call: ${JSON.stringify(broken.map((f) => f.why))}`,
          );
        }
        dropped++;
      }
    }
    expect(dropped).toBeGreaterThan(0);
  });
});
