/**
 * Changing an existing grant: streams added and removed, KMS keys set or cleared, the ClickHouse (principal) role
 * swapped. The input is the "Change Kinesis access" template's parameters (= the `kinesis:access:change` action's
 * input); the result is the changed grant, validated and planned by the model like any other, or every problem
 * with the input field it belongs to. Pure and browser-safe (the form preview can use it too).
 */
import { planGrant } from './plan';
import type { GrantPlan, GrantSpec, GrantStream, Problem, Result } from './types';
import { validateGrant } from './validate';

/** The change parameters. Every field is optional; at least one must change the grant. */
export interface GrantChangeInput {
  /** Streams to add (with their KMS key when encrypted). */
  readonly addStreams?: readonly { readonly arn?: string; readonly kmsKeyArn?: string }[];
  /** ARNs of streams to remove (at least one stream must stay: revoke the grant to remove them all). */
  readonly removeStreams?: readonly string[];
  /** New KMS key of a stream already in the grant; an empty `kmsKeyArn` means the stream is not (any more) encrypted. */
  readonly kmsKeys?: readonly { readonly streamArn?: string; readonly kmsKeyArn?: string }[];
  /** The new principal (ClickHouse service) role ARN. */
  readonly clickhouseRoleArn?: string;
}

/** The changed grant. */
export interface ChangedGrant {
  readonly spec: GrantSpec;
  readonly plan: GrantPlan;
}

const given = (value: unknown): string | undefined =>
  typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;

/** Where each stream of the changed grant came from, to name the input field a problem belongs to. */
type Origin =
  | { readonly kind: 'kept'; readonly keyFrom?: number }
  | { readonly kind: 'added'; readonly index: number };

/**
 * Apply a change to a valid grant. Problems are reported against the change input (`addStreams[1].arn`,
 * `removeStreams[0]`, `kmsKeys[0].streamArn`, `clickhouseRoleArn`), or against the grant file (`spec.…`) for
 * anything the input did not touch. A change that changes nothing is a problem too.
 */
export function changeGrant(current: GrantSpec, change: GrantChangeInput): Result<ChangedGrant> {
  const problems: Problem[] = [];
  const name = current.metadata.name;
  const currentArns = current.spec.streams.map((s) => s.arn);
  const listed = `its streams: ${currentArns.join(', ')}`;

  // Removed streams must be in the grant.
  const removed = new Set<string>();
  (change.removeStreams ?? []).forEach((raw, i) => {
    const arn = given(raw);
    if (arn === undefined) return;
    if (!currentArns.includes(arn)) {
      problems.push({
        path: `removeStreams[${i}]`,
        message: `is not a stream of grant "${name}" (${listed}), received "${raw}"`,
      });
    } else removed.add(arn);
  });

  const streams: GrantStream[] = [];
  const origins: Origin[] = [];
  for (const stream of current.spec.streams) {
    if (removed.has(stream.arn)) continue;
    streams.push(stream);
    origins.push({ kind: 'kept' });
  }

  // Added streams must be new.
  (change.addStreams ?? []).forEach((row, i) => {
    const arn = given(row?.arn);
    const kmsKeyArn = given(row?.kmsKeyArn);
    if (arn === undefined) {
      if (kmsKeyArn !== undefined)
        problems.push({ path: `addStreams[${i}].arn`, message: 'is required when a KMS key is given' });
      return;
    }
    if (streams.some((s) => s.arn === arn) && !removed.has(arn)) {
      problems.push({
        path: `addStreams[${i}].arn`,
        message: `is already a stream of grant "${name}" (use kmsKeys to change its key), received "${arn}"`,
      });
      return;
    }
    streams.push(kmsKeyArn === undefined ? { arn } : { arn, kmsKeyArn });
    origins.push({ kind: 'added', index: i });
  });

  // New keys for streams of the changed grant.
  (change.kmsKeys ?? []).forEach((row, i) => {
    const streamArn = given(row?.streamArn);
    if (streamArn === undefined) {
      if (given(row?.kmsKeyArn) !== undefined)
        problems.push({
          path: `kmsKeys[${i}].streamArn`,
          message: 'is required: which stream the key is for',
        });
      return;
    }
    const at = streams.findIndex((s) => s.arn === streamArn);
    if (at < 0) {
      problems.push({
        path: `kmsKeys[${i}].streamArn`,
        message: `is not a stream of the changed grant "${name}" (${streams.map((s) => s.arn).join(', ') || 'none'}), received "${streamArn}"`,
      });
      return;
    }
    const kmsKeyArn = given(row?.kmsKeyArn);
    streams[at] = kmsKeyArn === undefined ? { arn: streamArn } : { arn: streamArn, kmsKeyArn };
    const origin = origins[at];
    if (origin?.kind === 'kept') origins[at] = { kind: 'kept', keyFrom: i };
  });

  const principal = given(change.clickhouseRoleArn);
  if (streams.length === 0 && removed.size > 0) {
    problems.push({
      path: 'removeStreams',
      message: `removes every stream of grant "${name}": revoke the grant instead (the "Revoke Kinesis access" template)`,
    });
  }
  if (problems.length > 0) return { ok: false, problems };

  const raw = structuredClone({
    ...current,
    spec: {
      ...current.spec,
      principal: { ...current.spec.principal, ...(principal === undefined ? {} : { roleArn: principal }) },
      streams,
    },
  });
  const validated = validateGrant(raw);
  if (!validated.ok)
    return { ok: false, problems: validated.problems.map((p) => toChangePath(p, origins, principal)) };
  if (JSON.stringify(validated.value) === JSON.stringify(current)) {
    return {
      ok: false,
      problems: [{ path: '', message: `the change leaves grant "${name}" as it is: nothing to change` }],
    };
  }
  const planned = planGrant(validated.value);
  if (!planned.ok)
    return { ok: false, problems: planned.problems.map((p) => toChangePath(p, origins, principal)) };
  return { ok: true, value: { spec: validated.value, plan: planned.value } };
}

/** A problem of the changed grant, renamed to the change input field it comes from when there is one. */
function toChangePath(problem: Problem, origins: readonly Origin[], principal: string | undefined): Problem {
  const stream = /^spec\.streams\[(\d+)\](.*)$/.exec(problem.path);
  if (stream !== null) {
    const origin = origins[Number(stream[1])];
    const rest = stream[2] ?? '';
    if (origin?.kind === 'added') return { ...problem, path: `addStreams[${origin.index}]${rest}` };
    if (origin?.kind === 'kept' && origin.keyFrom !== undefined && rest === '.kmsKeyArn')
      return { ...problem, path: `kmsKeys[${origin.keyFrom}].kmsKeyArn` };
    return problem;
  }
  if (principal !== undefined && problem.path === 'spec.principal.roleArn')
    return { ...problem, path: 'clickhouseRoleArn' };
  return problem;
}
