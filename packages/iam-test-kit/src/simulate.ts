/**
 * One simulator call per matrix cell, through @cloud-copilot/iam-simulate (AGPL: this package is private and
 * only ever a devDependency).
 *
 * `runSimulation` validates the policies, the action and the resource type, and drops request context keys it
 * does not know for the action. Two keys that AWS does send are dropped by the simulator's key matching:
 * `kms:EncryptionContext:<key>` (a variable key with ':' instead of '/') and `sts:ExternalId` on the
 * sts:TagSession / sts:SetSourceIdentity half of an AssumeRole call. For those (and only those) the decision is
 * taken from `runUnsafeSimulation` with the full context, after the validated run has accepted the input.
 */
import {
  createValidatedPolicy,
  validateIdentityPolicy,
  validateResourcePolicy,
  validateTrustPolicy,
} from '@cloud-copilot/iam-policy';
import { runSimulation, runUnsafeSimulation, type Simulation } from '@cloud-copilot/iam-simulate';
import { dirname, join } from 'node:path';
import type { PolicyDocumentLike, SimRequest } from './types';

/**
 * Speed (no change of answers): iam-policy compares condition operators with
 * `a.localeCompare(b, undefined, { sensitivity: 'accent' })`, which builds a new ICU collator on every call
 * (≈6 µs; many calls per request — most of a simulation's time). ECMA-402 defines that call as
 * `new Intl.Collator(undefined, options).compare(a, b)`, so one cached collator answers identically. The
 * library's own exports are replaced (its modules call them through the exports object). If the files are
 * not where this version keeps them, nothing is changed and simulations are only slower.
 */
export function cacheIamPolicyCollator(): boolean {
  try {
    const simulateEntry = require.resolve('@cloud-copilot/iam-simulate');
    const policyEntry = require.resolve('@cloud-copilot/iam-policy', { paths: [dirname(simulateEntry)] });
    const utils = require(join(dirname(policyEntry), 'utils.js')) as Record<string, unknown>;
    if (
      typeof utils.caseInsensitiveEquals !== 'function' ||
      typeof utils.caseInsensitiveEndsWith !== 'function'
    ) {
      return false;
    }
    const collator = new Intl.Collator(undefined, { sensitivity: 'accent' });
    const equals = (first: string, second: string): boolean => collator.compare(first, second) === 0;
    utils.caseInsensitiveEquals = equals;
    utils.caseInsensitiveEndsWith = (value: string, suffix: string): boolean =>
      equals(value.slice(suffix.length * -1), suffix);
    return true;
  } catch {
    return false; // Leave the library as it is.
  }
}
cacheIamPolicyCollator();

export interface SimulationSetup {
  readonly identityPolicies: readonly PolicyDocumentLike[];
  readonly resourcePolicy?: PolicyDocumentLike;
}

export type SimOutcome =
  | { readonly kind: 'decision'; readonly result: 'Allowed' | 'ImplicitlyDenied' | 'ExplicitlyDenied' }
  | { readonly kind: 'error'; readonly message: string };

function simulatorGap(key: string, action: string): boolean {
  const k = key.toLowerCase();
  const a = action.toLowerCase();
  if (k.startsWith('kms:encryptioncontext:')) return a.startsWith('kms:');
  if (k === 'sts:externalid') return a === 'sts:tagsession' || a === 'sts:setsourceidentity';
  return false;
}

/**
 * Decide one request. `engine: 'validated'` (default) runs the validating simulator for every request;
 * `'fast'` skips per-request validation (≈10× faster) and must only be used after the policies were validated
 * once with {@link validatePolicies} — the matrix does that.
 */
export async function simulate(
  request: SimRequest,
  setup: SimulationSetup,
  engine: 'validated' | 'fast' = 'validated',
): Promise<SimOutcome> {
  const simulation: Simulation = {
    request: {
      principal: request.principal,
      action: request.action,
      resource: { resource: request.resource, accountId: request.resourceAccount },
      contextVariables: { ...request.context },
    },
    identityPolicies: setup.identityPolicies.map((policy, i) => ({ name: `policy-${i + 1}`, policy })),
    serviceControlPolicies: [],
    resourceControlPolicies: [],
    resourcePolicy: setup.resourcePolicy,
  };
  // The unsafe engine treats a `*` request resource as matching any policy resource; wildcard-only actions
  // need the validating engine's handling.
  if (engine === 'fast' && request.resource !== '*') {
    return {
      kind: 'decision',
      result: runUnsafeSimulation(withValidatedResourcePolicy(simulation, setup), {}),
    };
  }
  const validated = await runSimulation(simulation, {});
  if (validated.resultType === 'error') {
    // A consumer ARN also matches the `stream/${StreamName}` pattern, so for actions authorised on both
    // (PutResourcePolicy, TagResource, …) the simulator cannot pick the resource type and refuses the request.
    // The policies themselves were validated by the other cells of the matrix: decide without validation.
    if (validated.errors.message === 'multiple.resource.types' && isConsumerArn(request.resource)) {
      return {
        kind: 'decision',
        result: runUnsafeSimulation(withValidatedResourcePolicy(simulation, setup), {}),
      };
    }
    return { kind: 'error', message: JSON.stringify(validated.errors) };
  }
  const ignored =
    validated.resultType === 'single'
      ? (validated.result.ignoredContextKeys ?? [])
      : validated.results.flatMap((r) => r.ignoredContextKeys ?? []);
  const unexplained = ignored.filter((k) => !simulatorGap(k, request.action));
  if (unexplained.length > 0) {
    return {
      kind: 'error',
      message: `context keys not applicable to ${request.action}: ${unexplained.join(', ')} (iam-test-kit bug)`,
    };
  }
  if (ignored.length === 0) return { kind: 'decision', result: validated.overallResult };
  return {
    kind: 'decision',
    result: runUnsafeSimulation(withValidatedResourcePolicy(simulation, setup), {}),
  };
}

function isConsumerArn(arn: string): boolean {
  return /^arn:[^:]+:kinesis:[^:]*:\d{12}:stream\/[^/]+\/consumer\//.test(arn);
}

/** runUnsafeSimulation loads the resource policy without a name and crashes: hand it a pre-validated one. */
function withValidatedResourcePolicy(simulation: Simulation, setup: SimulationSetup): Simulation {
  return {
    ...simulation,
    resourcePolicy:
      setup.resourcePolicy === undefined
        ? undefined
        : createValidatedPolicy(setup.resourcePolicy, validateResourcePolicy, { name: 'ResourcePolicy' }),
  };
}

/** Syntax-check policies once (what `runSimulation` does per request); returns one line per problem. */
export function validatePolicies(
  kind: 'identity' | 'trust' | 'resource',
  documents: readonly { readonly name: string; readonly document: PolicyDocumentLike }[],
): string[] {
  const validate =
    kind === 'identity'
      ? validateIdentityPolicy
      : kind === 'trust'
        ? validateTrustPolicy
        : validateResourcePolicy;
  return documents.flatMap(({ name, document }) =>
    validate(document).map((e) => `${kind} policy ${name}: ${e.path}: ${e.message}`),
  );
}
