/**
 * The access diff: what each grant gains and loses between two versions of a repository (or of one grant file).
 *
 * Computed from the rendered policy documents of two {@link GrantPlan}s — the permission policies, the trust policy
 * and the stream resource policies — not from profile internals, so it says exactly what the deployed IAM changes,
 * whatever produced the statements. Each statement is expanded to one entry per action and resource (its
 * conditions kept beside it); statements the packer split over one condition's values are merged back
 * (access-conditions.ts), so re-packing alone is never reported as a change. Pure and browser-safe: the CLI, the
 * Backstage action and the form preview all use it.
 */
import { canonicalConditions, conditionsKey, list, normalize } from './access-conditions';
import { compareCodeUnits } from './compare';
import type { ConditionBlock, GrantPlan, PolicyDocument, PolicyStatement } from './types';

/** One action on one resource, allowed by a permission policy (under `conditions`, when there are any). */
export interface AccessEntry {
  readonly action: string;
  readonly resource: string;
  /** Canonical: operators and keys sorted, values sorted and de-duplicated. Absent when unconditional. */
  readonly conditions?: ConditionBlock;
}

/** One principal allowed one trust action on the role (`sts:AssumeRole`, `sts:TagSession`, …). */
export interface TrustEntry {
  readonly principal: string;
  readonly action: string;
  readonly conditions?: ConditionBlock;
}

/** One principal allowed one action on one stream by a stream resource policy (cross-account sharing). */
export interface SharedEntry {
  readonly principal: string;
  readonly action: string;
  readonly resource: string;
  readonly conditions?: ConditionBlock;
}

/** The access one grant gives, normalized: sorted, de-duplicated, independent of statement packing. */
export interface GrantAccess {
  readonly name: string;
  readonly profile: string;
  /** The role ARN (a changed ARN means a new role: whoever uses it needs the new ARN). */
  readonly roleArn: string;
  readonly allow: readonly AccessEntry[];
  readonly trust: readonly TrustEntry[];
  readonly shared: readonly SharedEntry[];
}

export interface Added<T> {
  readonly added: readonly T[];
  readonly removed: readonly T[];
}

export type GrantChange = 'added' | 'removed' | 'changed' | 'unchanged';

/** What one grant gains and loses. `allow` and `principals` are the DESIGN.md contract; the rest adds detail. */
export interface GrantAccessDiff {
  readonly name: string;
  readonly change: GrantChange;
  /** Permissions of the role, one entry per action and resource. */
  readonly allow: Added<AccessEntry>;
  /** Who may assume the role. */
  readonly principals: Added<string>;
  /** Everything about assuming the role: trust actions, the external ID, and the exact trust entries. */
  readonly trust: {
    readonly actions: Added<string>;
    /** Present when the `sts:ExternalId` the role requires changes (`null`: none required on that side). */
    readonly externalId?: { readonly before: string | null; readonly after: string | null };
    readonly entries: Added<TrustEntry>;
  };
  /** Stream resource policies: who else may call what on the streams. */
  readonly shared: Added<SharedEntry>;
  /** `before`/`after` differ when the role is replaced (`null` on the side without the grant). */
  readonly role: { readonly before: string | null; readonly after: string | null };
  readonly profile: { readonly before: string | null; readonly after: string | null };
}

/** The `kinesis-access diff --format json` document. Grants sorted by name. */
export interface AccessDiff {
  readonly grants: readonly GrantAccessDiff[];
}

const EXTERNAL_ID_KEY = 'sts:ExternalId';

const withConditions = (statement: PolicyStatement): { conditions?: ConditionBlock } => {
  const conditions = canonicalConditions(statement.Condition);
  return conditions === undefined ? {} : { conditions };
};

function compareEntries(a: AccessEntry, b: AccessEntry): number {
  return (
    compareCodeUnits(a.action, b.action) ||
    compareCodeUnits(a.resource, b.resource) ||
    compareCodeUnits(conditionsKey(a.conditions), conditionsKey(b.conditions))
  );
}

