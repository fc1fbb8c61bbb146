/**
 * Real terraform for tests and the bench, offline: a CLI config that installs the AWS provider from a filesystem
 * mirror, a shared plugin cache, and an override file with fake static keys and the skip flags that let
 * `terraform plan` run without AWS. TEST-ONLY: nothing here is part of the generated Terraform or of dist/.
 */
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const DEFAULT_MIRROR = '/opt/tf-plugins';
const MIRROR_ENV = 'KINESIS_ACCESS_TF_MIRROR';
const OVERRIDE_FILE = 'zz_offline_override.tf.json';
// AWS's documented example keys: never valid anywhere.
const FAKE_ACCESS_KEY = 'AKIAIOSFODNN7EXAMPLE';
const FAKE_SECRET_KEY = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';

/** The terraform binary, or a loud error: these tests never skip silently. */
function requireTerraform(env = process.env) {
  const explicit = env.KINESIS_ACCESS_TERRAFORM;
  const candidates = explicit
    ? [explicit]
    : (env.PATH || '')
        .split(path.delimiter)
        .filter(Boolean)
        .map((d) => path.join(d, 'terraform'));
  for (const candidate of candidates) {
    try {
      fs.accessSync(candidate, fs.constants.X_OK);
      if (fs.statSync(candidate).isFile()) return candidate;
    } catch {
      // next
    }
  }
  throw new Error(
    `terraform CLI not found (${explicit ? `KINESIS_ACCESS_TERRAFORM=${explicit}` : 'searched PATH'}). ` +
      'The real-terraform tests need it and do not skip: install terraform >= 1.10 (https://developer.hashicorp.com/terraform/install) ' +
      'or point KINESIS_ACCESS_TERRAFORM at the binary.',
  );
}

/** Provider mirror: $KINESIS_ACCESS_TF_MIRROR, else /opt/tf-plugins when it exists, else none (plain init). */
function providerMirror(env = process.env) {
  const configured = env[MIRROR_ENV];
  if (configured) {
    if (!fs.existsSync(configured)) throw new Error(`${MIRROR_ENV}=${configured}: no such directory`);
    return configured;
  }
  return fs.existsSync(DEFAULT_MIRROR) ? DEFAULT_MIRROR : undefined;
}

/**
 * Write a terraform CLI config under `dir` and return the environment to run terraform with: mirror (when there
 * is one), a plugin cache shared by every test run on the machine, no checkpoint calls.
 */
function terraformTestEnv(dir, env = process.env) {
  const mirror = providerMirror(env);
  const cache = path.join(os.tmpdir(), 'kinesis-access-tf-plugin-cache');
  fs.mkdirSync(cache, { recursive: true });
  const lines = [];
  if (mirror)
    lines.push('provider_installation {', `  filesystem_mirror { path = ${JSON.stringify(mirror)} }`, '}');
  lines.push(`plugin_cache_dir = ${JSON.stringify(cache)}`, 'disable_checkpoint = true', '');
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'terraformrc');
  fs.writeFileSync(file, lines.join('\n'));
  const out = {};
  for (const [k, v] of Object.entries(env)) if (v !== undefined) out[k] = v;
  for (const k of Object.keys(out)) if (k.startsWith('AWS_')) delete out[k];
  Object.assign(out, {
    TF_CLI_CONFIG_FILE: file,
    CHECKPOINT_DISABLE: '1',
    TF_IN_AUTOMATION: '1',
    TF_INPUT: '0',
  });
  return { env: out, mirror, cliConfig: file };
}

/** Override every aws provider block of a JSON stack (by alias) with fake keys and the offline skip flags. */
function offlineOverride(stackJson) {
  const providers = stackJson.provider?.aws ?? [];
  return {
    provider: {
      aws: providers.map((p) => ({
        ...(p.alias ? { alias: p.alias } : {}),
        access_key: FAKE_ACCESS_KEY,
        secret_key: FAKE_SECRET_KEY,
        skip_credentials_validation: true,
        skip_requesting_account_id: true,
        skip_metadata_api_check: 'true',
        skip_region_validation: true,
        // allowed_account_ids needs the caller's account id, which an offline plan never asks for.
        allowed_account_ids: null,
      })),
    },
  };
}

/** Write the offline override next to `<stackDir>/cdk.tf.json`. */
function writeOfflineOverride(stackDir) {
  const stack = JSON.parse(fs.readFileSync(path.join(stackDir, 'cdk.tf.json'), 'utf8'));
  fs.writeFileSync(path.join(stackDir, OVERRIDE_FILE), JSON.stringify(offlineOverride(stack), null, 2));
}

/** Run terraform; resolves with { code, stdout, stderr, ms }. */
function terraform(args, options) {
  const binary = requireTerraform(options.env);
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(binary, [`-chdir=${options.cwd}`, ...args], {
      env: options.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const out = [];
    const err = [];
    child.stdout.on('data', (d) => out.push(d));
    child.stderr.on('data', (d) => err.push(d));
    child.on('error', reject);
    child.on('close', (code) =>
      resolve({
        code: code ?? 1,
        stdout: Buffer.concat(out).toString(),
        stderr: Buffer.concat(err).toString(),
        ms: performance.now() - started,
      }),
    );
  });
}

/** terraform, failing with its output when the exit code is not 0. */
async function terraformOk(args, options) {
  const run = await terraform(args, options);
  if (run.code !== 0) {
    throw new Error(
      `terraform ${args.join(' ')} (in ${options.cwd}) exited ${run.code}:\n${run.stderr}\n${run.stdout}`,
    );
  }
  return run;
}

module.exports = {
  DEFAULT_MIRROR,
  MIRROR_ENV,
  OVERRIDE_FILE,
  offlineOverride,
  providerMirror,
  requireTerraform,
  terraform,
  terraformOk,
  terraformTestEnv,
  writeOfflineOverride,
};
