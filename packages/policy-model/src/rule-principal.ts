/**
 * Rule for `spec.principal`: the trusted roles in the streams' partition, each named once; each extra trust
 * action named once.
 */
import { parseRoleArn } from './arn';
import { type PathSegment, received, toProblem } from './problems';
import { asArray, asObj, type RuleInput, type StreamFacts } from './rule-context';

export function principalRules({ spec, add }: RuleInput, { samePartition }: StreamFacts): void {
  const principal = asObj(spec.principal);
  const principals = new Map<string, string>();
  const checkPrincipal = (path: PathSegment[], value: unknown) => {
    if (typeof value !== 'string') return;
    const parsed = parseRoleArn(value);
    if (!parsed.ok) return;
    samePartition(path, value, parsed.arn.partition);
    const previous = principals.get(value);
    if (previous !== undefined) add(path, received(`duplicate principal: same as ${previous}`, value));
    else principals.set(value, pathText(path));
  };
  checkPrincipal(['spec', 'principal', 'roleArn'], principal?.roleArn);
  asArray(principal?.additionalRoleArns).forEach((value, i) => {
    checkPrincipal(['spec', 'principal', 'additionalRoleArns', i], value);
  });
  duplicates(asArray(principal?.extraTrustActions), (i, value) =>
    add(['spec', 'principal', 'extraTrustActions', i], received('duplicate trust action', value)),
  );
}

function duplicates(values: readonly unknown[], report: (index: number, value: unknown) => void): void {
  const seen = new Set<unknown>();
  values.forEach((value, index) => {
    if (seen.has(value)) report(index, value);
    seen.add(value);
  });
}

function pathText(path: PathSegment[]): string {
  return toProblem({ path, message: '' }).path;
}
