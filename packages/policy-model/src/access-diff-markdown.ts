/**
 * The access diff as markdown for a pull-request comment (or a pull-request body, or the form preview): per grant,
 * the permissions gained and lost grouped by resource, conditions that changed, and who may assume the role.
 * Everything is read off an {@link AccessDiff}, so it cannot say more or less than the JSON does; long lists are
 * cut with a count of what was left out (GitHub comments are limited to 65,536 characters).
 */
import type { AccessDiff, AccessEntry, GrantAccessDiff, SharedEntry } from './access-diff';
import { compareCodeUnits } from './compare';
import type { ConditionBlock } from './types';

/** Options of {@link renderAccessDiffMarkdown}. */
export interface AccessDiffMarkdownOptions {
  /** First heading. @default 'Kinesis access changes' */
  readonly title?: string;
  /** Heading level of the title (the grants get one level more). @default 2 */
  readonly headingLevel?: number;
  /** At most this many lines per list; the rest is counted. @default 40 */
  readonly maxListLines?: number;
}

const code = (text: string): string => `\`${text}\``;

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
const entries = (n: number): string => `${n} ${n === 1 ? 'entry' : 'entries'}`;

function describeConditions(block: ConditionBlock | undefined): string {
  if (block === undefined) return '';
  const parts: string[] = [];
  for (const [operator, keys] of Object.entries(block)) {
    for (const [key, value] of Object.entries(keys)) {
      const values = typeof value === 'string' ? [value] : [...value];
      parts.push(
        values.length === 1
          ? `${code(key)} ${operator} ${code(values[0] as string)}`
          : `${code(key)} ${operator} one of ${values.map(code).join(', ')}`,
      );
    }
  }
  return parts.join(' and ');
}

const valuesOf = (block: ConditionBlock | undefined, operator: string, key: string): string[] => {
  const value = block?.[operator]?.[key];
  return value === undefined ? [] : typeof value === 'string' ? [value] : [...value];
};

/** How the conditions on one action and resource changed, in words. */
function describeConditionChange(
  before: ConditionBlock | undefined,
  after: ConditionBlock | undefined,
): string {
  if (before === undefined) return `now only when ${describeConditions(after)}`;
  if (after === undefined) return `no longer conditional (was: only when ${describeConditions(before)})`;
  const parts: string[] = [];
  const pairs = new Set<string>();
  for (const block of [before, after])
    for (const [operator, keys] of Object.entries(block))
      for (const key of Object.keys(keys)) pairs.add(JSON.stringify([operator, key]));
  for (const pair of [...pairs].sort(compareCodeUnits)) {
    const [operator, key] = JSON.parse(pair) as [string, string];
    const was = valuesOf(before, operator, key);
    const now = valuesOf(after, operator, key);
    const added = now.filter((v) => !was.includes(v));
    const removed = was.filter((v) => !now.includes(v));
    if (added.length === 0 && removed.length === 0) continue;
    const words: string[] = [];
    if (added.length > 0) words.push(`now also ${added.map(code).join(', ')}`);
    if (removed.length > 0) words.push(`no longer ${removed.map(code).join(', ')}`);
    parts.push(`${code(key)} ${operator}: ${words.join('; ')}`);
  }
  return parts.join('; ');
}

/** Entries grouped by resource and conditions: `resource: action, action — only when …`. */
function groupByResource(entries: readonly AccessEntry[]): string[] {
  const groups = new Map<string, { resource: string; conditions?: ConditionBlock; actions: string[] }>();
  for (const entry of entries) {
    const key = `${entry.resource}\u0000${JSON.stringify(entry.conditions ?? null)}`;
    const group = groups.get(key) ?? {
      resource: entry.resource,
      ...(entry.conditions === undefined ? {} : { conditions: entry.conditions }),
      actions: [],
    };
    group.actions.push(entry.action);
    groups.set(key, group);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => compareCodeUnits(a, b))
    .map(([, g]) => {
      const when = g.conditions === undefined ? '' : ` — only when ${describeConditions(g.conditions)}`;
      return `${code(g.resource)}: ${g.actions.sort(compareCodeUnits).map(code).join(', ')}${when}`;
    });
}

