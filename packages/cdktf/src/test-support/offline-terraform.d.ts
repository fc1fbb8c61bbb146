/** Types of offline-terraform.js (shared by the jest tests and the bench). */
export declare const DEFAULT_MIRROR: string;
export declare const MIRROR_ENV: string;
export declare const OVERRIDE_FILE: string;
export interface TerraformResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
  readonly ms: number;
}
export interface TerraformOptions {
  readonly cwd: string;
  readonly env: Record<string, string>;
}
export declare function requireTerraform(env?: NodeJS.ProcessEnv): string;
export declare function providerMirror(env?: NodeJS.ProcessEnv): string | undefined;
export declare function terraformTestEnv(
  dir: string,
  env?: NodeJS.ProcessEnv,
): { env: Record<string, string>; mirror: string | undefined; cliConfig: string };
export declare function offlineOverride(stackJson: unknown): unknown;
export declare function writeOfflineOverride(stackDir: string): void;
export declare function terraform(
  args: readonly string[],
  options: TerraformOptions,
): Promise<TerraformResult>;
export declare function terraformOk(
  args: readonly string[],
  options: TerraformOptions,
): Promise<TerraformResult>;
