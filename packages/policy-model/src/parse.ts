import type { GrantSpec, Result } from './types';

/** Parse YAML text into a validated grant; problems carry YAML line numbers. STUB: filled in by the model work. */
export function parseGrantYaml(_text: string): Result<GrantSpec> {
  throw new Error('not implemented yet');
}

/** Deterministic YAML for a grant (what the Backstage action writes). STUB. */
export function grantToYaml(_spec: GrantSpec): string {
  throw new Error('not implemented yet');
}
