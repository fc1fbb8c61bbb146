/**
 * Cells of the group `resource-policy`: each granted stream's resource policy shares the profile's shareable
 * actions with the listed principals only, and reaches no other stream. A resource policy where the grant shares
 * nothing, on a stream outside the grant, or missing on a granted stream is a structural failure.
 */
import { streamArn } from '../arn';
import { actionsOn } from '../catalog';
import { DANGEROUS_STREAM_ACTIONS } from '../profiles';
import type { CellSetup, GrantPolicies } from '../types';
import { allowedSet, callerFor, type MatrixContext } from './context';

export async function addResourcePolicyCells(ctx: MatrixContext, policies: GrantPolicies): Promise<void> {
  const { exp, list, req, structural, granted, partition } = ctx;
  const sharedWith = ctx.intent.resourcePolicyPrincipals ?? [];
  const rps = policies.resourcePolicies ?? [];
  if (sharedWith.length === 0) {
    for (const rp of rps) {
      structural.push({
        group: 'structure',
        why: `a resource policy on ${rp.resourceArn} although the grant shares nothing`,
        expected: 'no resource policy',
        got: 'a resource policy',
      });
    }
    return;
  }
  const byArn = new Set(rps.map((r) => r.resourceArn));
  for (const rp of rps) {
    if (!granted.has(rp.resourceArn)) {
      structural.push({
        group: 'structure',
        why: `a resource policy on ${rp.resourceArn}, which is not a granted stream`,
        expected: 'resource policies only on granted streams',
        got: rp.resourceArn,
      });
    }
  }
  const shareAllowed = allowedSet(exp.share);
  const shareCandidates = ctx.full
    ? await actionsOn('kinesis', 'stream')
    : [...new Set([...DANGEROUS_STREAM_ACTIONS, ...exp.stream.required, ...exp.stream.optional])];
  for (const s of ctx.streams) {
    if (!byArn.has(s.arn)) {
      structural.push({
        group: 'structure',
        why: `no resource policy on the granted stream ${s.arn}`,
        expected: 'a resource policy sharing the stream',
        got: 'none',
      });
      continue;
    }
    const setup: CellSetup = { kind: 'resource-policy', policyOf: s.arn };
    for (const p of sharedWith) {
      const caller = callerFor(p, partition);
      for (const a of exp.share.required) {
        list.add(
          'resource-policy',
          `${p} shares ${a} on ${s.name}`,
          'Allowed',
          req(`kinesis:${a}`, s.arn, {}, caller),
          setup,
        );
      }
      for (const a of shareCandidates) {
        if (shareAllowed.has(a)) continue;
        list.add(
          'resource-policy',
          `${a} is not shared with ${p}`,
          'Denied',
          req(`kinesis:${a}`, s.arn, {}, caller),
          setup,
        );
      }
      const neighbour = streamArn(s.partition, s.region, s.account, `${s.name}-other`);
      if (!granted.has(neighbour)) {
        for (const a of exp.share.required) {
          list.add(
            'resource-policy',
            `${s.name}'s resource policy does not reach another stream`,
            'Denied',
            req(`kinesis:${a}`, neighbour, {}, caller),
            setup,
          );
        }
      }
    }
    const stranger = `arn:${partition}:iam::${ctx.foreignAccount}:role/kinesis-access-not-shared`;
    for (const a of exp.share.required) {
      list.add(
        'resource-policy',
        `${a} is not shared with an unlisted principal`,
        'Denied',
        req(`kinesis:${a}`, s.arn, {}, stranger),
        setup,
      );
    }
  }
}
