/**
 * The bad-input corpus (test/corpus/*.yaml + manifest.json): every file is refused with the field paths, message
 * fragments and YAML lines recorded in the manifest, and none yields a plan.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatProblem } from '../src/errors';
import { compileGrantYaml, parseGrantYaml } from '../src/parse';
import type { Problem } from '../src/types';

interface ExpectedProblem {
  readonly path: string;
  readonly message: string;
  readonly line?: number;
}
interface CorpusCase {
  readonly file: string;
  readonly why: string;
  /** 'validate': parseGrantYaml refuses it. 'plan': well-formed, refused by compileGrantYaml (quotas). */
  readonly stage: 'validate' | 'plan';
  readonly problems: readonly ExpectedProblem[];
  /** Where the file comes from when it is not in corpus/ (see GENERATED). */
  readonly generated?: string;
}

const DIR = join(__dirname, 'corpus');
const manifest = JSON.parse(readFileSync(join(DIR, 'manifest.json'), 'utf8')) as { cases: CorpusCase[] };

/** 4,000 streams, 250 in each of 16 regions: a 277 KB file, so it is written here rather than kept in corpus/. */
function thousandsOfStreams(): string {
  const regions = [
    'us-east-1',
    'us-east-2',
    'us-west-1',
    'us-west-2',
    'eu-west-1',
    'eu-west-2',
    'eu-west-3',
    'eu-central-1',
    'eu-north-1',
    'ap-south-1',
    'ap-northeast-1',
    'ap-northeast-2',
    'ap-southeast-1',
    'ap-southeast-2',
    'ca-central-1',
    'sa-east-1',
  ];
  const streams = regions.flatMap((region) =>
    Array.from(
      { length: 250 },
      (_, i) => `    - arn: arn:aws:kinesis:${region}:123456789012:stream/stream-${i + 1}`,
    ),
  );
  return `${[
    '# 4,000 streams across 16 regions: more than 10 managed policies of 6,144 characters can hold.',
    'apiVersion: kinesis-access/v1',
    'kind: KinesisAccessGrant',
    'metadata:',
    '  name: firehose-of-streams',
    'spec:',
    '  profile: read-write',
    '  principal:',
    '    roleArn: arn:aws:iam::111122223333:role/ClickHouse-Service-Role',
    '  streams:', // line 10, where the manifest expects the quota problem
    ...streams,
  ].join('\n')}\n`;
}

/** Corpus cases generated here instead of read from corpus/ (the manifest marks them `generated`). */
const GENERATED: Readonly<Record<string, string>> = {
  'quota-thousands-of-streams.yaml': thousandsOfStreams(),
};
const read = (file: string) => GENERATED[file] ?? readFileSync(join(DIR, file), 'utf8');

function expectProblems(actual: readonly Problem[], expected: readonly ExpectedProblem[]): void {
  for (const want of expected) {
    const atPath = actual.filter((p) => p.path === want.path);
    if (atPath.length === 0) {
      throw new Error(
        `no problem at "${want.path}"; got:\n${actual.map((p) => formatProblem(p)).join('\n')}`,
      );
    }
    expect(atPath.map((p) => p.message)).toContainEqual(expect.stringContaining(want.message));
    if (want.line !== undefined) expect(atPath.map((p) => p.line)).toContain(want.line);
  }
  for (const problem of actual) {
    expect(problem.message.length).toBeGreaterThan(10);
    expect(typeof problem.path).toBe('string');
  }
}

describe('bad-input corpus', () => {
  test('has at least 30 files, each listed once in the manifest', () => {
    const files = [...readdirSync(DIR).filter((f) => f.endsWith('.yaml')), ...Object.keys(GENERATED)].sort();
    expect(files.length).toBeGreaterThanOrEqual(30);
    expect(manifest.cases.map((c) => c.file).sort()).toEqual(files);
  });

  test('generates exactly the cases the manifest marks as generated', () => {
    expect(Object.keys(GENERATED).sort()).toEqual(
      manifest.cases
        .filter((c) => c.generated !== undefined)
        .map((c) => c.file)
        .sort(),
    );
  });

  test.each(manifest.cases)('$file: $why', ({ file, stage, problems }) => {
    const text = read(file);
    const parsed = parseGrantYaml(text);
    const compiled = compileGrantYaml(text);
    // Never a plan.
    expect(compiled.ok).toBe(false);
    if (compiled.ok) return;
    if (stage === 'validate') {
      expect(parsed.ok).toBe(false);
      if (parsed.ok) return;
      expectProblems(parsed.problems, problems);
      // compile reports the same problems (it validates first).
      expect(compiled.problems).toEqual(parsed.problems);
    } else {
      expect(parsed.ok).toBe(true);
      expectProblems(compiled.problems, problems);
    }
  });

  test('several problems in one file are all reported, each with its own line', () => {
    const result = parseGrantYaml(read('several-problems-at-once.yaml'));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => [p.path, p.line])).toEqual([
      ['metadata.name', 4],
      ['spec.principal.roleArn', 8],
      ['spec.streams[0].kmsKeyArn', 11],
      ['spec.streams[1].arn', 12],
    ]);
  });

  test('quota problems name the grant, the quota and the number', () => {
    const streams = compileGrantYaml(read('quota-thousands-of-streams.yaml'));
    const trust = compileGrantYaml(read('quota-trust-policy-size.yaml'));
    expect(streams.ok || trust.ok).toBe(false);
    if (streams.ok || trust.ok) return;
    expect(streams.problems[0]?.message).toMatch(
      /^grant "firehose-of-streams": .*\d+ managed policies.*4,000 streams.*quota is 10/,
    );
    expect(trust.problems[0]?.message).toMatch(
      /^grant "too-many-trusted": the trust policy is [\d,]+ non-whitespace characters; the IAM quota is 2,048/,
    );
  });
});
