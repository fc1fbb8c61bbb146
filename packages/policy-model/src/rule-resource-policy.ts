/** Rule for `spec.resourcePolicy.principals`: in the streams' partition, each named once. */
import { parsePrincipalArn } from './arn';
import { received } from './problems';
import { asArray, asObj, type RuleInput, type StreamFacts } from './rule-context';

export function resourcePolicyRules({ spec, add }: RuleInput, { samePartition }: StreamFacts): void {
  const resourcePrincipals = new Map<string, number>();
  asArray(asObj(spec.resourcePolicy)?.principals).forEach((value, i) => {
    if (typeof value !== 'string') return;
    const parsed = parsePrincipalArn(value);
    if (!parsed.ok) return;
    samePartition(['spec', 'resourcePolicy', 'principals', i], value, parsed.arn.partition);
    const previous = resourcePrincipals.get(value);
    if (previous !== undefined) {
      add(
        ['spec', 'resourcePolicy', 'principals', i],
        received(`duplicate principal: same as spec.resourcePolicy.principals[${previous}]`, value),
      );
    } else {
      resourcePrincipals.set(value, i);
    }
  });
}
