/**
 * zod issues → problems: each issue of the grant schema worded for a person, with the field path, what was
 * expected, what was received and, for a misspelt key or value, the closest allowed one.
 */
import type { z } from 'zod';
import { closest, type PathSegment, type RawProblem, received } from './problems';
import { GrantSchema } from './schema';

const EXPECTED: Record<string, string> = {
  string: 'a string',
  number: 'a number',
  int: 'a whole number',
  object: 'a mapping of fields',
  array: 'a list',
  boolean: 'true or false',
};

type Issue = z.core.$ZodIssue;

export function issueToProblems(issue: Issue): RawProblem[] {
  const path = issue.path as PathSegment[];
  const input = (issue as { input?: unknown }).input;
  switch (issue.code) {
    case 'unrecognized_keys':
      return issue.keys.map((key) => ({ path: [...path, key], message: unknownKeyMessage(path, key) }));
    case 'invalid_type':
      if (input === undefined)
        return [{ path, message: `is required (${EXPECTED[issue.expected] ?? issue.expected})` }];
      return [{ path, message: received(`must be ${EXPECTED[issue.expected] ?? issue.expected}`, input) }];
    case 'invalid_value': {
      const values = issue.values.map((v) => JSON.stringify(v));
      const hint =
        typeof input === 'string' && values.length > 1 ? closest(input, issue.values.map(String)) : undefined;
      const reason = values.length === 1 ? `must be ${values[0]}` : `must be one of ${values.join(', ')}`;
      return [
        {
          path,
          message: received(hint === undefined ? reason : `${reason} (did you mean "${hint}"?)`, input),
        },
      ];
    }
    case 'too_small':
    case 'too_big':
      return [{ path, message: received(sizeMessage(issue), input) }];
    case 'invalid_key': {
      const inner = issue.issues[0];
      return [{ path, message: received(inner?.message ?? 'invalid key', input) }];
    }
    case 'invalid_format':
    case 'custom':
      return [{ path, message: received(issue.message, input) }];
    default:
      return [{ path, message: received(issue.message, input) }];
  }
}

function sizeMessage(issue: Issue & { code: 'too_small' | 'too_big' }): string {
  // Fields with their own message keep it; the rest get a generic one.
  if (!issue.message.startsWith('Too ')) return issue.message;
  const bound = issue.code === 'too_small' ? `at least ${issue.minimum}` : `at most ${issue.maximum}`;
  if (issue.origin === 'array') return `must have ${bound} items`;
  if (issue.origin === 'string') return `must be ${bound} characters`;
  return `must be ${bound}`;
}

function unknownKeyMessage(path: readonly PathSegment[], key: string): string {
  const allowed = allowedKeysAt(path);
  const hint = allowed === undefined ? undefined : closest(key, allowed);
  const parts = [`unknown field "${key}"`];
  if (hint !== undefined) parts.push(`(did you mean "${hint}"?)`);
  if (allowed !== undefined) parts.push(`— allowed here: ${allowed.join(', ')}`);
  return parts.join(' ');
}

interface SchemaDef {
  type: string;
  shape?: Record<string, { _zod: { def: SchemaDef } }>;
  element?: { _zod: { def: SchemaDef } };
  innerType?: { _zod: { def: SchemaDef } };
}

function unwrap(def: SchemaDef): SchemaDef {
  let current = def;
  while ((current.type === 'optional' || current.type === 'default') && current.innerType !== undefined) {
    current = current.innerType._zod.def;
  }
  return current;
}

/** The field names the schema allows at a path (for "did you mean" hints). */
function allowedKeysAt(path: readonly PathSegment[]): string[] | undefined {
  let def = unwrap((GrantSchema as unknown as { _zod: { def: SchemaDef } })._zod.def);
  for (const segment of path) {
    const next =
      def.type === 'object' && typeof segment === 'string'
        ? def.shape?.[segment]
        : def.type === 'array'
          ? def.element
          : undefined;
    if (next === undefined) return undefined;
    def = unwrap(next._zod.def);
  }
  return def.type === 'object' && def.shape !== undefined ? Object.keys(def.shape) : undefined;
}
