import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readTree } from '../test-support/actionHarness';
import { readIfExists, writeFilesAtomically } from './workspaceFiles';

let root: string;
beforeEach(async () => {
  root = await fs.mkdtemp(path.join(os.tmpdir(), 'ka-files-'));
});
afterEach(async () => {
  await fs.rm(root, { recursive: true, force: true });
});

describe('writeFilesAtomically', () => {
  it('writes every file, creating directories, and replaces existing ones', async () => {
    await fs.mkdir(path.join(root, 'a'));
    await fs.writeFile(path.join(root, 'a/one.txt'), 'old');
    await writeFilesAtomically(root, [
      { path: 'a/one.txt', content: 'new' },
      { path: 'b/c/two.txt', content: 'two' },
    ]);
    expect(await readTree(root)).toEqual({ 'a/one.txt': 'new', 'b/c/two.txt': 'two' });
  });

  it('writes nothing when one file cannot be written, and removes what it created', async () => {
    await fs.writeFile(path.join(root, 'blocker'), 'a file where a directory is needed');
    await expect(
      writeFilesAtomically(root, [
        { path: 'fresh/dir/one.txt', content: 'one' },
        { path: 'blocker/two.txt', content: 'two' },
      ]),
    ).rejects.toThrow(/ENOTDIR|EEXIST/);
    expect(await readTree(root)).toEqual({ blocker: 'a file where a directory is needed' });
  });

  it('refuses paths that leave the root', async () => {
    await expect(writeFilesAtomically(root, [{ path: '../outside.txt', content: 'x' }])).rejects.toThrow();
    await expect(fs.access(path.join(root, '..', 'outside.txt'))).rejects.toThrow();
  });
});

describe('readIfExists', () => {
  it('reads a file or returns undefined', async () => {
    await fs.writeFile(path.join(root, 'x'), 'y');
    expect(await readIfExists(root, 'x')).toBe('y');
    expect(await readIfExists(root, 'missing')).toBeUndefined();
  });
});
