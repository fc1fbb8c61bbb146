import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { resolveSafeChildPath } from '@backstage/backend-plugin-api';

/** A file to place under a root directory; `path` is relative and uses '/'. */
export interface WorkspaceFile {
  readonly path: string;
  readonly content: string;
}

/** Suffix of the temporary files this module writes next to their destination before renaming them. */
export const TEMP_SUFFIX = '.kinesis-access.tmp';

/** The file's current text, or `undefined` when it does not exist. */
export async function readIfExists(root: string, relativePath: string): Promise<string | undefined> {
  try {
    return await fs.readFile(resolveSafeChildPath(root, relativePath), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/**
 * Writes every file or none: each file goes to a temporary sibling first (phase 1); only when all of them are
 * written are they renamed into place (phase 2, same directory, so each rename is atomic). If phase 1 fails, the
 * temporary files and any directories it created are removed again, so a failed run leaves the workspace as it
 * was.
 */
export async function writeFilesAtomically(root: string, files: readonly WorkspaceFile[]): Promise<void> {
  const staged: { readonly temp: string; readonly dest: string }[] = [];
  const createdDirs: string[] = [];
  const token = randomBytes(6).toString('hex');
  try {
    for (const file of files) {
      const dest = resolveSafeChildPath(root, file.path);
      const created = await fs.mkdir(path.dirname(dest), { recursive: true });
      if (created !== undefined) createdDirs.push(created);
      const temp = `${dest}.${token}${TEMP_SUFFIX}`;
      await fs.writeFile(temp, file.content, { encoding: 'utf8', flag: 'wx' });
      staged.push({ temp, dest });
    }
  } catch (error) {
    await Promise.all(staged.map(({ temp }) => fs.rm(temp, { force: true })));
    for (const dir of createdDirs.reverse()) await fs.rm(dir, { recursive: true, force: true });
    throw error;
  }
  try {
    for (const { temp, dest } of staged) await fs.rename(temp, dest);
  } finally {
    // Only reached with leftovers if a rename failed: never leave temporary files behind.
    await Promise.all(staged.map(({ temp }) => fs.rm(temp, { force: true })));
  }
}
