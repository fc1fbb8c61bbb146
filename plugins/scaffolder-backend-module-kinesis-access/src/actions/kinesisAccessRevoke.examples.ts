// biome-ignore-all lint/suspicious/noTemplateCurlyInString: template expressions of a scaffolder step, not JS templates
import type { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';

export const examples: TemplateExample[] = [
  {
    description: 'Revoke a grant: the pull request deletes its grant file, summary and generated stack',
    example: yaml.stringify({
      steps: [
        {
          id: 'fetch',
          action: 'fetch:plain',
          name: 'Read the infrastructure repository',
          input: { url: 'https://github.com/example/infra/tree/main', targetPath: 'current' },
        },
        {
          id: 'revoke',
          action: 'kinesis:access:revoke',
          name: 'Revoke the grant',
          input: { name: 'orders-clickpipes', reason: 'The orders pipeline moved to MSK.' },
        },
        {
          id: 'pr',
          action: 'publish:github:pull-request',
          name: 'Open the pull request',
          input: {
            repoUrl: 'github.com?owner=example&repo=infra',
            branchName: 'kinesis-access/revoke-orders-clickpipes',
            title: 'Revoke Kinesis access: orders-clickpipes',
            description: '${{ steps.revoke.output.description }}',
            sourcePath: '${{ steps.revoke.output.targetPath }}',
            filesToDelete: '${{ steps.revoke.output.filesToDelete }}',
          },
        },
      ],
    }),
  },
  {
    description: 'Revoke from a checkout in another folder',
    example: yaml.stringify({
      steps: [
        {
          id: 'revoke',
          action: 'kinesis:access:revoke',
          name: 'Revoke the grant',
          input: { name: 'partner-metrics-shared', currentPath: 'repo', targetPath: 'pull-request' },
        },
      ],
    }),
  },
];
