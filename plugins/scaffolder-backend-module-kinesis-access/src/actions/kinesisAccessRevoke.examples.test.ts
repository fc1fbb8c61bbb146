import { promises as fs } from 'node:fs';
import path from 'node:path';
import { describeExamples } from '../test-support/examples';
import { runExampleStep } from '../test-support/infraRepo';
import { createKinesisAccessRevokeAction } from './kinesisAccessRevoke';
import { examples } from './kinesisAccessRevoke.examples';

describeExamples('kinesis:access:revoke', examples, 2, async (text) => {
  await runExampleStep(
    text,
    'kinesis:access:revoke',
    createKinesisAccessRevokeAction(),
    async ({ steps, step, current, outputs }) => {
      const files = outputs.filesToDelete as string[];
      expect(files).toContain(outputs.grantPath);
      for (const file of files) await fs.access(path.join(current, file));
      expect(files).toContain(`generated/stacks/${step.input.name}/cdk.tf.json`);
      // A pull-request step in the example takes its inputs from this step's outputs.
      const pr = steps.find((s) => s.action === 'publish:github:pull-request');
      if (pr !== undefined) {
        for (const [field, output] of [
          ['description', 'description'],
          ['sourcePath', 'targetPath'],
          ['filesToDelete', 'filesToDelete'],
        ]) {
          expect(pr.input[field as string]).toBe(`\${{ steps.${step.id}.output.${output} }}`);
          expect(outputs[output as string]).toBeDefined();
        }
      }
    },
  );
});
