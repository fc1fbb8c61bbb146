import { streamRowOfPath } from './grantInput';

describe('problem paths → stream rows', () => {
  it('finds the stream row and column of a path', () => {
    expect(streamRowOfPath('spec.streams[2].kmsKeyArn')).toEqual({ index: 2, column: 'kmsKeyArn' });
    expect(streamRowOfPath('spec.streams[0]')).toEqual({ index: 0 });
    expect(streamRowOfPath('spec.streams')).toBeUndefined();
  });
});
