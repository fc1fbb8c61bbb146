import { loadGrantYaml } from './parse';
import { resourcePolicyOwnerProblems } from './repository';

const yaml = (name: string, streams: string[], principals?: string[]) =>
  [
    'apiVersion: kinesis-access/v1',
    'kind: KinesisAccessGrant',
    'metadata:',
    `  name: ${name}`,
    'spec:',
    '  profile: read',
    '  principal:',
    `    roleArn: arn:aws:iam::123456789012:role/${name}`,
    '  streams:',
    ...streams.map((s) => `    - arn: arn:aws:kinesis:us-east-1:123456789012:stream/${s}`),
    ...(principals === undefined
      ? []
      : ['  resourcePolicy:', '    principals:', ...principals.map((p) => `      - ${p}`)]),
    '',
  ].join('\n');

function grant(file: string, text: string) {
  const loaded = loadGrantYaml(text);
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems));
  return { file, plan: loaded.value.plan, text };
}

const PARTNER_A = 'arn:aws:iam::444455556666:root';
const PARTNER_B = 'arn:aws:iam::777788889999:root';

describe('resourcePolicyOwnerProblems: one owner per stream resource policy', () => {
  it('refuses two grants that set the resource policy of the same stream, naming both files, with the line', () => {
    const a = grant('grants/a.yaml', yaml('a', ['orders', 'refunds'], [PARTNER_A]));
    const b = grant('grants/b.yaml', yaml('b', ['orders'], [PARTNER_B]));
    const problems = resourcePolicyOwnerProblems([b, a]);
    expect(problems.map((p) => p.file)).toEqual(['grants/a.yaml', 'grants/b.yaml']);
    const [forA, forB] = problems as [(typeof problems)[0], (typeof problems)[0]];
    expect(forA.problems).toEqual([
      {
        path: 'spec.resourcePolicy',
        line: 12,
        column: 3,
        message: expect.stringMatching(
          /^the resource policy of stream arn:aws:kinesis:us-east-1:123456789012:stream\/orders is also set by grants\/b\.yaml \(grant "b"\), and grants\/a\.yaml sets it too \(grant "a"\)\. .*replaces the whole policy.*spec\.resourcePolicy\.principals/,
        ),
      },
    ]);
    expect(forB.problems[0]?.message).toMatch(
      /is also set by grants\/a\.yaml \(grant "a"\), and grants\/b\.yaml sets it too/,
    );
    expect(forB.problems[0]?.line).toBe(11);
  });

  it('allows one owner per stream, grants without resourcePolicy on the same stream, and other streams', () => {
    const owner = grant('grants/a.yaml', yaml('a', ['orders'], [PARTNER_A, PARTNER_B]));
    const reader = grant('grants/b.yaml', yaml('b', ['orders']));
    const other = grant('grants/c.yaml', yaml('c', ['payments'], [PARTNER_B]));
    expect(resourcePolicyOwnerProblems([owner, reader, other])).toEqual([]);
  });

  it('names every stream in conflict, sorted, and every other owner', () => {
    const a = grant('grants/a.yaml', yaml('a', ['z-stream', 'a-stream'], [PARTNER_A]));
    const b = grant('grants/b.yaml', yaml('b', ['a-stream', 'z-stream'], [PARTNER_B]));
    const c = grant('grants/c.yaml', yaml('c', ['a-stream'], [PARTNER_B]));
    const [forA] = resourcePolicyOwnerProblems([a, b, c]);
    expect(forA?.problems.map((p) => p.message.slice(0, 170))).toEqual([
      expect.stringContaining(
        'streams arn:aws:kinesis:us-east-1:123456789012:stream/a-stream, arn:aws:kinesis:us-east-1:123456789012:stream/z-stream is also set by grants/b.yaml',
      ),
      expect.stringContaining(
        'stream arn:aws:kinesis:us-east-1:123456789012:stream/a-stream is also set by grants/c.yaml',
      ),
    ]);
  });
});
