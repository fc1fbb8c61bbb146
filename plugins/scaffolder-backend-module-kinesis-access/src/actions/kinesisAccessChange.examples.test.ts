import path from 'node:path';
import { parseGrantYaml } from '@kinesis-access/policy-model';
import { readTree } from '../test-support/actionHarness';
import { runExampleStep } from '../test-support/infraRepo';
import { createKinesisAccessChangeAction } from './kinesisAccessChange';
import { examples } from './kinesisAccessChange.examples';

describe('kinesis:access:change examples', () => {
  it('has examples', () => {
    expect(examples.length).toBeGreaterThanOrEqual(3);
  });

  it.each(examples.map((example) => [example.description, example.example] as const))(
    '%s: runs as documented',
    async (_description, text) => {
      await runExampleStep(
        text,
        'kinesis:access:change',
        createKinesisAccessChangeAction(),
        async ({ step, workspace, outputs }) => {
          const target = String(step.input.targetPath ?? 'changes');
          const written = await readTree(path.join(workspace, target));
          const grant = parseGrantYaml(written[outputs.grantPath as string] ?? '');
          if (!grant.ok) throw new Error(JSON.stringify(grant.problems));
          expect(grant.value.metadata.name).toBe(step.input.name);
          expect(outputs.description).toContain(`## Access changes: ${step.input.name}`);
          for (const file of outputs.terraformPaths as string[]) expect(Object.keys(written)).toContain(file);
        },
      );
    },
  );
});
