import type { TemplateExample } from '@backstage/plugin-scaffolder-node';
import { actionExample } from './example';

const grant = { id: 'grant', action: 'kinesis:access:grant', name: 'Write the grant and its Terraform' };
const CLICKHOUSE_ROLE = 'arn:aws:iam::111122223333:role/CH-S3-steel-sb-23-ue1-23-Role';

export const examples: TemplateExample[] = [
  actionExample('Grant ClickPipes read access to one Kinesis stream', grant, {
    name: 'orders-clickpipes',
    clickhouseRoleArn: CLICKHOUSE_ROLE,
    streams: [{ arn: 'arn:aws:kinesis:us-east-1:123456789012:stream/orders' }],
  }),
  actionExample(
    'Two streams, one of them encrypted with a KMS key, with an explicit role name and tags',
    grant,
    {
      name: 'payments-clickpipes',
      clickhouseRoleArn: CLICKHOUSE_ROLE,
      roleName: 'ClickHouseAccessRole-payments',
      streams: [
        { arn: 'arn:aws:kinesis:eu-west-1:123456789012:stream/payments' },
        {
          arn: 'arn:aws:kinesis:eu-west-1:123456789012:stream/refunds',
          kmsKeyArn: 'arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab',
        },
      ],
      tags: { team: 'payments', 'cost-center': 'cc-42' },
    },
  ),
  actionExample('Write into a sub-directory of the workspace that stands for the infra repo root', grant, {
    name: 'clicks',
    clickhouseRoleArn: CLICKHOUSE_ROLE,
    streams: [{ arn: 'arn:aws:kinesis:us-west-2:123456789012:stream/clicks' }],
    permissionsBoundaryArn: 'arn:aws:iam::123456789012:policy/data-platform-boundary',
    targetPath: 'infra',
  }),
];
