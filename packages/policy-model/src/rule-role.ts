/**
 * Rule for `spec.role` (and the default role name from `metadata.name`): the clickpipes prefix, the IAM name
 * length quota, a permissions boundary in the streams' partition and account (or AWS managed), and the tags
 * (the quota; keys that differ only in case).
 */
import { parsePolicyArn } from './arn';
import { CLICKPIPES_ROLE_PREFIX, defaultRoleName, GRANT_NAME, QUOTAS } from './iam';
import { received } from './problems';
import { asObj, type RuleInput, type StreamFacts } from './rule-context';

export function roleRules(input: RuleInput, facts: StreamFacts): void {
  const { spec, metadata, grant, profile, add } = input;
  const role = asObj(spec.role);
  if (
    profile === 'clickpipes' &&
    typeof role?.name === 'string' &&
    !role.name.startsWith(CLICKPIPES_ROLE_PREFIX)
  ) {
    add(
      ['spec', 'role', 'name'],
      received(
        `the clickpipes profile needs a role name starting with "${CLICKPIPES_ROLE_PREFIX}" (ClickPipes refuses others)`,
        role.name,
      ),
    );
  } else if (profile === 'clickpipes' && role?.name === CLICKPIPES_ROLE_PREFIX) {
    add(
      ['spec', 'role', 'name'],
      received(`a role name needs more than the prefix "${CLICKPIPES_ROLE_PREFIX}"`, role.name),
    );
  }
  if (
    role?.name === undefined &&
    profile !== undefined &&
    typeof metadata?.name === 'string' &&
    GRANT_NAME.test(metadata.name)
  ) {
    const derived = defaultRoleName(metadata.name, profile);
    if (derived.length > QUOTAS.roleNameLength) {
      add(
        ['metadata', 'name'],
        received(
          `grant ${grant}: the default role name "${derived}" is ${derived.length} characters; the IAM quota is ${QUOTAS.roleNameLength} (shorten the name or set spec.role.name)`,
          metadata.name,
        ),
      );
    }
  }
  if (typeof role?.name === 'string' && role.name.length > QUOTAS.roleNameLength) {
    add(
      ['spec', 'role', 'name'],
      received(
        `grant ${grant}: the role name is ${role.name.length} characters; the IAM quota is ${QUOTAS.roleNameLength}`,
        role.name,
      ),
    );
  }
  if (typeof role?.permissionsBoundaryArn === 'string') {
    boundaryRule(role.permissionsBoundaryArn, input, facts);
  }
  tagRules(asObj(role?.tags), input);
}

function boundaryRule(text: string, { add }: RuleInput, { accountId, samePartition }: StreamFacts): void {
  const boundary = parsePolicyArn(text);
  if (!boundary.ok) return;
  samePartition(['spec', 'role', 'permissionsBoundaryArn'], text, boundary.arn.partition);
  if (accountId !== undefined && boundary.arn.accountId !== 'aws' && boundary.arn.accountId !== accountId) {
    add(
      ['spec', 'role', 'permissionsBoundaryArn'],
      received(
        `the permissions boundary must be an AWS managed policy or a policy of the streams' account ${accountId}`,
        text,
      ),
    );
  }
}

function tagRules(tags: Record<string, unknown> | undefined, { grant, add }: RuleInput): void {
  if (tags === undefined) return;
  const keys = Object.keys(tags);
  if (keys.length > QUOTAS.roleTags) {
    add(
      ['spec', 'role', 'tags'],
      `grant ${grant}: ${keys.length} tags; the IAM quota is ${QUOTAS.roleTags} tags per role`,
    );
  }
  const lower = new Map<string, string>();
  for (const key of keys) {
    const other = lower.get(key.toLowerCase());
    if (other !== undefined)
      add(
        ['spec', 'role', 'tags', key],
        `tag keys differ only in case from "${other}" (IAM tag keys are case-insensitive)`,
      );
    else lower.set(key.toLowerCase(), key);
  }
}
