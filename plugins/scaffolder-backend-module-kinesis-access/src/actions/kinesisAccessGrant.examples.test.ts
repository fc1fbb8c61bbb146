import { promises as fs } from 'node:fs';
import yaml from 'yaml';
import { newWorkspace, readTree, runAction } from '../test-support/actionHarness';
import { describeExamples } from '../test-support/examples';
import { examples } from './kinesisAccessGrant.examples';

describeExamples('kinesis:access:grant', examples, 3, async (text) => {
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
});