function compareTrust(a: TrustEntry, b: TrustEntry): number {
  return (
    compareCodeUnits(a.principal, b.principal) ||
    compareCodeUnits(a.action, b.action) ||
    compareCodeUnits(conditionsKey(a.conditions), conditionsKey(b.conditions))
  );
}

function compareShared(a: SharedEntry, b: SharedEntry): number {
  return (
    compareCodeUnits(a.principal, b.principal) ||
    compareCodeUnits(a.action, b.action) ||
    compareCodeUnits(a.resource, b.resource) ||
    compareCodeUnits(conditionsKey(a.conditions), conditionsKey(b.conditions))
  );
}

/** Allow statements only: the model emits no Deny. */
const allowStatements = (documents: readonly PolicyDocument[]): PolicyStatement[] =>
  documents.flatMap((d) => d.Statement.filter((s) => s.Effect === 'Allow'));

/** The access one plan gives, read off its rendered policy documents. */
export function accessOf(plan: GrantPlan): GrantAccess {
  const allow: AccessEntry[] = [];
  for (const statement of allowStatements(plan.policies.map((p) => p.document))) {
    const conditions = withConditions(statement);
    for (const action of list(statement.Action))
      for (const resource of list(statement.Resource)) allow.push({ action, resource, ...conditions });
  }
  const trust: TrustEntry[] = [];
  for (const statement of allowStatements([plan.trustPolicy])) {
    const conditions = withConditions(statement);
    for (const principal of list(statement.Principal?.AWS))
      for (const action of list(statement.Action)) trust.push({ principal, action, ...conditions });
  }
  const shared: SharedEntry[] = [];
  for (const statement of allowStatements(plan.resourcePolicies.map((p) => p.document))) {
    const conditions = withConditions(statement);
    for (const principal of list(statement.Principal?.AWS))
      for (const action of list(statement.Action))
        for (const resource of list(statement.Resource))
          shared.push({ principal, action, resource, ...conditions });
  }
  return {
    name: plan.grantName,
    profile: plan.profile,
    roleArn: plan.role.arn,
    allow: normalize(allow, (e) => `${e.action}\u0000${e.resource}`, compareEntries),
    trust: normalize(trust, (e) => `${e.principal}\u0000${e.action}`, compareTrust),
    shared: normalize(shared, (e) => `${e.principal}\u0000${e.action}\u0000${e.resource}`, compareShared),
  };
}

/** Set difference of two sorted, de-duplicated lists, by a key. */
function setDiff<T>(before: readonly T[], after: readonly T[], key: (item: T) => string): Added<T> {
  const beforeKeys = new Set(before.map(key));
  const afterKeys = new Set(after.map(key));
  return {
    added: after.filter((item) => !beforeKeys.has(key(item))),
    removed: before.filter((item) => !afterKeys.has(key(item))),
  };
}

const entryKey = (e: AccessEntry): string =>
  `${e.action}\u0000${e.resource}\u0000${conditionsKey(e.conditions)}`;
const trustKey = (e: TrustEntry): string =>
  `${e.principal}\u0000${e.action}\u0000${conditionsKey(e.conditions)}`;
const sharedKey = (e: SharedEntry): string =>
  `${e.principal}\u0000${e.action}\u0000${e.resource}\u0000${conditionsKey(e.conditions)}`;
const identity = (s: string): string => s;

const sortedUnique = (items: readonly string[]): string[] => [...new Set(items)].sort(compareCodeUnits);

/** The single external ID a trust policy requires, or null. */
function externalIdOf(trust: readonly TrustEntry[]): string | null {
  const ids = sortedUnique(
    trust.flatMap((e) =>
      list(e.conditions?.StringEquals?.[EXTERNAL_ID_KEY] as string | string[] | undefined),
    ),
  );
  return ids.length === 0 ? null : ids.join(', ');
}

