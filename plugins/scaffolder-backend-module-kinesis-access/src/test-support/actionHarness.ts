import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ActionContext } from '@backstage/plugin-scaffolder-node';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import type { JsonObject } from '@backstage/types';
import { compareCodeUnits } from '@kinesis-access/policy-model';
import {
  createKinesisAccessGrantAction,
  type KinesisAccessGrantActionOptions,
} from '../actions/kinesisAccessGrant';

/** A valid ClickPipes grant input (one stream). */
export const VALID_INPUT = {
  name: 'orders-clickpipes',
  clickhouseRoleArn: 'arn:aws:iam::111122223333:role/CH-S3-steel-sb-23-ue1-23-Role',
  streams: [{ arn: 'arn:aws:kinesis:us-east-1:123456789012:stream/orders' }],
} as const;

export async function newWorkspace(prefix = 'ka-ws-'): Promise<string> {
  return await fs.mkdtemp(path.join(os.tmpdir(), prefix));
}

/** Every file under dir (relative, '/'-separated, sorted) with its text. */
export async function readTree(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  async function walk(current: string): Promise<void> {
    let entries: import('node:fs').Dirent[];
    try {
      entries = await fs.readdir(current, { withFileTypes: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
      throw error;
    }
    for (const entry of entries) {
      const absolute = path.join(current, entry.name);
      if (entry.isDirectory()) await walk(absolute);
      else out[path.relative(dir, absolute).split(path.sep).join('/')] = await fs.readFile(absolute, 'utf8');
    }
  }
  await walk(dir);
  return Object.fromEntries(Object.entries(out).sort(([a], [b]) => compareCodeUnits(a, b)));
}

export interface RunResult {
  readonly outputs: Record<string, unknown>;
  readonly ctx: ActionContext<JsonObject>;
}

/** Runs the action's handler the way the scaffolder would (raw input, no zod defaults). */
export async function runAction(
  input: unknown,
  workspacePath: string,
  extra: { isDryRun?: boolean; options?: KinesisAccessGrantActionOptions } = {},
): Promise<RunResult> {
  const action = createKinesisAccessGrantAction(extra.options);
  const outputs: Record<string, unknown> = {};
  // createMockActionContext only takes input/workspacePath/logger/...: output and isDryRun are set on top.
  const ctx: ActionContext<JsonObject> = {
    ...createMockActionContext<JsonObject>({ input: input as JsonObject, workspacePath }),
    isDryRun: extra.isDryRun ?? false,
    output: (name: string, value: unknown) => {
      outputs[name] = value;
    },
  };
  await action.handler(ctx as never);
  return { outputs, ctx };
}
