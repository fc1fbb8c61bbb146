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
/** Removes a workspace made by {@link newWorkspace}. */
export async function removeWorkspace(workspace: string): Promise<void> {
  await fs.rm(workspace, { recursive: true, force: true });
}

/** The error a promise rejects with; fails the test when it resolves or rejects with something else. */
export async function rejection(promise: Promise<unknown>): Promise<Error> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof Error)) throw new Error('expected the action to fail');
  return error;
}

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

/** An action's input schema as the scaffolder publishes it (JSON Schema): its fields and the required ones. */
export function inputSchemaOf(action: { readonly schema?: { readonly input?: unknown } }): {
  readonly properties: Record<string, { description?: string }>;
  readonly required: string[];
} {
  return action.schema?.input as never;
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
