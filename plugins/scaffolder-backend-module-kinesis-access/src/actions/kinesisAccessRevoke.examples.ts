// biome-ignore-all lint/suspicious/noTemplateCurlyInString: template expressions of a scaffolder step, not JS templates
import type { TemplateExample } from '@backstage/plugin-scaffolder-node';
import { actionExample, fetchInfraRepoStep } from './example';

const revoke = { id: 'revoke', action: 'kinesis:access:revoke', name: 'Revoke the grant' };

export const examples: TemplateExample[] = [
  actionExample(
    'Revoke a grant: the pull request deletes its grant file, summary and generated stack',
    revoke,
    { name: 'orders-clickpipes', reason: 'The orders pipeline moved to MSK.' },
    {
      before: [fetchInfraRepoStep()],
      after: [
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
    },
  ),
  actionExample('Revoke from a checkout in another folder', revoke, {
    name: 'partner-metrics-shared',
    currentPath: 'repo',
    targetPath: 'pull-request',
  }),
];
