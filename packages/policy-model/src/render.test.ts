import { assertOk, formatProblem, GrantError } from './errors';
import { compileGrant } from './plan';
import { canonicalJson, renderJson } from './render';
import { grant } from '@kinesis-access/fixtures';

describe('renderJson', () => {
  it('returns exactly the DESIGN.md contract', () => {
    const p = assertOk(
      compileGrant(
        grant({ profile: 'read', resourcePolicy: { principals: ['arn:aws:iam::444455556666:root'] } }),
      ),
    );
    const rendered = renderJson(p);
    expect(Object.keys(rendered)).toEqual([
      'roleName',
      'rolePath',
      'trustPolicy',
      'policies',
      'resourcePolicies',
    ]);
    expect(rendered.roleName).toBe('kinesis-access-orders');
    expect(rendered.rolePath).toBe('/');
    expect(rendered.policies.map((x) => Object.keys(x))).toEqual([['name', 'document']]);
    expect(rendered.resourcePolicies.map((x) => Object.keys(x))).toEqual([['resourceArn', 'document']]);
  });
});

describe('canonicalJson', () => {
  it('sorts keys at every depth, keeps array order, indents 2 and ends with a newline', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: 1, y: 2 }], c: null }, u: undefined })).toBe(
      '{\n  "a": {\n    "c": null,\n    "d": [\n      3,\n      {\n        "y": 2,\n        "z": 1\n      }\n    ]\n  },\n  "b": 1\n}\n',
    );
  });
});

describe('errors at the edge', () => {
  it('assertOk throws a GrantError with every problem, in the CLI line format', () => {
    const result = compileGrant({ apiVersion: 'kinesis-access/v1' });
    expect(() => assertOk(result, 'grants/a.yaml')).toThrow(GrantError);
    try {
      assertOk(result, 'grants/a.yaml');
    } catch (error) {
      expect((error as GrantError).problems.length).toBe(3);
      expect((error as Error).message.split('\n')).toEqual([
        'grants/a.yaml: kind: must be "KinesisAccessGrant", received nothing',
        'grants/a.yaml: metadata: is required (a mapping of fields)',
        'grants/a.yaml: spec: is required (a mapping of fields)',
      ]);
    }
    expect(formatProblem({ path: 'spec', message: 'm', line: 3 })).toBe('spec: m (line 3)');
  });
});
