import type { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';

const fetchStep = {
  id: 'fetch',
  action: 'fetch:plain',
  name: 'Read the infrastructure repository',
  input: { url: 'https://github.com/example/infra/tree/main', targetPath: 'current' },
};

export const examples: TemplateExample[] = [
  {
    description: 'Add an encrypted stream to a grant (the repository fetched into current/ first)',
    example: yaml.stringify({
      steps: [
        fetchStep,
        {
          id: 'change',
          action: 'kinesis:access:change',
          name: 'Change the grant',
          input: {
            name: 'orders-clickpipes',
            addStreams: [
              {
                arn: 'arn:aws:kinesis:us-east-1:123456789012:stream/orders-returns',
                kmsKeyArn: 'arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab',
              },
            ],
          },
        },
      ],
    }),
  },
  {
    description: 'Remove a stream and rotate the KMS key of another',
    example: yaml.stringify({
      steps: [
        fetchStep,
        {
          id: 'change',
          action: 'kinesis:access:change',
          name: 'Change the grant',
          input: {
            name: 'orders-clickpipes',
            removeStreams: ['arn:aws:kinesis:us-east-1:123456789012:stream/orders-legacy'],
            kmsKeys: [
              {
                streamArn: 'arn:aws:kinesis:us-east-1:123456789012:stream/orders',
                kmsKeyArn: 'arn:aws:kms:us-east-1:123456789012:key/0f0f0f0f-1111-2222-3333-444455556666',
              },
            ],
          },
        },
      ],
    }),
  },
  {
    description:
      'Point the grant at a new ClickHouse service role, reading from and writing to chosen folders',
    example: yaml.stringify({
      steps: [
        { ...fetchStep, input: { ...fetchStep.input, targetPath: 'repo' } },
        {
          id: 'change',
          action: 'kinesis:access:change',
          name: 'Change the grant',
          input: {
            name: 'orders-clickpipes',
            clickhouseRoleArn: 'arn:aws:iam::444455556666:role/CH-S3-new-service-Role',
            currentPath: 'repo',
            targetPath: 'pull-request',
          },
        },
      ],
    }),
  },
];
