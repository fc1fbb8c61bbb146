/**
 * The cross-field rules, one per section of the grant, on the raw input (so they run even when some other
 * field is wrong). The stream rule runs first: the others check against the streams' partition and account.
 */
import type { RawProblem } from './problems';
import { isProfileName } from './profiles';
import { asObj, type RuleInput } from './rule-context';
import { kclRules } from './rule-kcl';
import { principalRules } from './rule-principal';
import { profileRules } from './rule-profile';
import { resourcePolicyRules } from './rule-resource-policy';
import { roleRules } from './rule-role';
import { streamRules } from './rule-streams';
import type { ProfileName } from './types';

export function crossFieldProblems(input: unknown): RawProblem[] {
  const problems: RawProblem[] = [];
  const root = asObj(input);
  const spec = asObj(root?.spec);
  if (root === undefined || spec === undefined) return problems;
  const metadata = asObj(root.metadata);
  const profile: ProfileName | undefined =
    spec.profile === undefined ? 'clickpipes' : isProfileName(spec.profile) ? spec.profile : undefined;
  const rules: RuleInput = {
    spec,
    metadata,
    grant: typeof metadata?.name === 'string' ? JSON.stringify(metadata.name.slice(0, 63)) : '(unnamed)',
    profile,
    add: (path, message) => problems.push({ path, message }),
  };
  const facts = streamRules(rules);
  principalRules(rules, facts);
  roleRules(rules, facts);
  profileRules(rules);
  kclRules(rules, facts);
  resourcePolicyRules(rules, facts);
  return problems;
}
