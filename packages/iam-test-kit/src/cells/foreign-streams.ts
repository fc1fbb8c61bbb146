/** Cells of the group `foreign-stream`: the profile's actions on streams (and their consumers) outside the grant. */
import { consumerArn, otherPartition, PARTITION_REGIONS, type StreamRef, streamArn } from '../arn';
import { allowedSet, type MatrixContext } from './context';

/**
 * 'full': every action the profile may use, on every foreign variant. 'quick': every action on the neighbour
 * stream (the variant a `stream/*` or `stream/name*` widening hits first), and on the other variants (name
 * prefix, region, account, partition) the actions in turn, so that each action still meets several variants.
 */
export function addForeignStreamCells(ctx: MatrixContext): void {
  const { exp, intent, list, req, full } = ctx;
  const streamProbeActions = [...allowedSet(exp.stream)];
  const consumerProbeActions = [...allowedSet(exp.consumer)];
  const rotate = (actions: readonly string[], variant: number): readonly string[] =>
    full || variant === 0 ? actions : actions.filter((_, i) => i % 2 === variant % 2);
  for (const s of ctx.streams) {
    foreignStreams(s, ctx.streams, ctx.foreignAccount).forEach((f, variant) => {
      if (ctx.granted.has(f.arn)) return;
      for (const a of rotate(streamProbeActions, variant)) {
        list.add('foreign-stream', `${a} on ${f.why}`, 'Denied', req(`kinesis:${a}`, f.arn));
      }
      for (const a of rotate(consumerProbeActions, variant)) {
        list.add(
          'foreign-stream',
          `${a} on a consumer of ${f.why}`,
          'Denied',
          req(`kinesis:${a}`, consumerArn(f.arn, intent.consumerName)),
        );
      }
    });
  }
}

/** The streams next to `s` that a too-wide resource would reach: neighbour, name prefix, region, account, partition. */
function foreignStreams(
  s: StreamRef,
  all: readonly StreamRef[],
  foreignAccount: string,
): { why: string; arn: string }[] {
  const out: { why: string; arn: string }[] = [
    {
      why: `another stream next to ${s.name}`,
      arn: streamArn(s.partition, s.region, s.account, `${s.name}-other`),
    },
  ];
  if (s.name.length > 1) {
    out.push({
      why: `a stream whose name is a prefix of ${s.name}`,
      arn: streamArn(s.partition, s.region, s.account, s.name.slice(0, -1)),
    });
  }
  const takenRegions = new Set(
    all.filter((o) => o.name === s.name && o.account === s.account).map((o) => o.region),
  );
  const region = (PARTITION_REGIONS[s.partition] ?? []).find((r) => !takenRegions.has(r));
  if (region !== undefined) {
    out.push({
      why: `${s.name} in another region (${region})`,
      arn: streamArn(s.partition, region, s.account, s.name),
    });
  }
  out.push({
    why: `${s.name} in another account`,
    arn: streamArn(s.partition, s.region, foreignAccount, s.name),
  });
  const other = otherPartition(s.partition);
  out.push({
    why: `${s.name} in another partition (${other.partition})`,
    arn: streamArn(other.partition, other.region, s.account, s.name),
  });
  return out;
}