function groupShared(entries: readonly SharedEntry[]): string[] {
  const groups = new Map<string, { principal: string; resource: string; actions: string[]; when: string }>();
  for (const entry of entries) {
    const when = entry.conditions === undefined ? '' : ` — only when ${describeConditions(entry.conditions)}`;
    const key = `${entry.principal}\u0000${entry.resource}\u0000${when}`;
    const group = groups.get(key) ?? {
      principal: entry.principal,
      resource: entry.resource,
      actions: [],
      when,
    };
    group.actions.push(entry.action);
    groups.set(key, group);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => compareCodeUnits(a, b))
    .map(
      ([, g]) =>
        `${code(g.principal)} on ${code(g.resource)}: ${g.actions.sort(compareCodeUnits).map(code).join(', ')}${g.when}`,
    );
}

/** Gained and lost entries on the same action and resource are a condition change, not a gain and a loss. */
function splitConditionChanges(allow: GrantAccessDiff['allow']): {
  gained: AccessEntry[];
  lost: AccessEntry[];
  changed: string[];
} {
  const id = (e: AccessEntry) => `${e.action}\u0000${e.resource}`;
  const countBy = (entries: readonly AccessEntry[]) => {
    const counts = new Map<string, AccessEntry[]>();
    for (const e of entries) counts.set(id(e), [...(counts.get(id(e)) ?? []), e]);
    return counts;
  };
  const added = countBy(allow.added);
  const removed = countBy(allow.removed);
  const paired = new Set<string>();
  const changes = new Map<string, { resource: string; text: string; actions: string[] }>();
  for (const [key, now] of added) {
    const was = removed.get(key);
    // Only a one-for-one replacement reads as "the conditions changed"; anything else stays a gain and a loss.
    if (was === undefined || was.length !== 1 || now.length !== 1) continue;
    paired.add(key);
    const entry = now[0] as AccessEntry;
    const text = describeConditionChange((was[0] as AccessEntry).conditions, entry.conditions);
    const groupKey = `${entry.resource}\u0000${text}`;
    const group = changes.get(groupKey) ?? { resource: entry.resource, text, actions: [] };
    group.actions.push(entry.action);
    changes.set(groupKey, group);
  }
  return {
    gained: allow.added.filter((e) => !paired.has(id(e))),
    lost: allow.removed.filter((e) => !paired.has(id(e))),
    changed: [...changes.entries()]
      .sort(([a], [b]) => compareCodeUnits(a, b))
      .map(
        ([, g]) =>
          `${g.actions.sort(compareCodeUnits).map(code).join(', ')} on ${code(g.resource)}: ${g.text}`,
      ),
  };
}

function summaryCell(added: number, removed: number): string {
  return added + removed === 0 ? '—' : `+${added} −${removed}`;
}

function trustCell(grant: GrantAccessDiff): string {
  const parts: string[] = [];
  const { added, removed } = grant.principals;
  if (added.length + removed.length > 0) parts.push(`+${added.length} −${removed.length}`);
  if (grant.change === 'changed') {
    if (grant.trust.externalId !== undefined) parts.push('external ID');
    if (grant.trust.actions.added.length + grant.trust.actions.removed.length > 0)
      parts.push('trust actions');
    if (parts.length === 0 && grant.trust.entries.added.length + grant.trust.entries.removed.length > 0)
      parts.push('conditions');
  }
  return parts.length === 0 ? '—' : parts.join(', ');
}

