import { CLICKHOUSE_ROLE, grant, KEY, MRK, streamArn } from '@kinesis-access/fixtures';
import { PROFILE_NAMES } from './profiles';
import { canonicalJson, renderJson } from './render';
import { plan } from './test-support/plan';

describe('determinism', () => {
  it('renders byte-identical output for the same grant, whatever the order of streams and principals', () => {
    const streams = [
      { arn: streamArn('c'), kmsKeyArn: KEY },
      { arn: streamArn('a', 'us-west-2'), kmsKeyArn: MRK },
      { arn: streamArn('b') },
    ];
    const principal = {
      roleArn: CLICKHOUSE_ROLE,
      additionalRoleArns: ['arn:aws:iam::111122223333:role/b', 'arn:aws:iam::111122223333:role/a'],
    };
    const one = canonicalJson(renderJson(plan(grant({ streams, principal }))));
    const again = canonicalJson(renderJson(plan(grant({ streams, principal }))));
    const reordered = canonicalJson(
      renderJson(
        plan(
          grant({
            streams: [...streams].reverse(),
            principal: {
              roleArn: CLICKHOUSE_ROLE,
              additionalRoleArns: [...principal.additionalRoleArns].reverse(),
            },
          }),
        ),
      ),
    );
    expect(again).toBe(one);
    expect(reordered).toBe(one);
  });

  it('plans deep-equal objects for equal specs', () => {
    for (const profile of PROFILE_NAMES) expect(plan(grant({ profile }))).toEqual(plan(grant({ profile })));
  });
});
