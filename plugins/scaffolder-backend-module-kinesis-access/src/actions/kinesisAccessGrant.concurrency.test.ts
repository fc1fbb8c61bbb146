import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseGrantYaml } from '@kinesis-access/policy-model';
import { readTree, runAction } from '../test-support/actionHarness';

// A private temp directory for this file, so "no temporary files left" is not disturbed by other processes.
const previousTmpdir = process.env.TMPDIR;
let privateTmp: string;
beforeAll(async () => {
  privateTmp = await fs.mkdtemp(path.join(os.tmpdir(), 'ka-concurrency-'));
  process.env.TMPDIR = privateTmp;
});
afterAll(async () => {
  if (previousTmpdir === undefined) delete process.env.TMPDIR;
  else process.env.TMPDIR = previousTmpdir;
  await fs.rm(privateTmp, { recursive: true, force: true });
});

const RUNS = 20;

function inputFor(i: number) {
  return {
    name: `grant-${i}`,
    clickhouseRoleArn: `arn:aws:iam::111122223333:role/CH-S3-service-${i}-Role`,
    streams: [
      { arn: `arn:aws:kinesis:us-east-1:1234567890${String(i).padStart(2, '0')}:stream/stream-${i}` },
      ...(i % 3 === 0
        ? [{ arn: `arn:aws:kinesis:eu-west-1:1234567890${String(i).padStart(2, '0')}:stream/extra-${i}` }]
        : []),
    ],
  };
}

describe('kinesis:access:grant under concurrency', () => {
  it(`${RUNS} parallel runs on separate workspaces give isolated, correct output and leave no temporary files`, async () => {
    const workspaces = await Promise.all(
      Array.from({ length: RUNS }, (_, i) => fs.mkdtemp(path.join(privateTmp, `ws-${i}-`))),
    );
    // Half of the runs write HCL (which goes through `terraform fmt` in a temporary directory when installed).
    const results = await Promise.all(
      workspaces.map((workspace, i) =>
        runAction(inputFor(i), workspace, { options: { terraform: { hcl: i % 2 === 1 } } }),
      ),
    );

    for (const [i, workspace] of workspaces.entries()) {
      const input = inputFor(i);
      const account = `1234567890${String(i).padStart(2, '0')}`;
      const tree = await readTree(workspace);
      const tfFile = `generated/stacks/${input.name}/${i % 2 === 1 ? 'cdk.tf' : 'cdk.tf.json'}`;
      expect(Object.keys(tree)).toEqual(
        [`grants/${input.name}.md`, `grants/${input.name}.yaml`, tfFile].sort(),
      );

      const parsed = parseGrantYaml(tree[`grants/${input.name}.yaml`] as string);
      if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
      expect(parsed.value.spec.streams).toEqual(input.streams);
      expect(parsed.value.spec.principal.roleArn).toBe(input.clickhouseRoleArn);

      // Nothing of another run leaked in: only this run's names, accounts and principal appear.
      const everything = Object.values(tree).join('\n');
      for (let j = 0; j < RUNS; j += 1) {
        if (j === i) continue;
        expect(everything).not.toMatch(new RegExp(`stream/stream-${j}(?![0-9])`));
        expect(everything).not.toContain(`CH-S3-service-${j}-Role`);
      }
      expect(everything).toContain(`CH-S3-service-${i}-Role`);
      expect(tree[tfFile]).toContain(`ClickHouseAccessRole-${input.name}`);
      expect(results[i]?.outputs.roleArn).toBe(
        `arn:aws:iam::${account}:role/ClickHouseAccessRole-${input.name}`,
      );
    }

    // Only the workspaces remain in the private temp directory, and they hold no leftovers.
    const left = (await fs.readdir(privateTmp)).sort();
    expect(left).toEqual(workspaces.map((w) => path.basename(w)).sort());
    for (const workspace of workspaces) {
      expect(Object.keys(await readTree(workspace)).filter((file) => file.includes('.tmp'))).toEqual([]);
    }
  }, 120_000);
});
