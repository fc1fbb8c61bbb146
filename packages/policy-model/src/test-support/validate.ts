/** Shared setup of the validateGrant tests (validate*.test.ts): the problems of an invalid grant, all or at a path. */
import type { Problem } from '../types';
import { validateGrant } from '../validate';

export function problems(input: unknown): readonly Problem[] {
  const result = validateGrant(input);
  if (result.ok) throw new Error('expected problems, the grant was valid');
  return result.problems;
}

export function problemAt(input: unknown, path: string): string {
  const found = problems(input).filter((p) => p.path === path);
  if (found.length === 0) throw new Error(`no problem at ${path}; got ${JSON.stringify(problems(input))}`);
  return found.map((p) => p.message).join('\n');
}
