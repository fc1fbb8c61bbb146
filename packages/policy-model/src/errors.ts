import type { Problem, Result } from './types';

/** Thrown only at the edges (CLI, action, construct) with every problem found. */
export class GrantError extends Error {
  readonly problems: readonly Problem[];
  constructor(problems: readonly Problem[], source?: string) {
    super(problems.map((p) => formatProblem(p, source)).join('\n'));
    this.name = 'GrantError';
    this.problems = problems;
  }
}

/** `<source>: <path>: <message>` — the CLI's line format. */
export function formatProblem(problem: Problem, source?: string): string {
  const path = problem.path === '' ? '(document)' : problem.path;
  const where = problem.line === undefined ? '' : ` (line ${problem.line})`;
  return `${source === undefined ? '' : `${source}: `}${path}: ${problem.message}${where}`;
}

export function assertOk<T>(result: Result<T>, source?: string): T {
  if (!result.ok) throw new GrantError(result.problems, source);
  return result.value;
}
