import { promises as fs } from 'node:fs';
import path from 'node:path';
import { resolveSafeChildPath } from '@backstage/backend-plugin-api';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { diffAccess, renderAccessDiffMarkdown } from '@kinesis-access/policy-model';
import { currentPathInput, DEFAULT_CHANGES_PATH, openCurrentGrant } from '../lib/currentGrant';
import { generatedStackDirectory, summaryFilePath } from '../lib/layout';
import { examples } from './kinesisAccessRevoke.examples';

const ACTION_ID = 'kinesis:access:revoke';

/** The action's raw input. */
interface RevokeActionInput {
  readonly name: string;
  readonly reason?: string;
  readonly currentPath?: string;
  readonly targetPath?: string;
}

async function filesUnder(root: string, relativeDir: string): Promise<string[]> {
  const dir = resolveSafeChildPath(root, relativeDir);
  const entries = await fs.readdir(dir, { withFileTypes: true }).catch(() => []);
  const out: string[] = [];
  for (const entry of entries) {
    const file = `${relativeDir}/${entry.name}`;
    if (entry.isDirectory()) out.push(...(await filesUnder(root, file)));
    else out.push(file);
  }
  return out.sort();
}

async function exists(root: string, file: string): Promise<boolean> {
  return (await fs.stat(resolveSafeChildPath(root, file)).catch(() => undefined))?.isFile() === true;
}

/**
 * Creates the `kinesis:access:revoke` action: finds a grant in a checkout of the infrastructure repository in the
 * workspace and lists what the pull request deletes — the grant file, its review summary and its generated stack
 * — with the access diff (everything the role loses) as the pull request description. After merge the
 * repository's pipeline destroys the stack (see docs/pipelines.md).
 *
 * @public
 */
export function createKinesisAccessRevokeAction() {
  return createTemplateAction({
    id: ACTION_ID,
    description:
      'Revokes a kinesis-access grant: lists its grant file, summary and generated Terraform stack (read from a ' +
      'checkout of the infra repository in the workspace) for publish:github:pull-request filesToDelete, with ' +
      'the access diff as the pull request description.',
    examples,
    supportsDryRun: true,
    schema: {
      input: {
        name: (z) => z.string({ description: 'Name (metadata.name) of the grant to revoke.' }),
        reason: (z) =>
          z
            .string({ description: 'Why the access is revoked (goes into the pull request description).' })
            .optional(),
        currentPath: currentPathInput,
        targetPath: (z) =>
          z
            .string({
              description: `Workspace directory for the pull request's files (created empty: a revoke only deletes). Default: ${DEFAULT_CHANGES_PATH}.`,
            })
            .optional(),
      },
      output: {
        roleArn: (z) => z.string({ description: 'ARN of the role that is destroyed after merge.' }),
        grantPath: (z) => z.string({ description: 'Path of the removed grant file in the repository.' }),
        filesToDelete: (z) =>
          z.array(z.string(), {
            description: 'Repository paths to delete: pass to publish:github:pull-request filesToDelete.',
          }),
        targetPath: (z) =>
          z.string({ description: 'Workspace directory to use as the pull request sourcePath (empty).' }),
        accessDiff: (z) => z.string({ description: 'Everything the grant loses, as markdown.' }),
        description: (z) => z.string({ description: 'Pull request description.' }),
      },
    },
    async handler(ctx) {
      const input = ctx.input as RevokeActionInput;
      // The grant as it is. Nothing is written if this or the change below throws.
      const { name, currentPath, targetPath, currentRoot, targetRoot, current } = await openCurrentGrant(
        ctx.workspacePath,
        input,
        ACTION_ID,
        'the pull request holds only its own changes',
      );

      const stackDir = generatedStackDirectory(current.plan);
      const stackFiles = await filesUnder(currentRoot, stackDir);
      const summary = summaryFilePath(name);
      const filesToDelete = [
        current.file,
        ...((await exists(currentRoot, summary)) ? [summary] : []),
        ...stackFiles,
      ];
      if (stackFiles.length === 0) {
        ctx.logger.warn(
          `No generated Terraform for "${name}" under ${currentPath}/${stackDir}: only the grant file is removed ` +
            '(was the repository synthesized with another layout?)',
        );
      }

      const accessDiff = renderAccessDiffMarkdown(diffAccess([current.plan], []), {
        title: `Access revoked: ${name}`,
      });
      const reason = input.reason?.trim();
      const description = [
        `Revokes grant \`${name}\` (\`${current.file}\`). After merge the pipeline destroys role \`${current.plan.role.arn}\` ` +
          `and everything its stack created; whoever uses the role loses the access below.`,
        ...(reason ? ['', `Reason: ${reason.replace(/\s+/g, ' ')}`] : []),
        '',
        `Deletes: ${filesToDelete.map((f) => `\`${f}\``).join(', ')}.`,
        '',
        accessDiff,
      ].join('\n');

      // A revoke writes nothing: the pull request's source directory exists, empty, and the files go by deletion.
      await fs.mkdir(targetRoot, { recursive: true });
      ctx.logger.info(
        `${ctx.isDryRun ? '[dry-run] ' : ''}Revoking grant "${name}": ${filesToDelete.length} files to delete`,
      );
      ctx.output('roleArn', current.plan.role.arn);
      ctx.output('grantPath', current.file);
      ctx.output('filesToDelete', filesToDelete);
      ctx.output('targetPath', targetPath.split(path.sep).join('/'));
      ctx.output('accessDiff', accessDiff);
      ctx.output('description', description);
    },
  });
}
