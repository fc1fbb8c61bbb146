import { dirname, join } from 'node:path';
import { cacheIamPolicyCollator } from './simulate';

test("the cached collator replaces iam-policy's per-call localeCompare and answers identically", () => {
  expect(cacheIamPolicyCollator()).toBe(true);
  const simulateEntry = require.resolve('@cloud-copilot/iam-simulate');
  const policyEntry = require.resolve('@cloud-copilot/iam-policy', { paths: [dirname(simulateEntry)] });
  const utils = require(join(dirname(policyEntry), 'utils.js')) as {
    caseInsensitiveEquals: (a: string, b: string) => boolean;
    caseInsensitiveEndsWith: (a: string, b: string) => boolean;
  };
  const words = [
    'StringEquals',
    'stringequals',
    'STRINGEQUALS',
    'StringLike',
    'ForAllValues',
    'forallvalues',
    'ForAnyValue',
    'IfExists',
    'ifexists',
    'ArnLikeIfExists',
    'é',
    'e',
    'É',
    'ß',
    'ss',
    '',
    'I',
    'ı',
  ];
  for (const a of words) {
    for (const b of words) {
      expect(utils.caseInsensitiveEquals(a, b)).toBe(
        a.localeCompare(b, undefined, { sensitivity: 'accent' }) === 0,
      );
      expect(utils.caseInsensitiveEndsWith(a, b)).toBe(
        a.slice(b.length * -1).localeCompare(b, undefined, { sensitivity: 'accent' }) === 0,
      );
    }
  }
});
