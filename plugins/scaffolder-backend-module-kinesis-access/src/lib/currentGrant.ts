import { promises as fs } from 'node:fs';
import path from 'node:path';
import { resolveSafeChildPath } from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import { GRANTS_DIR, loadGrants } from '@kinesis-access/grant-files';
import { formatProblem, type GrantPlan, type GrantSpec } from '@kinesis-access/policy-model';

/** Where the change and revoke actions find the infra repository's current files in the workspace. */
export const DEFAULT_CURRENT_PATH = 'current';
/** Where they write the files of the pull request (the `sourcePath` of publish:github:pull-request). */
export const DEFAULT_CHANGES_PATH = 'changes';

/**
 * The `currentPath` input field of the change and revoke actions, for their `schema.input` (`z` is the
 * scaffolder's zod).
 */
export function currentPathInput<T>(z: { string(params: { description: string }): { optional(): T } }): T {
  return z
    .string({
      description: `Workspace directory holding a checkout of the infra repository. Default: ${DEFAULT_CURRENT_PATH}.`,
    })
    .optional();
}

/** A grant as it is in the infra repository now. */
export interface CurrentGrant {
  /** The grant file, relative to the repository root ('/'-separated), e.g. `grants/team-a/orders.yaml`. */
  readonly file: string;
  readonly text: string;
  readonly spec: GrantSpec;
  readonly plan: GrantPlan;
}

const toPosix = (file: string): string => file.split(path.sep).join('/');

/**
 * Finds the grant named `name` (its `metadata.name`, wherever its file is under `grants/`) in a checkout of the
 * infra repository. Every way this can fail is an InputError that names the input field: `currentPath` when there
 * is no checkout, `name` when no valid grant has that name (listing the names there are).
 */
export async function readCurrentGrant(
  root: string,
  shownRoot: string,
  name: string,
  actionId: string,
): Promise<CurrentGrant> {
  const grantsDir = resolveSafeChildPath(root, GRANTS_DIR);
  const stat = await fs.stat(grantsDir).catch(() => undefined);
  if (!stat?.isDirectory()) {
    throw new InputError(
      `${actionId}: currentPath: no ${GRANTS_DIR}/ directory in "${shownRoot}" — fetch the infrastructure repository ` +
        'there first (e.g. with fetch:plain), received currentPath "' +
        `${shownRoot}"`,
    );
  }
  const { loaded } = loadGrants([GRANTS_DIR], { cwd: root });
  const names: string[] = [];
  for (const grant of loaded) {
    if (grant.ok) {
      names.push(grant.spec.metadata.name);
      if (grant.spec.metadata.name === name) {
        return {
          file: toPosix(grant.file.displayPath),
          text: grant.text,
          spec: grant.spec,
          plan: grant.plan,
        };
      }
    }
  }
  // The grant may be there but invalid: say so rather than "not found".
  const invalid = loaded.filter(
    (g) => !g.ok && path.basename(g.file.displayPath).replace(/\.ya?ml$/i, '') === name,
  );
  if (invalid.length > 0) {
    const problems = invalid.flatMap((g) =>
      g.ok ? [] : g.problems.map((p) => `  - ${formatProblem(p, toPosix(g.file.displayPath))}`),
    );
    throw new InputError(
      `${actionId}: name: the grant file of "${name}" in the repository is not valid; fix it first:\n${problems.join('\n')}`,
    );
  }
  const known = names.sort();
  throw new InputError(
    `${actionId}: name: no grant named "${name}" under ${shownRoot}/${GRANTS_DIR}, received "${name}"` +
      (known.length === 0 ? ' (there are no grants)' : ` (grants there: ${known.join(', ')})`),
  );
}

/** Where a change or revoke action reads the infra repository and writes the pull request's files. */
export interface GrantWorkspace {
  /** The grant's name, trimmed. */
  readonly name: string;
  /** The input currentPath (or its default), as given. */
  readonly currentPath: string;
  /** The input targetPath (or its default), as given. */
  readonly targetPath: string;
  /** currentPath resolved inside the workspace. */
  readonly currentRoot: string;
  /** targetPath resolved inside the workspace. */
  readonly targetRoot: string;
}

/**
 * Checks and resolves the inputs the change and revoke actions share: a non-empty `name`, and a `currentPath` and
 * `targetPath` inside the workspace that are not the same directory (`sameDirectoryReason` says why, in the error).
 */
export function resolveGrantWorkspace(
  workspacePath: string,
  input: { readonly name?: unknown; readonly currentPath?: string; readonly targetPath?: string },
  actionId: string,
  sameDirectoryReason: string,
): GrantWorkspace {
  const name = typeof input.name === 'string' ? input.name.trim() : '';
  if (name === '')
    throw new InputError(`${actionId}: name: is required, received ${JSON.stringify(input.name)}`);
  const currentPath = input.currentPath?.trim() || DEFAULT_CURRENT_PATH;
  const targetPath = input.targetPath?.trim() || DEFAULT_CHANGES_PATH;
  const currentRoot = resolveSafeChildPath(workspacePath, currentPath);
  const targetRoot = resolveSafeChildPath(workspacePath, targetPath);
  if (path.relative(currentRoot, targetRoot) === '') {
    throw new InputError(
      `${actionId}: targetPath: must differ from currentPath (${sameDirectoryReason}), received "${targetPath}"`,
    );
  }
  return { name, currentPath, targetPath, currentRoot, targetRoot };
}

/**
 * The start of the change and revoke actions: their workspace (see {@link resolveGrantWorkspace}) and the grant as
 * the checkout in `currentPath` has it (see {@link readCurrentGrant}).
 */
export async function openCurrentGrant(
  workspacePath: string,
  input: { readonly name?: unknown; readonly currentPath?: string; readonly targetPath?: string },
  actionId: string,
  sameDirectoryReason: string,
): Promise<GrantWorkspace & { readonly current: CurrentGrant }> {
  const workspace = resolveGrantWorkspace(workspacePath, input, actionId, sameDirectoryReason);
  const current = await readCurrentGrant(
    workspace.currentRoot,
    workspace.currentPath,
    workspace.name,
    actionId,
  );
  return { ...workspace, current };
}
