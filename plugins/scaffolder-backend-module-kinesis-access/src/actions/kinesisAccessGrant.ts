import path from 'node:path';
import { resolveSafeChildPath } from '@backstage/backend-plugin-api';
import { ConflictError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { GRANTS_DIR, loadGrants } from '@kinesis-access/grant-files';
import {
  canonicalJson,
  type GrantPlan,
  type GrantSpec,
  grantFromTemplateInput,
  grantToYaml,
  loadGrantYaml,
  PROFILE_NAMES,
  parseGrantYaml,
  type RepositoryGrant,
  renderSummary,
  resourcePolicyOwnerProblems,
  validateGrant,
} from '@kinesis-access/policy-model';
import { DEFAULT_TARGET_PATH, type GrantActionInput } from '../lib/grantInput';
import { problemsToInputError } from '../lib/inputProblems';
import { grantFilePath, renderTerraform, summaryFilePath, type TerraformSettings } from '../lib/layout';
import { readIfExists, type WorkspaceFile, writeFilesAtomically } from '../lib/workspaceFiles';
import { examples } from './kinesisAccessGrant.examples';

/** Options for {@link createKinesisAccessGrantAction}. */
export interface KinesisAccessGrantActionOptions {
  /**
   * Terraform settings of the infrastructure repository (state backend, deploy role, HCL or JSON). Use the
   * ones its `kinesis-access synth` uses, so the generated files pass its freshness check.
   * @default - local state, no deploy role, Terraform JSON
   */
  readonly terraform?: TerraformSettings;
}

/** Everything the action writes for one grant, rendered in memory before anything touches the workspace. */
interface RenderedGrantFiles {
  readonly spec: GrantSpec;
  readonly plan: GrantPlan;
  readonly grantPath: string;
  readonly grantYaml: string;
  readonly summaryPath: string;
  readonly summary: string;
  readonly terraform: readonly WorkspaceFile[];
}

function validateAndPlan(input: GrantActionInput): { spec: GrantSpec; plan: GrantPlan } {
  const validated = validateGrant(grantFromTemplateInput(input));
  if (!validated.ok) throw problemsToInputError(validated.problems, input);
  // Plan the grant file the action will write, so that quota problems carry its line, as `check` prints them.
  const file = grantFilePath(validated.value.metadata.name);
  const planned = loadGrantYaml(grantToYaml(validated.value));
  if (!planned.ok) throw problemsToInputError(planned.problems, input, file);
  return { spec: validated.value, plan: planned.value.plan };
}

/**
 * The other grants of the repository (every grant file under `grants/`, read as `kinesis-access check` reads them),
 * planned. Files that do not plan are left to the repository's own `kinesis-access check`; the grant file this
 * run writes is not among them.
 */
function repositoryGrants(root: string, except: string): RepositoryGrant[] {
  return loadGrants([GRANTS_DIR], { cwd: root }).loaded.flatMap((grant) => {
    const file = grant.file.displayPath.split(path.sep).join('/');
    return grant.ok && file !== except ? [{ file, plan: grant.plan, text: grant.text }] : [];
  });
}

/** One owner per stream resource policy: refuse a grant that would set one another grant already sets. */
async function checkResourcePolicyOwner(
  root: string,
  rendered: RenderedGrantFiles,
  input: GrantActionInput,
  shown: (relative: string) => string,
): Promise<void> {
  if (rendered.plan.resourcePolicies.length === 0) return;
  const others = repositoryGrants(root, rendered.grantPath);
  const self: RepositoryGrant = { file: rendered.grantPath, plan: rendered.plan, text: rendered.grantYaml };
  const mine = resourcePolicyOwnerProblems([...others, self]).find((p) => p.file === rendered.grantPath);
  if (mine === undefined) return;
  const named = mine.problems.map((p) => ({
    ...p,
    message: p.message.replace(/\bgrants\/[^\s,()]+\.ya?ml\b/g, (file) => shown(file)),
  }));
  throw problemsToInputError(named, input, shown(rendered.grantPath));
}

/**
 * An existing grant file with the same name is fine when it holds the same grant (byte-identical, or equal
 * once parsed: someone may have reformatted it) and a conflict otherwise. Returns whether to keep the existing
 * file as it is.
 */
async function checkExistingGrant(
  root: string,
  rendered: RenderedGrantFiles,
  shownPath: string,
): Promise<boolean> {
  const existing = await readIfExists(root, rendered.grantPath);
  if (existing === undefined) return false;
  if (existing === rendered.grantYaml) return false;
  const parsed = parseGrantYaml(existing);
  if (parsed.ok && canonicalJson(parsed.value) === canonicalJson(rendered.spec)) return true;
  const name = rendered.spec.metadata.name;
  throw new ConflictError(
    `${shownPath} already holds a different grant named "${name}"` +
      `${parsed.ok ? '' : ' (and it is not a valid grant file)'}. ` +
      'Choose another name, or change the existing grant file in the repository instead.',
  );
}

/**
 * Creates the `kinesis:access:grant` action: turns the form's input into a kinesis-access grant file, the
 * Terraform generated from it and a review summary, written into the workspace for a pull request.
 *
 * @public
 */
export function createKinesisAccessGrantAction(options: KinesisAccessGrantActionOptions = {}) {
  const terraformSettings = options.terraform ?? {};
  return createTemplateAction({
    id: 'kinesis:access:grant',
    description:
      'Writes a kinesis-access grant file (grants/<name>.yaml), the Terraform generated from it and a ' +
      'markdown review summary into the workspace. Validation, role naming and IAM come from the ' +
      'kinesis-access policy model.',
    examples,
    supportsDryRun: true,
    schema: {
      input: {
        name: (z) =>
          z.string({
            description:
              'Grant name: lowercase letters, digits and "-", unique in the infra repo. The grant is written ' +
              'to grants/<name>.yaml and the default role name is derived from it.',
          }),
        clickhouseRoleArn: (z) =>
          z.string({
            description:
              'ARN of the IAM role allowed to assume the new role. For ClickPipes: the "Service role ID (IAM)" ' +
              'shown in the ClickHouse Cloud console under Settings → Network security information.',
          }),
        streams: (z) =>
          z.array(
            z.object({
              arn: z.string({
                description: 'Stream ARN: arn:<partition>:kinesis:<region>:<account-id>:stream/<stream-name>',
              }),
              kmsKeyArn: z
                .string({
                  description: 'KMS key ARN of a server-side encrypted stream (key ARN, not an alias)',
                })
                .optional(),
            }),
            { description: 'Kinesis data streams to grant access to (all in the account of the new role).' },
          ),
        roleName: (z) =>
          z
            .string({
              description:
                "Name of the IAM role to create. Defaults to the policy model's name for the profile " +
                '(clickpipes: ClickHouseAccessRole-<name>).',
            })
            .optional(),
        profile: (z) =>
          z
            .string({
              description: `Access profile: one of ${PROFILE_NAMES.join(', ')}. Default: clickpipes.`,
            })
            .optional(),
        permissionsBoundaryArn: (z) =>
          z
            .string({ description: "ARN of a managed policy to set as the role's permissions boundary." })
            .optional(),
        tags: (z) => z.record(z.string(), { description: 'Tags for the IAM role.' }).optional(),
        description: (z) =>
          z.string({ description: 'What the grant is for (kept in the grant file).' }).optional(),
        resourcePolicyPrincipals: (z) =>
          z
            .array(z.string(), {
              description:
                "Opt-in: IAM role or account root ARNs of other accounts the streams' resource policies share with. " +
                'At most one grant of the repository may own a stream resource policy.',
            })
            .optional(),
        targetPath: (z) =>
          z
            .string({
              description:
                'Workspace directory that stands for the infra repo root. Default: the workspace root.',
            })
            .optional(),
      },
      output: {
        roleName: (z) => z.string({ description: 'Name of the IAM role the Terraform creates.' }),
        roleArn: (z) => z.string({ description: 'ARN of the role once applied: paste it into ClickPipes.' }),
        grantPath: (z) => z.string({ description: 'Workspace path of the grant file.' }),
        terraformPaths: (z) =>
          z.array(z.string(), { description: 'Workspace paths of the generated Terraform files.' }),
        summaryPath: (z) => z.string({ description: 'Workspace path of the markdown review summary.' }),
        summary: (z) =>
          z.string({ description: 'Markdown review summary (use it as the pull request body).' }),
      },
    },
    async handler(ctx) {
      const input = ctx.input as GrantActionInput;
      const targetPath = input.targetPath?.trim() || DEFAULT_TARGET_PATH;
      const root = resolveSafeChildPath(ctx.workspacePath, targetPath);
      const shown = (relative: string) => path.posix.join(targetPath.split(path.sep).join('/'), relative);

      // 1. Model: validate (every problem at once) and plan. Nothing is written if this throws.
      const { spec, plan } = validateAndPlan(input);

      // 2. Render every file in memory.
      const terraform = await renderTerraform(plan, terraformSettings);
      const rendered: RenderedGrantFiles = {
        spec,
        plan,
        grantPath: grantFilePath(spec.metadata.name),
        grantYaml: grantToYaml(spec),
        summaryPath: summaryFilePath(spec.metadata.name),
        summary: renderSummary(plan),
        terraform: terraform.files,
      };

      // 3. Refuse a different grant of the same name; the same grant again is fine (idempotent). Refuse a second
      //    owner of a stream's resource policy (applying one replaces the other's).
      const keepExistingGrant = await checkExistingGrant(root, rendered, shown(rendered.grantPath));
      await checkResourcePolicyOwner(root, rendered, input, shown);

      // 4. Write all or nothing. Dry-run writes too: the dry-run workspace is what the person previews.
      const files: WorkspaceFile[] = [
        ...(keepExistingGrant ? [] : [{ path: rendered.grantPath, content: rendered.grantYaml }]),
        ...rendered.terraform,
        { path: rendered.summaryPath, content: rendered.summary },
      ];
      await writeFilesAtomically(root, files);

      ctx.logger.info(
        `${ctx.isDryRun ? '[dry-run] ' : ''}Wrote grant "${spec.metadata.name}" for role ${plan.role.arn}: ` +
          `${files.length} files under ${targetPath}`,
      );
      for (const warning of [...plan.warnings, ...terraform.warnings]) ctx.logger.warn(warning);

      ctx.output('roleName', plan.role.name);
      ctx.output('roleArn', plan.role.arn);
      ctx.output('grantPath', shown(rendered.grantPath));
      ctx.output(
        'terraformPaths',
        rendered.terraform.map((file) => shown(file.path)),
      );
      ctx.output('summaryPath', shown(rendered.summaryPath));
      ctx.output('summary', rendered.summary);
    },
  });
}