/** The access diff as markdown. */
export function renderAccessDiffMarkdown(diff: AccessDiff, options: AccessDiffMarkdownOptions = {}): string {
  const level = options.headingLevel ?? 2;
  const max = options.maxListLines ?? 40;
  const h = (extra: number) => '#'.repeat(Math.min(6, level + extra));
  const lines: string[] = [];
  const push = (...more: string[]) => lines.push(...more);
  const bullets = (items: readonly string[]) => {
    for (const item of items.slice(0, max)) push(`- ${item}`);
    if (items.length > max)
      push(`- … and ${items.length - max} more (\`kinesis-access diff --format json\` lists every one)`);
  };

  push(`${h(0)} ${options.title ?? 'Kinesis access changes'}`, '');
  const count = (change: GrantAccessDiff['change']) => diff.grants.filter((g) => g.change === change).length;
  const touched = diff.grants.filter((g) => g.change !== 'unchanged');
  if (touched.length === 0) {
    push(
      diff.grants.length === 0
        ? 'No grants on either side.'
        : `No access changes (${plural(diff.grants.length, 'grant')} compared, all unchanged).`,
      '',
    );
    return `${lines.join('\n').trimEnd()}\n`;
  }
  const counts = (['added', 'changed', 'removed', 'unchanged'] as const)
    .map((c) => [c, count(c)] as const)
    .filter(([, n]) => n > 0)
    .map(([c, n]) => `${n} ${c}`);
  push(`${plural(diff.grants.length, 'grant')}: ${counts.join(', ')}.`, '');
  push('| Grant | Change | Permissions | Who may assume it | Shared (resource policies) |');
  push('| --- | --- | --- | --- | --- |');
  for (const grant of touched) {
    push(
      `| ${code(grant.name)} | ${grant.change} | ${summaryCell(grant.allow.added.length, grant.allow.removed.length)} | ` +
        `${trustCell(grant)} | ` +
        `${summaryCell(grant.shared.added.length, grant.shared.removed.length)} |`,
    );
  }
  push(
    '',
    'Permissions and sharing count IAM entries (one per action and resource); "who may assume it" counts principals.',
    '',
  );

  for (const grant of touched) {
    push(`${h(1)} ${code(grant.name)}: ${grant.change}`, '');
    if (grant.change === 'added') {
      push(`New role ${code(grant.role.after ?? '')} (profile ${code(grant.profile.after ?? '')}).`, '');
    } else if (grant.change === 'removed') {
      push(
        `Grant removed: after merge the pipeline destroys role ${code(grant.role.before ?? '')} and its policies. ` +
          'Whoever uses the role loses all of the access below.',
        '',
      );
    } else {
      if (grant.role.before !== grant.role.after) {
        push(
          `⚠️ The role is replaced: ${code(grant.role.before ?? '')} → ${code(grant.role.after ?? '')}. ` +
            'Whoever uses it (e.g. ClickPipes) needs the new ARN.',
          '',
        );
      }
      if (grant.profile.before !== grant.profile.after) {
        push(`Profile ${code(grant.profile.before ?? '')} → ${code(grant.profile.after ?? '')}.`, '');
      }
    }

    const { gained, lost, changed } = splitConditionChanges(grant.allow);
    if (gained.length > 0) {
      push(`**Permissions gained** (${entries(gained.length)})`, '');
      bullets(groupByResource(gained));
      push('');
    }
    if (lost.length > 0) {
      push(`**Permissions lost** (${entries(lost.length)})`, '');
      bullets(groupByResource(lost));
      push('');
    }
    if (changed.length > 0) {
      push('**Conditions changed** (same action and resource)', '');
      bullets(changed);
      push('');
    }

    const trust: string[] = [];
    if (grant.change !== 'removed') {
      for (const p of grant.principals.added) trust.push(`may now assume it: ${code(p)}`);
    }
    if (grant.change !== 'added') {
      for (const p of grant.principals.removed) trust.push(`may no longer assume it: ${code(p)}`);
    }
    if (grant.change === 'changed') {
      for (const a of grant.trust.actions.added) trust.push(`trust action added: ${code(a)}`);
      for (const a of grant.trust.actions.removed) trust.push(`trust action removed: ${code(a)}`);
    } else {
      const actions = grant.change === 'added' ? grant.trust.actions.added : grant.trust.actions.removed;
      if (actions.length > 0) trust.push(`trust actions: ${actions.map(code).join(', ')}`);
    }
    const external = grant.trust.externalId;
    if (external !== undefined) {
      const show = (v: string | null) => (v === null ? 'none' : code(v));
      trust.push(
        grant.change === 'changed'
          ? `external ID: ${show(external.before)} → ${show(external.after)}`
          : `external ID: ${show(grant.change === 'added' ? external.after : external.before)}`,
      );
    }
    const principalsMoved = grant.principals.added.length + grant.principals.removed.length > 0;
    const actionsMoved = grant.trust.actions.added.length + grant.trust.actions.removed.length > 0;
    const entriesMoved = grant.trust.entries.added.length + grant.trust.entries.removed.length > 0;
    if (
      grant.change === 'changed' &&
      entriesMoved &&
      !principalsMoved &&
      !actionsMoved &&
      external === undefined
    ) {
      trust.push('the trust policy conditions changed (see the JSON `trust.entries`)');
    }
    if (trust.length > 0) {
      push('**Who may assume the role**', '');
      bullets(trust);
      push('');
    }

    if (grant.shared.added.length > 0) {
      push('**Shared through stream resource policies: gained**', '');
      bullets(groupShared(grant.shared.added));
      push('');
    }
    if (grant.shared.removed.length > 0) {
      push('**Shared through stream resource policies: lost**', '');
      bullets(groupShared(grant.shared.removed));
      push('');
    }
  }
  return `${lines.join('\n').trimEnd()}\n`;
}
