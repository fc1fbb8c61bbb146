import { promises as fs } from 'node:fs';
import yaml from 'yaml';
import { newWorkspace, readTree, runAction } from '../test-support/actionHarness';
import { examples } from './kinesisAccessGrant.examples';

describe('kinesis:access:grant examples', () => {
  it('has examples', () => {
    expect(examples.length).toBeGreaterThanOrEqual(3);
  });

  it.each(examples.map((example) => [example.description, example.example] as const))(
    '%s: runs as documented',
    async (_description, text) => {
      const step = yaml.parse(text).steps[0];
      expect(step.action).toBe('kinesis:access:grant');
      const workspace = await newWorkspace();
      try {
        const { outputs } = await runAction(step.input, workspace);
        const prefix = step.input.targetPath ? `${step.input.targetPath}/` : '';
        expect(outputs.grantPath).toBe(`${prefix}grants/${step.input.name}.yaml`);
        expect(outputs.roleName).toBe(step.input.roleName ?? `ClickHouseAccessRole-${step.input.name}`);
        const files = Object.keys(await readTree(workspace));
        expect(files).toContain(outputs.grantPath);
        expect(files).toContain(outputs.summaryPath);
        for (const file of outputs.terraformPaths as string[]) expect(files).toContain(file);
      } finally {
        await fs.rm(workspace, { recursive: true, force: true });
      }
    },
  );
});