/** What changes between two versions of one grant; either side may be missing (grant added or removed). */
export function diffGrantAccess(
  before: GrantAccess | undefined,
  after: GrantAccess | undefined,
): GrantAccessDiff {
  const name = after?.name ?? before?.name;
  if (name === undefined) throw new Error('diffGrantAccess needs at least one side');
  const b = before ?? { allow: [], trust: [], shared: [] };
  const a = after ?? { allow: [], trust: [], shared: [] };
  const allow = setDiff(b.allow, a.allow, entryKey);
  const trustEntries = setDiff(b.trust, a.trust, trustKey);
  const shared = setDiff(b.shared, a.shared, sharedKey);
  const principals = setDiff(
    sortedUnique(b.trust.map((e) => e.principal)),
    sortedUnique(a.trust.map((e) => e.principal)),
    identity,
  );
  const actions = setDiff(
    sortedUnique(b.trust.map((e) => e.action)),
    sortedUnique(a.trust.map((e) => e.action)),
    identity,
  );
  const externalBefore = before === undefined ? null : externalIdOf(before.trust);
  const externalAfter = after === undefined ? null : externalIdOf(after.trust);
  const role = { before: before?.roleArn ?? null, after: after?.roleArn ?? null };
  const profile = { before: before?.profile ?? null, after: after?.profile ?? null };
  const same =
    allow.added.length + allow.removed.length === 0 &&
    trustEntries.added.length + trustEntries.removed.length === 0 &&
    shared.added.length + shared.removed.length === 0 &&
    role.before === role.after &&
    profile.before === profile.after;
  const change: GrantChange =
    before === undefined ? 'added' : after === undefined ? 'removed' : same ? 'unchanged' : 'changed';
  return {
    name,
    change,
    allow,
    principals,
    trust: {
      actions,
      ...(externalBefore === externalAfter
        ? {}
        : { externalId: { before: externalBefore, after: externalAfter } }),
      entries: trustEntries,
    },
    shared,
    role,
    profile,
  };
}

/**
 * The access diff of two sets of grants (two checkouts of a grants directory, or two grant files), matched by
 * grant name. Grant names are unique within each side (the loaders refuse duplicates); a duplicate here throws.
 */
export function diffAccess(before: readonly GrantPlan[], after: readonly GrantPlan[]): AccessDiff {
  const index = (plans: readonly GrantPlan[], side: string): Map<string, GrantAccess> => {
    const map = new Map<string, GrantAccess>();
    for (const plan of plans) {
      if (map.has(plan.grantName)) throw new Error(`${side}: grant "${plan.grantName}" appears twice`);
      map.set(plan.grantName, accessOf(plan));
    }
    return map;
  };
  const b = index(before, 'before');
  const a = index(after, 'after');
  const names = sortedUnique([...b.keys(), ...a.keys()]);
  return { grants: names.map((name) => diffGrantAccess(b.get(name), a.get(name))) };
}

/** Whether a diff changes anything at all. */
export function hasAccessChanges(diff: AccessDiff): boolean {
  return diff.grants.some((g) => g.change !== 'unchanged');
}

/**
 * A grant's access with a reported change applied: `before` plus what was added, minus what was removed. For any
 * two versions `x`, `y` of a grant, `applyGrantAccessDiff(x, diffGrantAccess(x, y))` has exactly `y`'s entries.
 */
export function applyGrantAccessDiff(
  before: Pick<GrantAccess, 'allow' | 'trust' | 'shared'>,
  diff: GrantAccessDiff,
): Pick<GrantAccess, 'allow' | 'trust' | 'shared'> {
  const apply = <T>(
    items: readonly T[],
    change: Added<T>,
    key: (item: T) => string,
    order: (x: T, y: T) => number,
  ) => {
    const removed = new Set(change.removed.map(key));
    const kept = items.filter((item) => !removed.has(key(item)));
    const present = new Set(kept.map(key));
    return [...kept, ...change.added.filter((item) => !present.has(key(item)))].sort(order);
  };
  return {
    allow: apply(before.allow, diff.allow, entryKey, compareEntries),
    trust: apply(before.trust, diff.trust.entries, trustKey, compareTrust),
    shared: apply(before.shared, diff.shared, sharedKey, compareShared),
  };
}
