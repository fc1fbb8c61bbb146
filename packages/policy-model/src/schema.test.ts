import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROFILES } from '@kinesis-access/iam-test-kit';
import { grantJsonSchema } from './schema';

describe('grantJsonSchema', () => {
  it('is what grant.schema.json holds (run `pnpm generate:schema` after changing the schema)', () => {
    const file = readFileSync(join(__dirname, '..', 'grant.schema.json'), 'utf8');
    expect(file).toBe(`${JSON.stringify(grantJsonSchema, null, 2)}\n`);
  });

  it('forbids unknown keys on every object', () => {
    const objects: Record<string, unknown>[] = [];
    const walk = (node: unknown) => {
      if (Array.isArray(node)) node.forEach(walk);
      else if (typeof node === 'object' && node !== null) {
        const record = node as Record<string, unknown>;
        if (record.type === 'object' && record.properties !== undefined) objects.push(record);
        Object.values(record).forEach(walk);
      }
    };
    walk(grantJsonSchema);
    expect(objects.length).toBeGreaterThanOrEqual(9);
    for (const object of objects) expect(object.additionalProperties).toBe(false);
  });

  it('describes the fields editors show', () => {
    type Node = {
      properties: Record<string, Node>;
      items: Node;
      enum: string[];
      pattern: string;
      description: string;
      required: string[];
    };
    const spec = (grantJsonSchema.properties as Record<string, Node>).spec as Node;
    expect(spec.properties.profile?.enum).toEqual([...PROFILES]);
    expect(spec.properties.streams?.items.properties.arn?.pattern).toMatch(/kinesis/);
    expect(spec.properties.streams?.items.properties.arn?.description).toMatch(/stream ARN/);
    expect(spec.required).toEqual(['principal', 'streams']);
  });
});
