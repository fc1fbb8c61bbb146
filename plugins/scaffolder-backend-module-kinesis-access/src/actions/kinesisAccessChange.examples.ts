import type { TemplateExample } from '@backstage/plugin-scaffolder-node';
import { actionExample, fetchInfraRepoStep } from './example';

const change = { id: 'change', action: 'kinesis:access:change', name: 'Change the grant' };

export const examples: TemplateExample[] = [
  actionExample(
    'Add an encrypted stream to a grant (the repository fetched into current/ first)',
    change,
    {
      name: 'orders-clickpipes',
      addStreams: [
        {
          arn: 'arn:aws:kinesis:us-east-1:123456789012:stream/orders-returns',
          kmsKeyArn: 'arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab',
        },
      ],
    },
    { before: [fetchInfraRepoStep()] },
  ),
  actionExample(
    'Remove a stream and rotate the KMS key of another',
    change,
    {
      name: 'orders-clickpipes',
      removeStreams: ['arn:aws:kinesis:us-east-1:123456789012:stream/orders-legacy'],
      kmsKeys: [
        {
          streamArn: 'arn:aws:kinesis:us-east-1:123456789012:stream/orders',
          kmsKeyArn: 'arn:aws:kms:us-east-1:123456789012:key/0f0f0f0f-1111-2222-3333-444455556666',
        },
      ],
    },
    { before: [fetchInfraRepoStep()] },
  ),
  actionExample(
    'Point the grant at a new ClickHouse service role, reading from and writing to chosen folders',
    change,
    {
      name: 'orders-clickpipes',
      clickhouseRoleArn: 'arn:aws:iam::444455556666:role/CH-S3-new-service-Role',
      currentPath: 'repo',
      targetPath: 'pull-request',
    },
    { before: [fetchInfraRepoStep('repo')] },
  ),
];
