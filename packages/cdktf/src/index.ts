/**
 * @packageDocumentation
 * @kinesis-access/cdktf: renders the policy model's grant plans as Terraform with CDKTF. No IAM knowledge lives
 * here: the construct maps a {@link GrantPlan}'s role, trust policy, managed policies, resource policies and
 * optional IAM user onto AWS provider resources. Deep imports only (`@cdktf/provider-aws/lib/...`).
 *
 * Entry points (each file is that entry's whole public face, holding what other packages use; `report.api.md` and
 * `report-settings.api.md` beside package.json record them):
 * - `@kinesis-access/cdktf` (this file): render, synthesize and check the freshness of grant stacks, plus
 *   everything of `./settings`. Loading it loads cdktf and the AWS provider's IAM classes.
 * - `@kinesis-access/cdktf/settings` (`settings-entry.ts`): the settings schema without cdktf, for callers that
 *   only read settings (the Backstage module at startup).
 * - the `kinesis-access-cdktf` bin (`app.ts`): the cdktf app that `cdktf synth` runs, not a library entry.
 */
import './preload';

export { type RenderedFiles, type RenderFilesOptions, renderFiles } from './format';
export { checkFreshness, type FreshnessOptions, type FreshnessReport } from './freshness';
export { type RenderedStack, type RenderOptions } from './render';
export * from './settings-entry';
export { type SynthGrantsOptions, type SynthGrantsResult, synthGrants } from './write';
