import path from 'node:path';
import { parseGrantYaml } from '@kinesis-access/policy-model';
import { readTree } from '../test-support/actionHarness';
import { describeExamples } from '../test-support/examples';
import { runExampleStep } from '../test-support/infraRepo';
import { createKinesisAccessChangeAction } from './kinesisAccessChange';
import { examples } from './kinesisAccessChange.examples';

describeExamples('kinesis:access:change', examples, 3, async (text) => {
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
});
