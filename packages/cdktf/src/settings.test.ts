import { resolveSettings, SettingsError } from './settings';

function problemsOf(fn: () => unknown): readonly string[] {
  try {
    fn();
  } catch (error) {
    if (error instanceof SettingsError) return error.problems;
    throw error;
  }
  throw new Error('expected a SettingsError');
}

describe('resolveSettings', () => {
  it('defaults to one stack per grant with local state', () => {
    expect(resolveSettings()).toEqual({ layout: 'grant', backend: { type: 'local' } });
  });

  it('reads cdktf.json context', () => {
    // Every field given: the settings are the context as written.
    const context = {
      layout: 'account',
      backend: {
        type: 's3',
        bucket: 'tf-state',
        region: 'eu-west-1',
        lock: 'dynamodb',
        dynamodbTable: 'locks',
      },
      deployRoleArn: 'arn:{partition}:iam::{accountId}:role/deployer',
    };
    expect(resolveSettings({ context })).toEqual(context);
  });

  it('lets environment variables override or replace the context, field by field', () => {
    const env = {
      KINESIS_ACCESS_BACKEND: 's3',
      KINESIS_ACCESS_STATE_BUCKET: 'ci-state',
      KINESIS_ACCESS_STATE_REGION: 'us-east-2',
      KINESIS_ACCESS_STATE_ENCRYPT: 'false',
    };
    expect(
      resolveSettings({ context: { backend: { type: 'local', path: 'x/{stack}.tfstate' } }, env }),
    ).toEqual({
      layout: 'grant',
      backend: { type: 's3', bucket: 'ci-state', region: 'us-east-2', encrypt: false },
    });
    expect(
      resolveSettings({
        context: { backend: { type: 's3', bucket: 'a', region: 'eu-west-1' } },
        env: { KINESIS_ACCESS_STATE_BUCKET: 'b' },
      }).backend,
    ).toEqual({ type: 's3', bucket: 'b', region: 'eu-west-1' });
  });

  it('reports every problem, naming where the value came from and what was received', () => {
    const problems = problemsOf(() =>
      resolveSettings({
        context: {
          layout: 'per-stream',
          backend: { type: 's3', bucket: '', region: 'Europe', lock: 'dynamodb' },
        },
        env: { KINESIS_ACCESS_STATE_ENCRYPT: 'yes' },
      }),
    );
    expect(problems).toEqual(
      expect.arrayContaining([
        'KINESIS_ACCESS_STATE_ENCRYPT: must be "true" or "false", received "yes"',
        expect.stringMatching(/^cdktf\.json context\.kinesisAccess\.layout: .*received "per-stream"$/),
        'cdktf.json context.kinesisAccess.backend.bucket: must not be empty, received ""',
        'cdktf.json context.kinesisAccess.backend.region: must be an AWS region such as eu-west-1, received "Europe"',
        expect.stringMatching(/^backend\.dynamodbTable .*is required when lock is "dynamodb"/),
      ]),
    );
  });

  it('rejects absolute local state paths and unknown fields', () => {
    expect(
      problemsOf(() => resolveSettings({ env: { KINESIS_ACCESS_STATE_PATH: '/var/state/{stack}.tfstate' } })),
    ).toEqual([
      'KINESIS_ACCESS_STATE_PATH: must be a relative path (generated Terraform holds no absolute paths), received "/var/state/{stack}.tfstate"',
    ]);
    expect(
      problemsOf(() => resolveSettings({ context: { backend: { type: 'local', bucket: 'x' } } })),
    ).toEqual([expect.stringMatching(/backend.*unknown field\(s\) bucket/)]);
    expect(problemsOf(() => resolveSettings({ context: 'local' }))).toEqual([
      'cdktf.json context.kinesisAccess: must be an object, received "local"',
    ]);
  });
});
