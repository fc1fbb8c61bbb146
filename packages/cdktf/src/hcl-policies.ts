/**
 * Readable policies in HCL output: cdktf writes every policy document as an escaped JSON string
 * (`policy = "{\"Version\":…}"`); this rewrites those attributes as `jsonencode({...})` object expressions, the form
 * Terraform's own documentation uses, so a reviewer reads the statements as structured HCL. Terraform evaluates
 * `jsonencode` to the same document (object keys sorted); the JSON output (`cdk.tf.json`) is not touched.
 */

/** Attributes that hold an IAM policy document (aws_iam_role, aws_iam_policy, aws_kinesis_resource_policy, …). */
const POLICY_ATTRIBUTE = /^([ \t]*)(policy|assume_role_policy)([ \t]*=[ \t]*)"((?:[^"\\\n]|\\.)*)"[ \t]*$/gm;

/** An HCL quoted string → its value; undefined when it holds a template sequence or an escape JSON cannot read. */
function hclStringValue(inner: string): string | undefined {
  // A `${…}` or `%{…}` that is not escaped (`$${`, `%%{`) is an interpolation or directive: not a plain string.
  if (/(^|[^$])\$\{|(^|[^%])%\{/.test(inner)) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(`"${inner}"`);
  } catch {
    return undefined;
  }
  return typeof value === 'string' ? value.replace(/\$\$\{/g, '${').replace(/%%\{/g, '%{') : undefined;
}

/** A value as an HCL quoted string: JSON escapes (a subset of HCL's) plus HCL's own `$${` and `%%{`. */
function hclString(value: string): string {
  return JSON.stringify(value).replace(/\$\{/g, '$$$${').replace(/%\{/g, '%%{');
}

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_-]*$/;

/** A JSON value as an HCL expression, indented for a line that starts at `indent`. */
function hclValue(value: unknown, indent: string): string {
  if (value === null) return 'null';
  if (typeof value === 'string') return hclString(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    if (value.length === 1 && (value[0] === null || typeof value[0] !== 'object'))
      return `[${hclValue(value[0], inner)}]`;
    return `[\n${value.map((item) => `${inner}${hclValue(item, inner)},`).join('\n')}\n${indent}]`;
  }
  const entries = Object.entries(value as Record<string, unknown>);
  if (entries.length === 0) return '{}';
  const lines = entries.map(
    ([key, item]) => `${inner}${IDENTIFIER.test(key) ? key : hclString(key)} = ${hclValue(item, inner)}`,
  );
  return `{\n${lines.join('\n')}\n${indent}}`;
}

function isPolicyDocument(value: unknown): value is Record<string, unknown> {
  return (
    value !== null &&
    typeof value === 'object' &&
    !Array.isArray(value) &&
    'Statement' in value &&
    'Version' in value
  );
}

/**
 * Rewrite policy attributes holding a JSON string as `jsonencode({...})`. Anything that is not a plain string
 * holding a policy document (a reference, a template, other JSON) is left as it is.
 */
export function policiesAsJsonencode(hcl: string): string {
  return hcl.replace(
    POLICY_ATTRIBUTE,
    (line, indent: string, name: string, equals: string, inner: string) => {
      const text = hclStringValue(inner);
      if (text === undefined) return line;
      let document: unknown;
      try {
        document = JSON.parse(text);
      } catch {
        return line;
      }
      if (!isPolicyDocument(document)) return line;
      return `${indent}${name}${equals}jsonencode(${hclValue(document, indent)})`;
    },
  );
}
