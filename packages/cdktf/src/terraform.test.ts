/**
 * The REAL terraform CLI with the REAL AWS provider (from the provider mirror): init, validate, an offline plan,
 * and `terraform show -json`. The planned trust, permission and resource policies are then compared with the
 * model's plan and run through the shared IAM simulation matrix: what terraform would create is exactly what the
 * model decided. Fake keys and skip flags live only in a test override file (test-support/offline-terraform.js).
 *
 * One init per layout: the per-account stack holds every test grant (so every grant is simulated), the per-grant
 * layout is checked on the grant with the most parts (two regions, resource policies, KMS). The HCL output
 * (`synth --hcl`, policies as `jsonencode`) is validated in both layouts and planned in the account layout.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { GENERATED_DIR, stackDirectory, stackNameFor } from '@kinesis-access/grant-files';
import { expectGrantSemantics, intentFromGrant } from '@kinesis-access/iam-test-kit';
import type { GrantPlan, PolicyDocument } from '@kinesis-access/policy-model';
import { allTestGrants, type TestGrant } from './test-support/grants';
import {
  OVERRIDE_FILE,
  offlineOverride,
  requireTerraform,
  terraformOk,
  terraformTestEnv,
  writeOfflineOverride,
} from './test-support/offline-terraform';
import { synthGrants } from './write';

jest.setTimeout(240_000);

interface PlanJson {
  resource_changes: {
    address: string;
    type: string;
    change: { actions: string[]; after: Record<string, unknown> };
  }[];
  configuration: {
    provider_config: Record<
      string,
      { name: string; alias?: string; expressions?: Record<string, { constant_value?: unknown }> }
    >;
    root_module: {
      resources: {
        address: string;
        type: string;
        provider_config_key: string;
        expressions: Record<string, { references?: string[]; constant_value?: unknown }>;
      }[];
    };
  };
}

/** What terraform plans for one grant, read from `terraform show -json` (configuration references, not names). */
interface PlannedGrant {
  readonly trustPolicy: PolicyDocument;
  readonly rolePolicies: PolicyDocument[];
  readonly userPolicies: PolicyDocument[];
  readonly resourcePolicies: { resourceArn: string; region: string; document: PolicyDocument }[];
  readonly role: Record<string, unknown>;
  readonly user?: Record<string, unknown>;
}

function plannedGrant(planJson: PlanJson, plan: GrantPlan): PlannedGrant {
  const after = new Map(planJson.resource_changes.map((r) => [r.address, r.change.after]));
  const config = planJson.configuration.root_module.resources;
  const roleAddress = planJson.resource_changes.find(
    (r) => r.type === 'aws_iam_role' && r.change.after.name === plan.role.name,
  )?.address;
  if (roleAddress === undefined) throw new Error(`no planned role ${plan.role.name}`);
  const userAddress = planJson.resource_changes.find(
    (r) => r.type === 'aws_iam_user' && r.change.after.name === plan.iamUser?.name,
  )?.address;
  const attached = (type: string, field: string, owner: string | undefined): PolicyDocument[] =>
    owner === undefined
      ? []
      : config
          .filter((c) => c.type === type && (c.expressions[field]?.references ?? []).includes(owner))
          .map((c) => {
            const policy = (c.expressions.policy_arn?.references ?? []).find((r) =>
              /^aws_iam_policy\.[^.]+$/.test(r),
            );
            return JSON.parse(String(after.get(String(policy))?.policy)) as PolicyDocument;
          });
  const grantPrefix = `${plan.grantName}_`;
  const resourcePolicies = config
    .filter(
      (c) => c.type === 'aws_kinesis_resource_policy' && c.address.split('.')[1]?.startsWith(grantPrefix),
    )
    .map((c) => {
      const planned = after.get(c.address) ?? {};
      const provider = planJson.configuration.provider_config[c.provider_config_key];
      return {
        resourceArn: String(planned.resource_arn),
        region: String(provider?.expressions?.region?.constant_value),
        document: JSON.parse(String(planned.policy)) as PolicyDocument,
      };
    });
  return {
    trustPolicy: JSON.parse(String(after.get(roleAddress)?.assume_role_policy)) as PolicyDocument,
    rolePolicies: attached('aws_iam_role_policy_attachment', 'role', roleAddress),
    userPolicies: attached('aws_iam_user_policy_attachment', 'user', userAddress),
    resourcePolicies,
    role: after.get(roleAddress) ?? {},
    ...(userAddress === undefined ? {} : { user: after.get(userAddress) ?? {} }),
  };
}

