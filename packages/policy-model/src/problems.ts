import type { Problem } from './types';

/** One segment of a field path: an object key or an array index. */
export type PathSegment = string | number;

/** A problem before its path is formatted; parse.ts maps the segments to YAML lines. */
export interface RawProblem {
  readonly path: readonly PathSegment[];
  readonly message: string;
}

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** `['spec', 'streams', 1, 'arn']` → `spec.streams[1].arn`; odd keys are quoted: `spec.role.tags["cost center"]`. */
export function formatPath(path: readonly PathSegment[]): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else if (IDENTIFIER.test(segment)) out += out === '' ? segment : `.${segment}`;
    else out += `[${JSON.stringify(segment)}]`;
  }
  return out;
}

export function toProblem(raw: RawProblem): Problem {
  return { path: formatPath(raw.path), message: raw.message };
}

const MAX_QUOTED = 80;

/** What was received, quoted and truncated: `"arn:aws:s3:::x"`, `number 5`, `an array`, `null`. */
export function describeReceived(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (typeof value === 'string') {
    const shown = value.length > MAX_QUOTED ? `${value.slice(0, MAX_QUOTED)}…` : value;
    const suffix = value.length > MAX_QUOTED ? ` (${value.length} characters)` : '';
    return `${JSON.stringify(shown)}${suffix}`;
  }
  if (Array.isArray(value)) return `an array of ${value.length}`;
  if (typeof value === 'object') return 'an object';
  return `${typeof value} ${String(value)}`;
}

/** `<what is wrong>, received <value>` — the one message shape of the model. */
export function received(reason: string, value: unknown): string {
  return `${reason}, received ${describeReceived(value)}`;
}

/** 6144 → `6,144` (no Intl: the model must behave the same in every runtime). */
export function formatCount(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** Edit distance, for "did you mean" hints on misspelled field names. */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(word.length / 3)) + 1;
  for (const candidate of candidates) {
    const d = editDistance(word.toLowerCase(), candidate.toLowerCase());
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best;
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0] as number;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j] as number;
      row[j] = Math.min(above + 1, (row[j - 1] as number) + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length] as number;
}
