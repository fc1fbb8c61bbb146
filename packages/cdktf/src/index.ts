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
 * - `@kinesis-access/cdktf/settings` (`settings-entry.ts`): the settings schema and the file layout, without
 *   cdktf, for callers that only read settings or name files (the Backstage module at startup, the revoke action).
 * - `dist/app.js`: the cdktf app that `cdktf synth` runs (cdktf.json `app`), not a library entry.
 */
import './preload';

export * from './settings-entry';
export {
  checkFreshness,
  type FreshnessOptions,
  type FreshnessReport,
  type RenderedFiles,
  type RenderedStack,
  type RenderFilesOptions,
  type RenderOptions,
  renderFiles,
  type SynthGrantsOptions,
  type SynthGrantsResult,
  synthGrants,
} from './synth';
