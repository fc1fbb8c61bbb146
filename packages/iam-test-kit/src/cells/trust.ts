/**
 * Cells of the group `trust`: the trusted principals may assume the role (with the external id, and the extra
 * trust actions only when asked for); strangers next to them may not. A role grant without a trust policy is a
 * structural failure.
 */
import { isAccountPrincipal, otherPartition, parseArn, principalAccount } from '../arn';
import type { CellSetup, GrantPolicies, SimRequest } from '../types';
import { callerFor, type MatrixContext } from './context';

export function addTrustCells(ctx: MatrixContext, policies: GrantPolicies): void {
  const { intent, list, identity: roleArn, identityAccount: roleAccount, foreignAccount } = ctx;
  if (intent.trustedPrincipals.length === 0) return;
  if (policies.trustPolicy === undefined) {
    ctx.structural.push({
      group: 'structure',
      why: 'the role has no trust policy',
      expected: 'a trust policy',
      got: 'none',
    });
    return;
  }
  const trust: CellSetup = { kind: 'trust' };
  const ext = intent.externalId;
  const extCtx: Record<string, string> = ext === undefined ? {} : { 'sts:ExternalId': ext };
  const extras = new Set(intent.extraTrustActions ?? []);
  const rolePartition = parseArn(roleArn).partition;
  const assume = (
    principal: string,
    context: Record<string, string>,
    action = 'sts:AssumeRole',
  ): SimRequest => ({
    principal,
    action,
    resource: roleArn,
    resourceAccount: roleAccount,
    context,
  });
  const trustedAccounts = new Set(intent.trustedPrincipals.filter(isAccountPrincipal).map(principalAccount));
  const trusted = new Set(intent.trustedPrincipals);
  for (const p of intent.trustedPrincipals) {
    const caller = callerFor(p, rolePartition);
    list.add('trust', `${p} may assume the role (sts:AssumeRole)`, 'Allowed', assume(caller, extCtx), trust);
    if (ext !== undefined) {
      list.add('trust', `${p} without the external id`, 'Denied', assume(caller, {}), trust);
      list.add(
        'trust',
        `${p} with a wrong external id`,
        'Denied',
        assume(caller, { 'sts:ExternalId': `${ext}-wrong` }),
        trust,
      );
    }
    for (const action of ['sts:TagSession', 'sts:SetSourceIdentity']) {
      const asked = extras.has(action);
      list.add(
        'trust',
        asked ? `${action} was asked for` : `${action} was not asked for`,
        asked ? 'Allowed' : 'Denied',
        assume(caller, extCtx, action),
        trust,
      );
    }
  }
  const strangers: { why: string; arn: string }[] = [];
  const principalAccounts = new Set(intent.trustedPrincipals.map(principalAccount));
  for (const account of principalAccounts) {
    if (!trustedAccounts.has(account)) {
      strangers.push({
        why: `another role in the trusted principal's account ${account}`,
        arn: `arn:${rolePartition}:iam::${account}:role/kinesis-access-not-trusted`,
      });
    }
  }
  if (!trustedAccounts.has(roleAccount)) {
    strangers.push({
      why: "another role in the granted role's own account",
      arn: `arn:${rolePartition}:iam::${roleAccount}:role/kinesis-access-not-trusted`,
    });
  }
  const firstRole = intent.trustedPrincipals.find((p) => !isAccountPrincipal(p));
  if (firstRole !== undefined) {
    const p = parseArn(firstRole);
    strangers.push({
      why: 'the trusted role name in another account',
      arn: `arn:${p.partition}:${p.service}::${foreignAccount}:${p.resource}`,
    });
    const name = p.resource.split('/').pop() ?? 'x';
    strangers.push({
      why: 'an IAM user with the trusted role name',
      arn: `arn:${p.partition}:iam::${p.account}:user/${name}`,
    });
    const other = otherPartition(p.partition);
    strangers.push({
      why: 'the trusted role ARN in another partition',
      arn: `arn:${other.partition}:${p.service}::${p.account}:${p.resource}`,
    });
  }
  strangers.push({
    why: 'a role in an unrelated account',
    arn: `arn:${rolePartition}:iam::${foreignAccount}:role/kinesis-access-not-trusted`,
  });
  for (const s of strangers) {
    if (trusted.has(s.arn)) continue;
    list.add('trust', `${s.why} may not assume the role`, 'Denied', assume(s.arn, extCtx), trust);
  }
}
