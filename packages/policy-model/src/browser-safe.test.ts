import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

// The model runs in the browser (Backstage form fields): its shipped sources import only zod, yaml and each other.
const importsOf = (text: string): string[] =>
  [
    ...text.matchAll(/^(?:import|export)\b[^;]*?\bfrom\s+'([^']+)'/gms),
    ...text.matchAll(/^import\s+'([^']+)'/gm),
    ...text.matchAll(/\b(?:require|import)\(\s*['"]([^'"]+)['"]/g),
  ].map((m) => m[1] as string);

describe('browser safety', () => {
  const dir = __dirname;
  const sources = readdirSync(dir).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));

  it('finds the imports of a module', () => {
    expect(importsOf(readFileSync(join(dir, 'index.ts'), 'utf8')).length).toBeGreaterThan(8);
    expect(importsOf("import { x } from 'node:fs';\nconst y = require('fs');")).toEqual(['node:fs', 'fs']);
  });

  it.each(sources)('%s imports nothing but zod, yaml and the model', (file) => {
    const text = readFileSync(join(dir, file), 'utf8');
    for (const specifier of importsOf(text)) expect(specifier).toMatch(/^(zod|yaml|\.\/[\w.-]+)$/);
    expect(text).not.toMatch(/\bprocess\.|\b__dirname\b|\bBuffer\b/);
  });
});
