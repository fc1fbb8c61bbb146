/**
 * What the cross-field rules share. They read the raw input (so they run even when some other field is wrong)
 * and add problems with their field paths; each rule checks one section of the grant.
 */
import type { PathSegment } from './problems';
import type { ProfileName } from './types';

export type Obj = Record<string, unknown>;

export const asObj = (value: unknown): Obj | undefined =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Obj) : undefined;

export const asArray = (value: unknown): readonly unknown[] => (Array.isArray(value) ? value : []);

export type AddProblem = (path: PathSegment[], message: string) => void;

/** The grant as the rules see it: its raw `spec` and `metadata`, and where problems go. */
export interface RuleInput {
  readonly spec: Obj;
  readonly metadata: Obj | undefined;
  /** The grant's name as messages quote it, or `(unnamed)`. */
  readonly grant: string;
  /** The grant's profile (the default when absent), or undefined when it is not a profile name. */
  readonly profile: ProfileName | undefined;
  readonly add: AddProblem;
}

/** What the stream rule settles for the others: the streams' partition and account. */
export interface StreamFacts {
  /** The one (or majority) partition of the streams; with no majority, the first stream's. */
  readonly partition: string | undefined;
  /** The one (or majority) account of the streams; with no majority, the first stream's. */
  readonly accountId: string | undefined;
  /** Adds a problem at `path` when `actual` is not the streams' partition. */
  samePartition(path: PathSegment[], value: string, actual: string): void;
}
