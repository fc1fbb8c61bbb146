import { promises as fs } from 'node:fs';
import path from 'node:path';
import yaml from 'yaml';
import { newWorkspace } from '../test-support/actionHarness';
import { runTemplateAction, writeInfraRepo } from '../test-support/infraRepo';
import { createKinesisAccessRevokeAction } from './kinesisAccessRevoke';
import { examples } from './kinesisAccessRevoke.examples';

describe('kinesis:access:revoke examples', () => {
  it('has examples', () => {
    expect(examples.length).toBeGreaterThanOrEqual(2);
  });

  it.each(examples.map((example) => [example.description, example.example] as const))(
    '%s: runs as documented',
    async (_description, text) => {
      const steps = yaml.parse(text).steps as {
        id: string;
        action: string;
        input: Record<string, unknown>;
      }[];
      const fetch = steps.find((s) => s.action === 'fetch:plain');
      const step = steps.find((s) => s.action === 'kinesis:access:revoke');
      if (step === undefined) throw new Error('no kinesis:access:revoke step');
      const workspace = await newWorkspace();
      try {
        const current = path.join(workspace, String(fetch?.input.targetPath ?? step.input.currentPath));
        await writeInfraRepo(current);
        const { outputs } = await runTemplateAction(createKinesisAccessRevokeAction(), step.input, workspace);
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
      } finally {
        await fs.rm(workspace, { recursive: true, force: true });
      }
    },
  );
});
