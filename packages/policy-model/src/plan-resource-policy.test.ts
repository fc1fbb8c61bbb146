import { grant, KEY, streamArn } from '@kinesis-access/fixtures';
import { compileGrant } from './plan';
import { PROFILE_NAMES } from './profiles';
import { ORDERS, plan } from './test-support/plan';

describe('planGrant: stream resource policies', () => {
  const principals = ['arn:aws:iam::444455556666:root', 'arn:aws:iam::444455556666:role/analytics'];
  // 003 "Example 2: Read access" and "Example 1: Write access": together, the stream actions AWS lets a
  // resource policy share.
  const kinesis = (...actions: string[]) => actions.map((action) => `kinesis:${action}`);
  const SHARED_FOR_READING = kinesis('DescribeStreamSummary', 'GetRecords', 'GetShardIterator', 'ListShards');
  const SHARED_FOR_WRITING = kinesis('DescribeStreamSummary', 'ListShards', 'PutRecord', 'PutRecords');

  it('gives each stream a policy with the shareable read actions for readers', () => {
    const p = plan(
      grant({
        profile: 'read',
        resourcePolicy: { principals },
        streams: [{ arn: ORDERS }, { arn: streamArn('b', 'eu-west-1') }],
      }),
    );
    expect(p.resourcePolicies).toEqual([
      expect.objectContaining({ resourceArn: streamArn('b', 'eu-west-1'), region: 'eu-west-1' }),
      {
        resourceArn: ORDERS,
        region: 'us-east-1',
        document: {
          Version: '2012-10-17',
          Statement: [
            {
              Sid: 'SharedStreamAccess',
              Effect: 'Allow',
              Principal: {
                AWS: ['arn:aws:iam::444455556666:role/analytics', 'arn:aws:iam::444455556666:root'],
              },
              Action: SHARED_FOR_READING,
              Resource: [ORDERS],
            },
          ],
        },
      },
    ]);
    expect(p.quotas.find((q) => q.name.includes('resource policy'))).toMatchObject({ limit: 20480 });
  });

  it('shares the write actions for writers and never a non-shareable action', () => {
    const shareable = new Set([...SHARED_FOR_READING, ...SHARED_FOR_WRITING]);
    expect(
      plan(grant({ profile: 'write', resourcePolicy: { principals } })).resourcePolicies[0]?.document
        .Statement[0]?.Action,
    ).toEqual(SHARED_FOR_WRITING);
    for (const profile of PROFILE_NAMES) {
      const p = plan(grant({ profile, resourcePolicy: { principals } }));
      for (const rp of p.resourcePolicies)
        for (const a of rp.document.Statement.flatMap((x) => x.Action as string[]))
          expect(shareable.has(a)).toBe(true);
    }
  });

  it('warns that shared encrypted streams also need the key policy', () => {
    const p = plan(grant({ resourcePolicy: { principals }, streams: [{ arn: ORDERS, kmsKeyArn: KEY }] }));
    expect(p.warnings).toEqual([expect.stringMatching(/KMS key policies .* must also allow/)]);
    expect(plan(grant({ resourcePolicy: { principals } })).warnings).toEqual([]);
  });

  it('refuses a resource policy over 20 KB', () => {
    const many = Array.from(
      { length: 400 },
      (_, i) => `arn:aws:iam::444455556666:role/some-fairly-long-analytics-role-${i}`,
    );
    const result = compileGrant(grant({ resourcePolicy: { principals: many } }));
    expect(!result.ok && result.problems).toEqual([
      {
        path: 'spec.resourcePolicy.principals',
        message: expect.stringMatching(
          /^grant "orders": a stream resource policy is [\d,]+ bytes; the Kinesis quota is 20,480 bytes/,
        ),
      },
    ]);
  });
});
