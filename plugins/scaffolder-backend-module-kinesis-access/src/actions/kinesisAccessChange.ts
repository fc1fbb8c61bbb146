import path from 'node:path';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import {
  canonicalJson,
  changeGrant,
  diffAccess,
  type GrantChangeInput,
  type GrantSpec,
  grantToYaml,
  parseGrantYaml,
  renderAccessDiffMarkdown,
  renderSummary,
} from '@kinesis-access/policy-model';
import yaml from 'yaml';
import { changeProblemsToInputError } from '../lib/changeProblems';
import { currentPathInput, DEFAULT_CHANGES_PATH, openCurrentGrant } from '../lib/currentGrant';
import { renderTerraform, summaryFilePath, type TerraformSettings } from '../lib/layout';
import { type WorkspaceFile, writeFilesAtomically } from '../lib/workspaceFiles';
import { examples } from './kinesisAccessChange.examples';

const ACTION_ID = 'kinesis:access:change';

/** Options for {@link createKinesisAccessChangeAction}. */
export interface KinesisAccessChangeActionOptions {
  /**
   * Terraform settings of the infrastructure repository (the same as for `kinesis:access:grant`).
   * @default - local state, no deploy role, Terraform JSON
   */
  readonly terraform?: TerraformSettings;
}

/** The action's raw input (no zod defaults applied by the runner). */
interface ChangeActionInput extends GrantChangeInput {
  readonly name: string;
  readonly currentPath?: string;
  readonly targetPath?: string;
}

/**
 * The changed grant file: the repository's own text with only `spec.streams` and `spec.principal.roleArn`
 * replaced, so its comments and layout stay; the model's canonical YAML if the edit does not read back as the
 * changed grant.
 */
function editedGrantYaml(text: string, spec: GrantSpec): string {
  const document = yaml.parseDocument(text);
  document.setIn(['spec', 'streams'], document.createNode(spec.spec.streams.map((s) => ({ ...s }))));
  document.setIn(['spec', 'principal', 'roleArn'], spec.spec.principal.roleArn);
  const edited = document.toString({ lineWidth: 0 });
  const reread = parseGrantYaml(edited);
  return reread.ok && canonicalJson(reread.value) === canonicalJson(spec) ? edited : grantToYaml(spec);
}

/**
 * Creates the `kinesis:access:change` action: reads a grant from a checkout of the infrastructure repository in
 * the workspace, changes it through the policy model (streams added or removed, KMS keys, the ClickHouse role),
 * and writes the changed grant file, its regenerated Terraform and the review summary for a pull request whose
 * description is the access diff followed by the summary.
 *
 * @public
 */
export function createKinesisAccessChangeAction(options: KinesisAccessChangeActionOptions = {}) {
  const terraformSettings = options.terraform ?? {};
  return createTemplateAction({
    id: ACTION_ID,
    description:
      'Changes an existing kinesis-access grant (streams, KMS keys, ClickHouse role) read from a checkout of the ' +
      'infra repository in the workspace, and writes the changed grant, its Terraform and a summary for a pull ' +
      'request whose description is the access diff.',
    examples,
    supportsDryRun: true,
    schema: {
      input: {
        name: (z) => z.string({ description: 'Name (metadata.name) of the grant to change.' }),
        addStreams: (z) =>
          z
            .array(
              z.object({
                arn: z.string({ description: 'Stream ARN to add' }),
                kmsKeyArn: z
                  .string({ description: 'KMS key ARN of the stream when it is encrypted (not an alias)' })
                  .optional(),
              }),
              { description: 'Streams to add to the grant.' },
            )
            .optional(),
        removeStreams: (z) =>
          z
            .array(z.string(), {
              description: 'ARNs of streams to remove (one must stay; revoke the grant to remove all).',
            })
            .optional(),
        kmsKeys: (z) =>
          z
            .array(
              z.object({
                streamArn: z.string({ description: 'A stream of the grant' }),
                kmsKeyArn: z
                  .string({ description: 'Its new KMS key ARN; empty when it is no longer encrypted' })
                  .optional(),
              }),
              { description: 'New KMS keys of streams in the grant.' },
            )
            .optional(),
        clickhouseRoleArn: (z) =>
          z
            .string({ description: 'New ARN of the ClickHouse service role allowed to assume the role.' })
            .optional(),
        currentPath: currentPathInput,
        targetPath: (z) =>
          z
            .string({
              description: `Workspace directory the pull request's files are written to. Default: ${DEFAULT_CHANGES_PATH}.`,
            })
            .optional(),
      },
      output: {
        roleName: (z) => z.string({ description: 'Name of the IAM role.' }),
        roleArn: (z) =>
          z.string({ description: 'ARN of the role (unchanged unless its name or path changes).' }),
        grantPath: (z) => z.string({ description: 'Path of the grant file in the repository.' }),
        targetPath: (z) =>
          z.string({ description: 'Workspace directory holding the pull request files (its sourcePath).' }),
        terraformPaths: (z) =>
          z.array(z.string(), { description: 'Repository paths of the regenerated Terraform files.' }),
        accessDiff: (z) => z.string({ description: 'What the grant gains and loses, as markdown.' }),
        summary: (z) => z.string({ description: 'The review summary of the changed grant (markdown).' }),
        description: (z) =>
          z.string({ description: 'Pull request description: the access diff, then the review summary.' }),
      },
    },
    async handler(ctx) {
      const input = ctx.input as ChangeActionInput;
      // The grant as it is. Nothing is written if this or the change below throws.
      const { name, targetPath, targetRoot, current } = await openCurrentGrant(
        ctx.workspacePath,
        input,
        ACTION_ID,
        'the pull request holds only the changed files',
      );

      // 1. The change through the model.
      const changed = changeGrant(current.spec, input);
      if (!changed.ok) throw changeProblemsToInputError(ACTION_ID, changed.problems, input);
      const { spec, plan } = changed.value;

      // 2. Everything rendered in memory.
      const terraform = await renderTerraform(plan, terraformSettings);
      const summary = renderSummary(plan);
      const accessDiff = renderAccessDiffMarkdown(diffAccess([current.plan], [plan]), {
        title: `Access changes: ${name}`,
      });
      const description = `${accessDiff}\n---\n\n${summary}`;
      const files: WorkspaceFile[] = [
        { path: current.file, content: editedGrantYaml(current.text, spec) },
        ...terraform.files,
        { path: summaryFilePath(name), content: summary },
      ];

      // 3. All or nothing.
      await writeFilesAtomically(targetRoot, files);
      ctx.logger.info(
        `${ctx.isDryRun ? '[dry-run] ' : ''}Changed grant "${name}" (${current.file}): ${files.length} files under ${targetPath}`,
      );
      for (const warning of [...plan.warnings, ...terraform.warnings]) ctx.logger.warn(warning);
      ctx.output('roleName', plan.role.name);
      ctx.output('roleArn', plan.role.arn);
      ctx.output('grantPath', current.file);
      ctx.output('targetPath', targetPath.split(path.sep).join('/'));
      ctx.output(
        'terraformPaths',
        terraform.files.map((f) => f.path),
      );
      ctx.output('accessDiff', accessDiff);
      ctx.output('summary', summary);
      ctx.output('description', description);
    },
  });
}
