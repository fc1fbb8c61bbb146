import type { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';

export const examples: TemplateExample[] = [
  {
    description: 'Grant ClickPipes read access to one Kinesis stream',
    example: yaml.stringify({
      steps: [
        {
          id: 'grant',
          action: 'kinesis:access:grant',
          name: 'Write the grant and its Terraform',
          input: {
            name: 'orders-clickpipes',
            clickhouseRoleArn: 'arn:aws:iam::111122223333:role/CH-S3-steel-sb-23-ue1-23-Role',
            streams: [{ arn: 'arn:aws:kinesis:us-east-1:123456789012:stream/orders' }],
          },
        },
      ],
    }),
  },
  {
    description: 'Two streams, one of them encrypted with a KMS key, with an explicit role name and tags',
    example: yaml.stringify({
      steps: [
        {
          id: 'grant',
          action: 'kinesis:access:grant',
          name: 'Write the grant and its Terraform',
          input: {
            name: 'payments-clickpipes',
            clickhouseRoleArn: 'arn:aws:iam::111122223333:role/CH-S3-steel-sb-23-ue1-23-Role',
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
        },
      ],
    }),
  },
  {
    description: 'Write into a sub-directory of the workspace that stands for the infra repo root',
    example: yaml.stringify({
      steps: [
        {
          id: 'grant',
          action: 'kinesis:access:grant',
          name: 'Write the grant and its Terraform',
          input: {
            name: 'clicks',
            clickhouseRoleArn: 'arn:aws:iam::111122223333:role/CH-S3-steel-sb-23-ue1-23-Role',
            streams: [{ arn: 'arn:aws:kinesis:us-west-2:123456789012:stream/clicks' }],
            permissionsBoundaryArn: 'arn:aws:iam::123456789012:policy/data-platform-boundary',
            targetPath: 'infra',
          },
        },
      ],
    }),
  },
];
