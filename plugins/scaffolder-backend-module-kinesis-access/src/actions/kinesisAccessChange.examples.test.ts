import { promises as fs } from 'node:fs';
import path from 'node:path';
import { parseGrantYaml } from '@kinesis-access/policy-model';
import yaml from 'yaml';
import { newWorkspace, readTree } from '../test-support/actionHarness';
import { runTemplateAction, writeInfraRepo } from '../test-support/infraRepo';
import { createKinesisAccessChangeAction } from './kinesisAccessChange';
import { examples } from './kinesisAccessChange.examples';

describe('kinesis:access:change examples', () => {
  it('has examples', () => {
    expect(examples.length).toBeGreaterThanOrEqual(3);
  });

  it.each(examples.map((example) => [example.description, example.example] as const))(
    '%s: runs as documented',
    async (_description, text) => {
      const steps = yaml.parse(text).steps as { action: string; input: Record<string, unknown> }[];
      const fetch = steps.find((s) => s.action === 'fetch:plain');
      const step = steps.find((s) => s.action === 'kinesis:access:change');
      if (step === undefined) throw new Error('no kinesis:access:change step');
      const workspace = await newWorkspace();
      try {
        // What fetch:plain does: the repository in its targetPath (the fixture stands for github.com/example/infra).
        await writeInfraRepo(path.join(workspace, String(fetch?.input.targetPath ?? step.input.currentPath)));
        const { outputs } = await runTemplateAction(createKinesisAccessChangeAction(), step.input, workspace);
        const target = String(step.input.targetPath ?? 'changes');
        const written = await readTree(path.join(workspace, target));
        const grant = parseGrantYaml(written[outputs.grantPath as string] ?? '');
        if (!grant.ok) throw new Error(JSON.stringify(grant.problems));
        expect(grant.value.metadata.name).toBe(step.input.name);
        expect(outputs.description).toContain(`## Access changes: ${step.input.name}`);
        for (const file of outputs.terraformPaths as string[]) expect(Object.keys(written)).toContain(file);
      } finally {
        await fs.rm(workspace, { recursive: true, force: true });
      }
    },
  );
});
