import { compileGrant } from './plan';
import { renderSummary } from './summary';
import { CLICKHOUSE_ROLE, grant, KEY, manyStreams, streamArn } from '@kinesis-access/fixtures';
import { PROFILE_NAMES } from './profiles';
import type { GrantPlan } from './types';

function plan(input: unknown): GrantPlan {
  const result = compileGrant(input);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.value;
}

describe('renderSummary', () => {
  it('says who may assume the role, what it can and cannot do, quotas, and what to paste into ClickPipes', () => {
    const md = renderSummary(
      plan(
        grant({
          streams: [{ arn: streamArn('orders'), kmsKeyArn: KEY }],
          principal: { roleArn: CLICKHOUSE_ROLE },
        }),
      ),
    );
    const withExternalId = renderSummary(
      plan(grant({ profile: 'read', principal: { roleArn: CLICKHOUSE_ROLE, externalId: 'ext-1' } })),
    );
    expect(withExternalId).toContain('Only when `sts:ExternalId` StringEquals `ext-1`.');
    expect(md).not.toContain('sts:ExternalId');
    expect(md).toMatch(/^# Kinesis access grant `orders`\n/);
    expect(md).toContain(
      '## Who may assume the role\n\n- `arn:aws:iam::111122223333:role/ClickHouse-Service-Role`\n',
    );
    expect(md).toMatch(
      /\*\*On the streams\*\*: `kinesis:DescribeStream`.* on `arn:aws:kinesis:us-east-1:123456789012:stream\/orders`\./,
    );
    expect(md).toMatch(
      /\*\*With the KMS key, only through Kinesis\*\*: `kms:Decrypt` on `arn:aws:kms:[^`]+` — only when `kms:ViaService` StringEquals `kinesis.us-east-1.amazonaws.com`/,
    );
    expect(md).toContain('- Write records: no `kinesis:PutRecord` / `kinesis:PutRecords`.');
    expect(md).toMatch(/Touch any other stream/);
    expect(md).toMatch(/\| managed policies per role \| 1 \| 10 \|/);
    expect(md).toContain(
      'paste this role ARN:\n\n```\narn:aws:iam::123456789012:role/ClickHouseAccessRole-orders\n```\n',
    );
  });

  it('says a writer cannot read, and a reader cannot write', () => {
    expect(renderSummary(plan(grant({ profile: 'write' })))).toContain(
      '- Read records: no `kinesis:GetRecords`',
    );
    expect(renderSummary(plan(grant({ profile: 'write' })))).not.toContain('- Write records');
    expect(renderSummary(plan(grant({ profile: 'read-write' })))).not.toMatch(/- (Read|Write) records/);
  });

  it('shows warnings and the access-key hand-over for an upsolver IAM user', () => {
    const md = renderSummary(plan(grant({ profile: 'upsolver', upsolver: { credentials: 'iam-user' } })));
    expect(md).toMatch(/## Warnings\n\n- ⚠️ .*Terraform state/);
    expect(md).toMatch(/access key of IAM user `kinesis-access-orders` from the Terraform outputs/);
  });

  it('lists resource policies and escapes markdown in the description', () => {
    const input = grant({ resourcePolicy: { principals: ['arn:aws:iam::444455556666:root'] } });
    input.metadata.description = 'Orders <script> | `x` *bold*';
    const md = renderSummary(plan(input));
    expect(md).toContain('> Orders \\<script\\> \\| \\`x\\` \\*bold\\*');
    expect(md).toMatch(
      /## Stream resource policies\n\nEach of the 1 streams gets a resource policy letting `arn:aws:iam::444455556666:root`/,
    );
  });

  it('labels the KCL tables and metrics and names the consumer KCL reads through', () => {
    const md = renderSummary(
      plan(grant({ profile: 'kcl-consumer', kcl: { applicationName: 'orders-app' } })),
    );
    expect(md).toContain(
      "- **On the streams' enhanced fan-out consumers**: `kinesis:DescribeStreamConsumer`, `kinesis:SubscribeToShard` on the enhanced fan-out consumer `orders-app` of the stream (`arn:aws:kinesis:us-east-1:123456789012:stream/orders/consumer/orders-app:*`).",
    );
    expect(md).toMatch(
      /\*\*KCL lease table's index \(DynamoDB\)\*\*: `dynamodb:Query` on `[^`]+:table\/orders-app\/index\/\*`/,
    );
    expect(md).toMatch(/\*\*KCL worker-metrics and coordinator-state tables \(DynamoDB\)\*\*/);
    expect(renderSummary(plan(grant({ profile: 'write', kplMetrics: {} })))).toMatch(
      /\*\*KPL metrics \(CloudWatch\)\*\*: `cloudwatch:PutMetricData` on `\*`.* — only when `cloudwatch:namespace` StringEquals `KinesisProducerLibrary`/,
    );
  });

  it('stays short for many streams', () => {
    const md = renderSummary(plan(grant({ profile: 'write', streams: manyStreams(300) })));
    expect(md).toContain('on all 300 resources in the table above');
    expect(md.match(/stream-0000/g)).toHaveLength(1);
  });

  it.each(PROFILE_NAMES)('%s: is deterministic and ends with a newline', (profile) => {
    const p = plan(grant({ profile }));
    expect(renderSummary(p)).toBe(renderSummary(plan(grant({ profile }))));
    expect(renderSummary(p).endsWith('```\n') || renderSummary(p).endsWith('.\n')).toBe(true);
  });
});
