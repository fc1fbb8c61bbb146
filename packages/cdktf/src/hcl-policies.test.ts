// biome-ignore-all lint/suspicious/noTemplateCurlyInString: IAM policy variables and HCL references, not templates
/**
 * `synth --hcl` writes policies as `jsonencode({...})`. The real terraform CLI evaluates what we write: the
 * document it produces must be the document we started from, for the model's policies and for strings HCL treats
 * specially (`${`, `%{`, quotes, backslashes, newlines, non-ASCII).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { policiesAsJsonencode } from './hcl-policies';
import { renderStacks } from './render';
import { allTestGrants } from './test-support/grants';
import { requireTerraform, terraformOk, terraformTestEnv } from './test-support/offline-terraform';

jest.setTimeout(120_000);

/** The HCL cdktf writes for a policy attribute: the document as an escaped JSON string. */
const cdktfStyle = (name: string, document: unknown): string =>
  `  ${name} = ${JSON.stringify(JSON.stringify(document)).replace(/\$\{/g, '$$$${').replace(/%\{/g, '%%{')}`;

const tricky = {
  Version: '2012-10-17',
  Statement: [
    {
      Sid: 'Tricky',
      Effect: 'Allow',
      Action: 's3:GetObject',
      Resource: [
        'arn:aws:s3:::bucket/home/${aws:username}/*',
        'arn:aws:s3:::bucket/%{literal}',
        'quote " backslash \\ newline \n tab \t',
        'non-ASCII: café ✓',
      ],
      Condition: { StringLike: { 's3:prefix': ['', 'home/${aws:username}/'] } },
    },
  ],
};

let tmp: string;
beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'kinesis-access-hcl-'));
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** Evaluate `jsonencode(...)` expressions with the real terraform (an outputs-only configuration, local state). */
async function evaluate(expressions: readonly string[]): Promise<unknown[]> {
  requireTerraform();
  const dir = fs.mkdtempSync(path.join(tmp, 'eval-'));
  const env = terraformTestEnv(path.join(dir, '.home')).env;
  fs.writeFileSync(
    path.join(dir, 'main.tf'),
    expressions.map((e, i) => `output "doc${i}" {\n  value = ${e}\n}\n`).join('\n'),
  );
  await terraformOk(['init', '-input=false', '-no-color'], { cwd: dir, env });
  await terraformOk(['apply', '-auto-approve', '-input=false', '-no-color'], { cwd: dir, env });
  const out = await terraformOk(['output', '-json'], { cwd: dir, env });
  const values = JSON.parse(out.stdout) as Record<string, { value: string }>;
  return expressions.map((_e, i) => JSON.parse(values[`doc${i}`]?.value ?? 'null'));
}

const expressionOf = (hcl: string): string => {
  const match = /= (jsonencode\([\s\S]*\))$/.exec(hcl.trimEnd());
  if (match === null) throw new Error(`not rewritten:\n${hcl}`);
  return match[1] as string;
};

describe('policiesAsJsonencode', () => {
  it('writes documents terraform evaluates back to the same JSON: the model’s, and HCL’s special characters', async () => {
    const documents = [
      tricky,
      ...allTestGrants().flatMap((g) => [
        g.plan.trustPolicy,
        ...g.plan.policies.map((p) => p.document),
        ...g.plan.resourcePolicies.map((r) => r.document),
      ]),
    ];
    const rewritten = documents.map((d) => policiesAsJsonencode(cdktfStyle('policy', d)));
    for (const hcl of rewritten) expect(hcl).toMatch(/^ {2}policy = jsonencode\(\{\n/);
    expect(rewritten[0]).toContain('"arn:aws:s3:::bucket/home/$${aws:username}/*"');
    expect(rewritten[0]).toContain('"arn:aws:s3:::bucket/%%{literal}"');
    expect(rewritten[0]).toContain('"s3:prefix" = [');
    const evaluated = await evaluate(rewritten.map(expressionOf));
    expect(evaluated).toEqual(documents);
  });

  it('leaves alone what is not a policy document in a plain string', () => {
    const untouched = [
      '  policy = aws_iam_policy_document.x.json',
      '  policy = "${data.aws_iam_policy_document.x.json}"',
      '  policy = "not json"',
      `  policy = ${JSON.stringify(JSON.stringify({ Version: '2012-10-17' }))}`,
      `  description = ${JSON.stringify(JSON.stringify(tricky))}`,
    ].join('\n');
    expect(policiesAsJsonencode(untouched)).toBe(untouched);
  });

  it('rewrites every trust, permission and resource policy of a synthesized stack, and nothing else', () => {
    const grants = allTestGrants();
    const json = renderStacks(
      grants.map((g) => g.plan),
      { layout: 'account' },
    );
    const hcl = renderStacks(
      grants.map((g) => g.plan),
      { layout: 'account', hcl: true },
    );
    const count = (text: string, pattern: RegExp) => (text.match(pattern) ?? []).length;
    for (const [i, stack] of hcl.entries()) {
      const document = JSON.parse(json[i]?.content ?? '{}') as {
        resource?: Record<string, Record<string, Record<string, unknown>>>;
      };
      const policyAttributes = Object.values(document.resource ?? {})
        .flatMap((byName) => Object.values(byName))
        .reduce((n, r) => n + ('policy' in r ? 1 : 0) + ('assume_role_policy' in r ? 1 : 0), 0);
      expect(policyAttributes).toBeGreaterThan(0);
      expect(count(stack.content, /^\s*(policy|assume_role_policy)\s*=\s*jsonencode\(\{$/gm)).toBe(
        policyAttributes,
      );
      expect(stack.content).not.toContain('\\"Version\\"');
    }
  });
});
