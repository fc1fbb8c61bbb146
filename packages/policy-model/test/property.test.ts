/**
 * Property-based tests (fast-check): random VALID grants compile and simulate to exactly the intended access;
 * the output is deterministic; random INVALID grants (mutations of valid ones) are refused with a field path and
 * never yield a plan. Runs per property: FAST_CHECK_NUM_RUNS (default below, sized for < 60 s on 2 cores).
 */
import { formatFailure, runGrantMatrix } from '@kinesis-access/iam-test-kit';
import { type GrantDocument, grantDocument } from '@kinesis-access/fixtures';
import fc from 'fast-check';
import {
  canonicalJson,
  compileGrant,
  compileGrantYaml,
  grantToYaml,
  renderJson,
  validateGrant,
} from '../src';
import { anyProfile, fastCheckParams } from './support/fast-check';
import { intentOf, policiesOf } from './support/matrix';

const DEFAULT_RUNS = 1000;
const params = fastCheckParams(DEFAULT_RUNS);
const NUM_RUNS = params.numRuns;

jest.setTimeout(600_000);

// ---- Arbitraries for valid grants --------------------------------------------------------------------------

const REGIONS = {
  aws: ['us-east-1', 'us-east-2', 'us-west-2', 'eu-west-1', 'eu-central-1', 'ap-southeast-2', 'sa-east-1'],
  'aws-cn': ['cn-north-1', 'cn-northwest-1'],
  'aws-us-gov': ['us-gov-west-1', 'us-gov-east-1'],
} as const;
type Partition = keyof typeof REGIONS;

const account = fc.stringMatching(/^\d{12}$/);
const hex = (n: number) => fc.stringMatching(new RegExp(`^[0-9a-f]{${n}}$`));
const keyId = fc.oneof(
  fc.tuple(hex(8), hex(4), hex(4), hex(4), hex(12)).map((parts) => parts.join('-')),
  hex(32).map((h) => `mrk-${h}`),
);
const streamName = fc.oneof(
  { weight: 6, arbitrary: fc.stringMatching(/^[a-zA-Z0-9_.-]{1,24}$/) },
  { weight: 1, arbitrary: fc.stringMatching(/^[a-zA-Z0-9_.-]{100,128}$/) },
);
const iamName = fc.stringMatching(/^[\w+=,.@-]{1,40}$/);
const iamPath = fc.constantFrom('/', '/service-role/', '/data/team-a/');
const grantName = fc.stringMatching(/^[a-z0-9](?:[a-z0-9-]{0,30}[a-z0-9])?$/);

interface StreamDraft {
  readonly region: string;
  readonly name: string;
  readonly key?: { readonly id: string; readonly otherAccount: boolean };
}

