/** The checks that only show across grant files of one repository. */
import { type GrantPlan, type Problem, resourcePolicyOwnerProblems } from '@kinesis-access/policy-model';
import type { FileProblems } from './collect';
import type { LoadedGrant } from './load';

function otherFiles(group: readonly LoadedGrant[], self: LoadedGrant): string {
  return group
    .filter((g) => g !== self)
    .map((g) => g.file.displayPath)
    .join(', ');
}

function groupBy<T>(items: readonly T[], key: (item: T) => string | undefined): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    if (k === undefined) continue;
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

/**
 * Problems that only show across files: two grants with the same `metadata.name` (unique in the repo), two
 * grants that would create the same IAM role (or IAM user) in the same account, and two grants that both set the
 * resource policy of one stream (one owner per stream resource policy: applying one replaces the other). IAM names are unique per
 * account and case-insensitive, so `Role-A` and `role-a` in one account collide; the same role name in two
 * different accounts does not.
 */
export function findDuplicates(grants: readonly LoadedGrant[]): FileProblems[] {
  const valid = grants.filter((g): g is Extract<LoadedGrant, { ok: true }> => g.ok);
  const problems = new Map<LoadedGrant, Problem[]>();
  const add = (grant: LoadedGrant, problem: Problem): void => {
    const list = problems.get(grant);
    if (list) list.push(problem);
    else problems.set(grant, [problem]);
  };

  for (const [name, group] of groupBy(valid, (g) => g.spec.metadata.name)) {
    if (group.length < 2) continue;
    for (const grant of group) {
      add(grant, {
        path: 'metadata.name',
        message: `duplicate grant name "${name}": also used by ${otherFiles(group, grant)} (grant names must be unique)`,
      });
    }
  }

  const accountKey = (plan: GrantPlan, name: string): string =>
    `${plan.partition}:${plan.accountId}:${name.toLowerCase()}`;
  for (const [, group] of groupBy(valid, (g) => accountKey(g.plan, g.plan.role.name))) {
    if (group.length < 2) continue;
    for (const grant of group) {
      const explicit = grant.spec.spec.role?.name !== undefined;
      add(grant, {
        path: 'spec.role.name',
        message:
          `duplicate IAM role name "${grant.plan.role.name}"${explicit ? '' : ' (derived from metadata.name)'} in account ` +
          `${grant.plan.accountId}: also created by ${otherFiles(group, grant)} (IAM role names are unique per account, ignoring case)`,
      });
    }
  }

  for (const [, group] of groupBy(valid, (g) =>
    g.plan.iamUser ? accountKey(g.plan, g.plan.iamUser.name) : undefined,
  )) {
    if (group.length < 2) continue;
    for (const grant of group) {
      add(grant, {
        path: 'spec.upsolver.credentials',
        message:
          `duplicate IAM user name "${grant.plan.iamUser?.name}" in account ${grant.plan.accountId}: ` +
          `also created by ${otherFiles(group, grant)}`,
      });
    }
  }

  const byFile = new Map(valid.map((g) => [g.file.displayPath, g] as const));
  for (const entry of resourcePolicyOwnerProblems(
    valid.map((g) => ({
      file: g.file.displayPath,
      plan: g.plan,
      text: g.text,
    })),
  )) {
    const grant = byFile.get(entry.file);
    if (grant !== undefined) for (const problem of entry.problems) add(grant, problem);
  }

  return valid
    .filter((g) => problems.has(g))
    .map((g) => ({ file: g.file.displayPath, problems: problems.get(g) ?? [] }));
}
