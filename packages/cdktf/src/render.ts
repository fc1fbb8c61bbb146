/**
 * In-process rendering: grant plans → Terraform file contents in memory, without cdktf's App.synth (which writes a
 * manifest, reads SYNTH_HCL_OUTPUT from the process environment and is not safe for concurrent calls). Every call
 * builds its own construct tree. Formatting HCL is in format.ts, writing in write.ts, comparing in freshness.ts.
 */

import { type StackLayout, stackFile } from '@kinesis-access/grant-files';
import type { GrantPlan } from '@kinesis-access/policy-model';
import { Construct } from 'constructs';
import { AnnotationMetadataEntryType, DISABLE_STACK_TRACE_IN_METADATA } from './cdktf-core';
import { policiesAsJsonencode } from './hcl-policies';
import type { BackendConfig } from './settings';
import { addGrantStacks, type KinesisAccessStack } from './stack';
import { stableJson, stackToTerraform } from './terraform-json';

// biome-ignore lint/suspicious/noExplicitAny: package.json has no types
const CDKTF_VERSION: string = (require('cdktf/package.json') as any).version;

/** One synthesized stack. */
export interface RenderedStack {
  readonly stackName: string;
  /** Grants in the stack, sorted. */
  readonly grantNames: readonly string[];
  /** The generated file, relative to the output directory (POSIX separators). */
  readonly file: string;
  readonly content: string;
}

export interface RenderOptions {
  readonly layout?: StackLayout;
  readonly backend?: BackendConfig;
  readonly deployRoleArn?: string;
  /** Terraform native syntax (`cdk.tf`) instead of JSON (`cdk.tf.json`). @default false */
  readonly hcl?: boolean;
}

/** A fresh construct root (what `App` provides, minus its environment reads and its output directory). */
function newRoot(): Construct {
  const root = new Construct(undefined as unknown as Construct, '');
  root.node.setContext('cdktfVersion', CDKTF_VERSION);
  root.node.setContext(DISABLE_STACK_TRACE_IN_METADATA, true);
  return root;
}

/**
 * What cdktf's App.synth + StackSynthesizer do, minus the disk, aspects (none are used) and `prepareStack` (a
 * full extra resolve pass that only adds cross-stack references and a default backend; our stacks have neither
 * need: every stack gets an explicit backend).
 */
function renderStack(stack: KinesisAccessStack, hcl: boolean): string {
  stack.runAllValidations();
  const errors = stack.node
    .findAll()
    .flatMap((c) =>
      c.node.metadata
        .filter((m) => m.type === AnnotationMetadataEntryType.ERROR)
        .map((m) => `[${c.node.path}] ${m.data}`),
    );
  if (errors.length > 0) throw new Error(`synth of stack ${stack.node.id} failed:\n  ${errors.join('\n  ')}`);
  return hcl ? tidyHcl(stack.toHclTerraform().hcl) : stableJson(stackToTerraform(stack));
}

/**
 * Three fixes to cdktf's HCL: it quotes provider references (`provider = "aws.eu-west-1"`, deprecated, warns on every
 * validate) and writes interpolation-only strings (`"${aws_iam_policy.x.arn}"`); both become plain references. And
 * it writes policy documents as escaped JSON strings; they become `jsonencode({...})` objects a reviewer can read.
 */
export function tidyHcl(hcl: string): string {
  return policiesAsJsonencode(
    hcl
      .replace(/^(\s*provider\s*=\s*)"([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+)"[ \t]*$/gm, '$1$2')
      .replace(/"\$\{([A-Za-z_][A-Za-z0-9_.-]*)\}"/g, '$1'),
  );
}

/**
 * Render the stacks for some plans in memory (unformatted HCL with `hcl`). Throws before anything is written
 * when plans cannot be laid out (duplicate grant names) or cdktf validation fails.
 */
export function renderStacks(plans: readonly GrantPlan[], options: RenderOptions = {}): RenderedStack[] {
  const root = newRoot();
  const stacks = addGrantStacks(root, plans, options);
  const hcl = options.hcl ?? false;
  return stacks.map((stack) => ({
    stackName: stack.node.id,
    grantNames: stack.grants.map((g) => g.node.id),
    file: stackFile(stack.node.id, hcl),
    content: renderStack(stack, hcl),
  }));
}