const byArn = (a: { resourceArn: string }, b: { resourceArn: string }) =>
  a.resourceArn < b.resourceArn ? -1 : 1;

/** The planned documents are the model's documents, field for field. */
function expectPlannedEqualsModel(planned: PlannedGrant, plan: GrantPlan): void {
  expect(planned.trustPolicy).toEqual(plan.trustPolicy);
  expect(planned.rolePolicies).toEqual(plan.policies.map((p) => p.document));
  expect(planned.role).toEqual(
    expect.objectContaining({
      name: plan.role.name,
      path: plan.role.path,
      description: plan.role.description,
      max_session_duration: plan.role.maxSessionDuration,
      permissions_boundary: plan.role.permissionsBoundaryArn ?? null,
      tags: Object.keys(plan.role.tags).length > 0 ? plan.role.tags : null,
    }),
  );
  expect([...planned.resourcePolicies].sort(byArn)).toEqual(
    [...plan.resourcePolicies]
      .sort(byArn)
      .map((r) => ({ resourceArn: r.resourceArn, region: r.region, document: r.document })),
  );
  if (plan.iamUser === undefined) {
    expect(planned.user).toBeUndefined();
  } else {
    expect(planned.user).toEqual(
      expect.objectContaining({ name: plan.iamUser.name, path: plan.iamUser.path }),
    );
    expect(planned.userPolicies).toEqual(
      plan.iamUser.policyNames.map((n) => plan.policies.find((p) => p.name === n)?.document),
    );
  }
}

/** The shared simulation matrix over what terraform planned (for an IAM-user grant: the user, then the role). */
async function expectPlannedSemantics(planned: PlannedGrant, grant: TestGrant): Promise<void> {
  const { spec, plan } = grant;
  const resourcePolicies = planned.resourcePolicies.map((r) => ({
    resourceArn: r.resourceArn,
    document: r.document,
  }));
  if (plan.iamUser !== undefined) {
    await expectGrantSemantics(
      { permissionPolicies: planned.userPolicies, resourcePolicies },
      intentFromGrant(spec, plan),
    );
    const asRole = { ...spec, spec: { ...spec.spec, upsolver: { credentials: 'role' as const } } };
    await expectGrantSemantics(
      { trustPolicy: planned.trustPolicy, permissionPolicies: planned.rolePolicies, resourcePolicies },
      intentFromGrant(asRole, plan.role.arn),
    );
    return;
  }
  await expectGrantSemantics(
    { trustPolicy: planned.trustPolicy, permissionPolicies: planned.rolePolicies, resourcePolicies },
    intentFromGrant(spec, plan),
  );
}

const grants = allTestGrants();

