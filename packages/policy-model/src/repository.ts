/**
 * Rules that span the grants of one repository (the model's part; reading files is the callers' job).
 * One owner per AWS resource: a Kinesis stream has one resource policy, and PutResourcePolicy replaces it
 * whole, so two grants that both set `resourcePolicy` on a stream would silently overwrite each other.
 */
import { locateField } from './parse';
import { compareCodeUnits } from './compare';
import type { GrantPlan, Problem } from './types';

/** One grant of a repository: where it lives, its plan, and (for line numbers) its YAML text. */
export interface RepositoryGrant {
  /** The file as shown to people, e.g. `grants/orders.yaml`. */
  readonly file: string;
  readonly plan: GrantPlan;
  readonly text?: string;
}

/** Problems of one file. */
export interface RepositoryProblems {
  readonly file: string;
  readonly problems: readonly Problem[];
}

/**
 * Every stream whose resource policy more than one grant sets: each of those grants gets a problem at
 * `spec.resourcePolicy` naming the stream(s) and the other file(s). Sorted by file.
 */
export function resourcePolicyOwnerProblems(grants: readonly RepositoryGrant[]): RepositoryProblems[] {
  const owners = new Map<string, RepositoryGrant[]>();
  for (const grant of grants) {
    for (const arn of new Set(grant.plan.resourcePolicies.map((rp) => rp.resourceArn))) {
      const list = owners.get(arn);
      if (list) list.push(grant);
      else owners.set(arn, [grant]);
    }
  }
  const out = new Map<RepositoryGrant, Map<RepositoryGrant, string[]>>();
  for (const [arn, list] of owners) {
    if (list.length < 2) continue;
    for (const grant of list) {
      const byOther = out.get(grant) ?? new Map<RepositoryGrant, string[]>();
      for (const other of list) {
        if (other === grant) continue;
        const streams = byOther.get(other) ?? [];
        streams.push(arn);
        byOther.set(other, streams);
      }
      out.set(grant, byOther);
    }
  }
  return [...out.entries()]
    .map(([grant, byOther]) => {
      const at = grant.text === undefined ? undefined : locateField(grant.text, ['spec', 'resourcePolicy']);
      const problems = [...byOther.entries()]
        .sort(([a], [b]) => compareCodeUnits(a.file, b.file))
        .map(([other, streams]): Problem => {
          const list = [...streams].sort(compareCodeUnits);
          return {
            path: 'spec.resourcePolicy',
            message:
              `the resource policy of ${list.length === 1 ? 'stream' : 'streams'} ${list.join(', ')} is also set by ` +
              `${other.file} (grant "${other.plan.grantName}"), and ${grant.file} sets it too (grant "${grant.plan.grantName}"). ` +
              'A stream has one resource policy and applying one replaces the whole policy, so the last apply would silently remove the other ' +
              "grant's access. One grant must own it: list every partner in that grant's spec.resourcePolicy.principals and remove resourcePolicy from the other",
            ...(at === undefined ? {} : { line: at.line, column: at.column }),
          };
        });
      return { file: grant.file, problems };
    })
    .sort((a, b) => compareCodeUnits(a.file, b.file));
}