const validGrant: fc.Arbitrary<GrantDocument> = fc
  .record({
    partition: fc.constantFrom<Partition>('aws', 'aws-cn', 'aws-us-gov'),
    profile: anyProfile,
  })
  .chain(({ partition, profile }) => {
    const region = fc.constantFrom(...REGIONS[partition]);
    const roleArn = fc
      .tuple(account, iamPath, iamName)
      .map(([a, path, name]) => `arn:${partition}:iam::${a}:role${path}${name}`);
    const sharePrincipal = fc.oneof(
      roleArn,
      account.map((a) => `arn:${partition}:iam::${a}:root`),
      fc.tuple(account, iamName).map(([a, name]) => `arn:${partition}:iam::${a}:user/${name}`),
    );
    const streamDraft: fc.Arbitrary<StreamDraft> = fc.record(
      {
        region,
        name: streamName,
        key: fc.record({ id: keyId, otherAccount: fc.boolean() }),
      },
      { requiredKeys: ['region', 'name'] },
    );
    return fc.record({
      partition: fc.constant(partition),
      profile: fc.constant(profile),
      name: grantName,
      account,
      keyAccount: account,
      streams: fc.uniqueArray(streamDraft, {
        minLength: 1,
        maxLength: 4,
        selector: (s) => `${s.region}/${s.name}`,
      }),
      principals: fc.uniqueArray(roleArn, { minLength: 1, maxLength: 3 }),
      externalId: fc.option(fc.stringMatching(/^[\w+=,.@:/-]{2,40}$/), { nil: undefined }),
      extraTrustActions: fc.subarray(['sts:TagSession', 'sts:SetSourceIdentity']),
      role: fc.option(fc.record({ path: iamPath, suffix: fc.option(iamName, { nil: undefined }) }), {
        nil: undefined,
      }),
      kcl: fc.record({
        applicationName: fc.stringMatching(/^[a-zA-Z0-9_.-]{3,40}$/),
        region: fc.option(region, { nil: undefined }),
        version: fc.option(fc.constantFrom(2 as const, 3 as const), { nil: undefined }),
        metricsNamespace: fc.option(fc.stringMatching(/^[A-Za-z0-9_./#-]{1,40}$/), { nil: undefined }),
      }),
      consumerName: fc.option(fc.stringMatching(/^[a-zA-Z0-9_.-]{1,40}$/), { nil: undefined }),
      kplMetrics: fc.option(
        fc.record({
          namespace: fc.option(fc.stringMatching(/^[A-Za-z0-9_./#-]{1,40}$/), { nil: undefined }),
        }),
        { nil: undefined },
      ),
      credentials: fc.constantFrom('role', 'iam-user'),
      share: fc.option(fc.uniqueArray(sharePrincipal, { minLength: 1, maxLength: 3 }), { nil: undefined }),
    });
  })
  .filter((d) => d.keyAccount !== d.account && (d.share ?? []).every((p) => !p.includes(`::${d.account}:`)))
  .map((d) => {
    const streams = d.streams.map((s) => ({
      arn: `arn:${d.partition}:kinesis:${s.region}:${d.account}:stream/${s.name}`,
      ...(s.key === undefined
        ? {}
        : {
            kmsKeyArn: `arn:${d.partition}:kms:${s.region}:${s.key.otherAccount ? d.keyAccount : d.account}:key/${s.key.id}`,
          }),
    }));
    const [first, ...more] = d.principals as [string, ...string[]];
    const spec: GrantDocument['spec'] = {
      profile: d.profile,
      principal: {
        roleArn: first,
        ...(more.length === 0 ? {} : { additionalRoleArns: more }),
        // ClickPipes sends no external id (refused there); Upsolver's role mode always has one.
        ...(d.profile === 'clickpipes'
          ? {}
          : d.profile === 'upsolver' && d.credentials === 'role'
            ? { externalId: d.externalId ?? 'upsolver-connection' }
            : d.externalId === undefined
              ? {}
              : { externalId: d.externalId }),
        ...(d.extraTrustActions.length === 0 ? {} : { extraTrustActions: d.extraTrustActions }),
      },
      streams,
    };
    if (d.role !== undefined) {
      spec.role = {
        path: d.role.path,
        ...(d.role.suffix === undefined
          ? {}
          : { name: `${d.profile === 'clickpipes' ? 'ClickHouseAccessRole-' : ''}${d.role.suffix}` }),
      };
    }
    if (d.profile === 'kcl-consumer') {
      spec.kcl = {
        applicationName: d.kcl.applicationName,
        ...(d.kcl.region === undefined ? {} : { region: d.kcl.region }),
        ...(d.kcl.version === undefined ? {} : { version: d.kcl.version }),
        ...(d.kcl.metricsNamespace === undefined ? {} : { metricsNamespace: d.kcl.metricsNamespace }),
      };
    }
    if (['kcl-consumer', 'read', 'read-write'].includes(d.profile) && d.consumerName !== undefined) {
      spec.consumerName = d.consumerName;
    }
    if (['write', 'read-write'].includes(d.profile) && d.kplMetrics !== undefined) {
      spec.kplMetrics = d.kplMetrics.namespace === undefined ? {} : { namespace: d.kplMetrics.namespace };
    }
    if (d.profile === 'upsolver') spec.upsolver = { credentials: d.credentials };
    if (d.share !== undefined) spec.resourcePolicy = { principals: d.share };
    return grantDocument(d.name, spec);
  });

// ---- Valid grants ------------------------------------------------------------------------------------------

describe(`${NUM_RUNS} random valid grants per property`, () => {
  test('compile, render and simulate to exactly the intended access', async () => {
    let cells = 0;
    await fc.assert(
      fc.asyncProperty(validGrant, async (input) => {
        const result = compileGrant(input);
        if (!result.ok) throw new Error(`refused a valid grant: ${JSON.stringify(result.problems)}`);
        const plan = result.value;
        const matrix = await runGrantMatrix(policiesOf(renderJson(plan)), intentOf(input, plan), {
          depth: 'quick',
          engine: 'fast',
        });
        cells += matrix.cells;
        if (matrix.failures.length > 0) {
          throw new Error(
            `${matrix.failures.length} cells failed:\n${matrix.failures.map(formatFailure).join('\n')}`,
          );
        }
      }),
      params,
    );
    expect(cells).toBeGreaterThan(NUM_RUNS * 50);
  });

  test('rendering is deterministic: twice, after a YAML round trip and with the streams shuffled', () => {
    fc.assert(
      fc.property(validGrant, fc.integer(), (input, shuffleSeed) => {
        const render = (value: unknown) => {
          const result = compileGrant(value);
          if (!result.ok) throw new Error(JSON.stringify(result.problems));
          return canonicalJson(renderJson(result.value));
        };
        const once = render(input);
        expect(render(structuredClone(input))).toBe(once);
        const yaml = compileGrantYaml(grantToYamlOf(input));
        if (!yaml.ok) throw new Error(JSON.stringify(yaml.problems));
        expect(canonicalJson(renderJson(yaml.value))).toBe(once);
        const shuffled = structuredClone(input);
        shuffled.spec.streams = shuffle(shuffled.spec.streams, shuffleSeed);
        expect(render(shuffled)).toBe(once);
      }),
      params,
    );
  });
});

function grantToYamlOf(input: GrantDocument): string {
  const spec = validateGrant(input);
  if (!spec.ok) throw new Error(JSON.stringify(spec.problems));
  return grantToYaml(spec.value);
}

function shuffle<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  let state = seed >>> 0 || 1;
  for (let i = out.length - 1; i > 0; i--) {
    state = (state * 1103515245 + 12345) >>> 0;
    const j = state % (i + 1);
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

// ---- Invalid grants: mutations of valid ones -----------------------------------------------------------------

type Mutable = { [k: string]: unknown };
interface Mutation {
  readonly name: string;
  /** Mutates the grant in place; returns the field path that must be reported. */
  readonly apply: (g: GrantDocument & Mutable, pick: number) => string;
}

const at = <T>(list: readonly T[], pick: number): [T, number] => {
  const index = pick % list.length;
  return [list[index] as T, index];
};
const streamAt = (g: GrantDocument, pick: number) => {
  const [s, i] = at(g.spec.streams, pick);
  return { s, i, path: `spec.streams[${i}]` };
};
/** Makes `g` a grant of `profile`, dropping the options of the other profiles. */
const switchProfile = (g: GrantDocument, profile: string): void => {
  g.spec.profile = profile;
  for (const option of ['kcl', 'upsolver', 'consumerName', 'kplMetrics']) g.spec[option] = undefined;
};
const replaceName = (arn: string, name: string) => arn.replace(/stream\/.*$/, `stream/${name}`);

const MUTATIONS: readonly Mutation[] = [
  {
    name: 'wildcard stream name',
    apply: (g, p) => {
      const { s, path } = streamAt(g, p);
      s.arn = `${s.arn}*`;
      return `${path}.arn`;
    },
  },
  {
    name: 'wildcard account',
    apply: (g, p) => {
      const { s, path } = streamAt(g, p);
      s.arn = s.arn.replace(/:\d{12}:/, ':*:');
      return `${path}.arn`;
    },
  },
  {
    name: 'foreign partition',
    apply: (g, p) => {
      const { s, path } = streamAt(g, p);
      s.arn = s.arn.replace(/^arn:[^:]+:/, 'arn:aws-iso:');
      return `${path}.arn`;
    },
  },
  {
    name: 'other service',
    apply: (g, p) => {
      const { s, path } = streamAt(g, p);
      s.arn = s.arn.replace(':kinesis:', ':firehose:');
      return `${path}.arn`;
    },
  },
  {
    name: 'injection characters in the stream name',
    apply: (g, p) => {
      const { s, path } = streamAt(g, p);
      const [bad] = at(['"', "'", '{', '}', ' ', '\n', '/', '$', '\\', '`', '<'], p);
      s.arn = replaceName(s.arn, `or${bad}ders`);
      return `${path}.arn`;
    },
  },
  {
    name: 'overlong stream name',
    apply: (g, p) => {
      const { s, path } = streamAt(g, p);
      s.arn = replaceName(s.arn, 'x'.repeat(129 + (p % 50)));
      return `${path}.arn`;
    },
  },
  {
    name: 'duplicate stream',
    apply: (g, p) => {
      const { s } = streamAt(g, p);
      g.spec.streams.push({ arn: s.arn });
      return `spec.streams[${g.spec.streams.length - 1}].arn`;
    },
  },
  {
    name: 'stream in another account',
    apply: (g) => {
      const first = g.spec.streams[0] as { arn: string };
      const other = first.arn.replace(
        /:(\d{12}):/,
        (_m, a: string) => `:${a === '999999999999' ? '888888888888' : '999999999999'}:`,
      );
      g.spec.streams.push({ arn: replaceName(other, 'mixed-account') });
      // The odd one out is blamed (one against one: every stream, each naming the whole list).
      return `spec.streams[${g.spec.streams.length - 1}].arn`;
    },
  },
  {
    name: 'stream in another partition',
    apply: (g) => {
      const first = g.spec.streams[0] as { arn: string };
      const other = first.arn.startsWith('arn:aws:')
        ? first.arn.replace(/^arn:aws:kinesis:[^:]+:/, 'arn:aws-cn:kinesis:cn-north-1:')
        : first.arn.replace(/^arn:[^:]+:kinesis:[^:]+:/, 'arn:aws:kinesis:us-east-1:');
      g.spec.streams.push({ arn: replaceName(other, 'mixed-partition') });
      // The odd one out is blamed (one against one: every stream, each naming the whole list).
      return `spec.streams[${g.spec.streams.length - 1}].arn`;
    },
  },
  {
    name: 'KMS alias',
    apply: (g, p) => {
      const { s, path } = streamAt(g, p);
      const [, partition, region, acct] = /^arn:([^:]+):kinesis:([^:]+):(\d{12}):/.exec(s.arn) ?? [];
      s.kmsKeyArn = `arn:${partition}:kms:${region}:${acct}:alias/stream-key`;
      return `${path}.kmsKeyArn`;
    },
  },
  {
    name: 'KMS key in another region',
    apply: (g, p) => {
      const { s, path } = streamAt(g, p);
      const [, partition, region, acct] = /^arn:([^:]+):kinesis:([^:]+):(\d{12}):/.exec(s.arn) ?? [];
      const regions = REGIONS[partition as Partition];
      const other = regions.find((r) => r !== region) as string;
      s.kmsKeyArn = `arn:${partition}:kms:${other}:${acct}:key/1234abcd-12ab-34cd-56ef-1234567890ab`;
      return `${path}.kmsKeyArn`;
    },
  },
  {
    name: 'wildcard principal',
    apply: (g) => {
      g.spec.principal.roleArn = g.spec.principal.roleArn.replace(/role\/.*$/, 'role/*');
      return 'spec.principal.roleArn';
    },
  },
  {
    name: 'principal in another partition',
    apply: (g) => {
      const r = g.spec.principal.roleArn;
      g.spec.principal.roleArn = r.startsWith('arn:aws:')
        ? r.replace('arn:aws:', 'arn:aws-us-gov:')
        : r.replace(/^arn:[^:]+:/, 'arn:aws:');
      return 'spec.principal.roleArn';
    },
  },
  {
    name: 'principal is not a role ARN',
    apply: (g, p) => {
      const [bad] = at(
        ['', 'ClickHouse-Service-Role', 'arn:aws:iam::111122223333:user/x', 'arn:aws:iam::111122223333:root'],
        p,
      );
      g.spec.principal.roleArn = bad;
      return 'spec.principal.roleArn';
    },
  },
  {
    name: 'misspelled field',
    apply: (g, p) => {
      const [typo] = at(['streem', 'principle', 'profle', 'resourcePolicies', 'kms'], p);
      (g.spec as Mutable)[typo] = (g.spec as Mutable).streams;
      return `spec.${typo}`;
    },
  },
  {
    name: 'misspelled stream field',
    apply: (g, p) => {
      const { s, path } = streamAt(g, p);
      (s as Mutable).kmsKeyARN =
        'arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab';
      return `${path}.kmsKeyARN`;
    },
  },
  {
    name: 'unknown top-level field',
    apply: (g) => {
      g.status = { ready: true };
      return 'status';
    },
  },
  {
    name: 'wrong type for streams',
    apply: (g, p) => {
      const [bad] = at<unknown>(
        ['arn:aws:kinesis:us-east-1:123456789012:stream/orders', 42, null, { arn: 'x' }],
        p,
      );
      (g.spec as Mutable).streams = bad;
      return 'spec.streams';
    },
  },
  {
    name: 'wrong type for the principal role ARN',
    apply: (g, p) => {
      const [bad] = at<unknown>([42, true, ['arn:aws:iam::111122223333:role/x'], { arn: 'x' }], p);
      (g.spec.principal as Mutable).roleArn = bad;
      return 'spec.principal.roleArn';
    },
  },
  {
    name: 'unknown profile',
    apply: (g, p) => {
      const [bad] = at<unknown>(['admin', 'READ', 'clickpipes ', 7], p);
      g.spec.profile = bad as string;
      return 'spec.profile';
    },
  },
  {
    name: 'bad grant name',
    apply: (g, p) => {
      const [bad] = at<unknown>(['Orders', 'orders_x', '-orders', 'a'.repeat(70), 'or"ders', 'or*', ''], p);
      g.metadata.name = bad as string;
      return 'metadata.name';
    },
  },
  {
    name: 'wrong apiVersion',
    apply: (g) => {
      (g as Mutable).apiVersion = 'kinesis-access/v2';
      return 'apiVersion';
    },
  },
  {
    name: 'bad external id',
    apply: (g, p) => {
      const [bad] = at<unknown>(['x', 'has space', 'quote"d', 12345], p);
      g.spec.principal.externalId = bad;
      return 'spec.principal.externalId';
    },
  },
  {
    name: 'an external id on clickpipes (ClickPipes sends none)',
    apply: (g) => {
      switchProfile(g, 'clickpipes');
      g.spec.role = undefined;
      g.spec.principal.externalId = 'tenant-1';
      return 'spec.principal.externalId';
    },
  },
  {
    name: 'upsolver in role mode without its external id',
    apply: (g) => {
      switchProfile(g, 'upsolver');
      g.spec.upsolver = { credentials: 'role' };
      g.spec.principal.externalId = undefined;
      return 'spec.principal.externalId';
    },
  },
  {
    name: 'a bad KCL version',
    apply: (g, p) => {
      const [bad] = at<unknown>([1, 4, '3', null], p);
      g.spec.profile = 'kcl-consumer';
      g.spec.upsolver = undefined;
      g.spec.kplMetrics = undefined;
      g.spec.kcl = { applicationName: 'app', version: bad };
      return 'spec.kcl.version';
    },
  },
  {
    name: 'wildcard resource-policy principal',
    apply: (g, p) => {
      const [bad] = at(['*', 'arn:aws:iam::*:root', 'arn:aws:iam::111122223333:role/*'], p);
      g.spec.resourcePolicy = { principals: [bad] };
      return 'spec.resourcePolicy.principals[0]';
    },
  },
];

describe(`${NUM_RUNS} random invalid grants`, () => {
  test('are refused with the mutated field path and a message, never a plan', () => {
    const seen = new Set<string>();
    fc.assert(
      fc.property(validGrant, fc.nat(MUTATIONS.length - 1), fc.nat(1000), (input, which, pick) => {
        const mutation = MUTATIONS[which] as Mutation;
        const bad = structuredClone(input) as GrantDocument & Mutable;
        const path = mutation.apply(bad, pick);
        seen.add(mutation.name);
        const result = compileGrant(bad);
        if (result.ok) throw new Error(`${mutation.name}: a plan for ${JSON.stringify(bad)}`);
        expect(result.problems.map((problem) => problem.path)).toContain(path);
        for (const problem of result.problems) expect(problem.message.length).toBeGreaterThan(10);
      }),
      params,
    );
    if (NUM_RUNS >= 200) expect(seen.size).toBe(MUTATIONS.length);
  });
});