describe.each([
  { layout: 'account' as const, covered: grants },
  { layout: 'grant' as const, covered: grants.filter((g) => g.plan.grantName === 'shared-two-regions') },
])('real terraform, $layout layout', ({ layout, covered }) => {
  let tmp: string;
  let stackDir: string;
  let env: Record<string, string>;
  let planJson: PlanJson;

  beforeAll(async () => {
    requireTerraform();
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), `kinesis-access-tf-${layout}-`));
    env = terraformTestEnv(path.join(tmp, 'tf-home')).env;
    await synthGrants({ plans: grants.map((g) => g.plan), outDir: path.join(tmp, GENERATED_DIR), layout });
    const first = covered[0]?.plan as GrantPlan;
    stackDir = path.join(tmp, GENERATED_DIR, ...stackDirectory(stackNameFor(first, layout)).split('/'));
    await terraformOk(['init', '-input=false', '-no-color'], { cwd: stackDir, env });
  });

  afterAll(() => {
    if (tmp !== undefined) fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('validates without errors or warnings', async () => {
    const run = await terraformOk(['validate', '-no-color'], { cwd: stackDir, env });
    expect(run.stdout).toContain('Success! The configuration is valid.');
    expect(`${run.stdout}${run.stderr}`).not.toMatch(/Warning/);
  });

  it('plans offline: only creates, in the right regions, nothing shipped changed', async () => {
    const shipped = fs.readFileSync(path.join(stackDir, 'cdk.tf.json'), 'utf8');
    writeOfflineOverride(stackDir);
    await terraformOk(['plan', '-input=false', '-no-color', '-lock=false', '-out=plan.out'], {
      cwd: stackDir,
      env,
    });
    const show = await terraformOk(['show', '-json', 'plan.out'], { cwd: stackDir, env });
    planJson = JSON.parse(show.stdout) as PlanJson;
    expect(fs.readFileSync(path.join(stackDir, 'cdk.tf.json'), 'utf8')).toBe(shipped);
    expect(shipped).not.toMatch(/"(access_key|secret_key|skip_[a-z_]+)":/);
    expect(new Set(planJson.resource_changes.flatMap((r) => r.change.actions))).toEqual(new Set(['create']));
    const resourcesPerGrant = covered.map((g) => {
      const p = g.plan;
      return (
        3 +
        2 * p.policies.length +
        p.resourcePolicies.length +
        (p.iamUser ? 2 + p.iamUser.policyNames.length : 0)
      );
    });
    if (layout === 'grant') {
      expect(planJson.resource_changes).toHaveLength(resourcesPerGrant.reduce((a, b) => a + b, 0));
    }
    expect(planJson.resource_changes.length).toBeGreaterThanOrEqual(
      resourcesPerGrant.reduce((a, b) => a + b, 0),
    );
  });

  it('plans exactly the trust, permission and resource policies the model decided', () => {
    expect(planJson).toBeDefined();
    for (const grant of covered) expectPlannedEqualsModel(plannedGrant(planJson, grant.plan), grant.plan);
  });

  it('plans policies that pass the shared IAM simulation matrix', async () => {
    expect(planJson).toBeDefined();
    for (const grant of covered) await expectPlannedSemantics(plannedGrant(planJson, grant.plan), grant);
  });

  it('validates HCL (synth --hcl: policies as jsonencode objects) without warnings; plans the same policies', async () => {
    const hclOut = path.join(tmp, 'generated-hcl');
    const result = await synthGrants({ plans: grants.map((g) => g.plan), outDir: hclOut, layout, hcl: true });
    expect(result.warnings).toEqual([]);
    const first = covered[0]?.plan as GrantPlan;
    const hclDir = path.join(hclOut, ...stackDirectory(stackNameFor(first, layout)).split('/'));
    const hcl = fs.readFileSync(path.join(hclDir, 'cdk.tf'), 'utf8');
    expect(hcl).toMatch(/^\s*policy\s+= jsonencode\(\{$/m);
    expect(hcl).toMatch(/^\s*assume_role_policy\s+= jsonencode\(\{$/m);
    expect(hcl).not.toContain('\\"Statement\\"');
    await terraformOk(['init', '-input=false', '-no-color'], { cwd: hclDir, env });
    const validate = await terraformOk(['validate', '-no-color'], { cwd: hclDir, env });
    expect(validate.stdout).toContain('Success! The configuration is valid.');
    expect(`${validate.stdout}${validate.stderr}`).not.toMatch(/Warning/);
    // The plan: once, in the account layout, whose stack holds every test grant (each plan costs ~10 s).
    if (layout !== 'account') return;
    // Same providers as the JSON stack: the same offline override (fake keys, skip flags) beside cdk.tf.
    const jsonStack = JSON.parse(fs.readFileSync(path.join(stackDir, 'cdk.tf.json'), 'utf8'));
    fs.writeFileSync(path.join(hclDir, OVERRIDE_FILE), JSON.stringify(offlineOverride(jsonStack), null, 2));
    await terraformOk(['plan', '-input=false', '-no-color', '-lock=false', '-out=plan.out'], {
      cwd: hclDir,
      env,
    });
    const show = await terraformOk(['show', '-json', 'plan.out'], { cwd: hclDir, env });
    const hclPlan = JSON.parse(show.stdout) as PlanJson;
    for (const grant of covered) expectPlannedEqualsModel(plannedGrant(hclPlan, grant.plan), grant.plan);
  });
});
