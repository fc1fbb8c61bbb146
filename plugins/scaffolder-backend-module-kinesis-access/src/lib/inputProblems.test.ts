import { InputError } from '@backstage/errors';
import { problemsToInputError } from './inputProblems';

describe('problemsToInputError', () => {
  it('lists every problem in one InputError', () => {
    const error = problemsToInputError(
      [
        { path: 'metadata.name', message: 'must be lowercase, received "A"' },
        { path: 'spec.streams[0].arn', message: 'is required' },
      ],
      { name: 'A', streams: [{}] },
    );
    expect(error).toBeInstanceOf(InputError);
    expect(error.message).toBe(
      [
        'kinesis:access:grant input is not a valid grant (2 problems):',
        '  - name: must be lowercase, received "A"',
        '  - streams[0].arn: is required (received nothing)',
      ].join('\n'),
    );
  });
});
