/**
 * Finding grant files: the paths a user gives (files and directories) expanded into the grant files to read, and
 * the paths that cannot be read.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { compareCodeUnits, type Problem } from '@kinesis-access/policy-model';

/** File name endings that count as grant files when a directory is given. */
export const GRANT_FILE_EXTENSIONS: readonly string[] = ['.yaml', '.yml'];

/** A grant file to read. */
export interface GrantFile {
  /** The path as the user gave it (a file inside a given directory: `<dir>/<relative path>`). */
  readonly displayPath: string;
  readonly absolutePath: string;
}

/** Problems that belong to one file (or to a path the user gave that is not a readable file). */
export interface FileProblems {
  readonly file: string;
  readonly problems: readonly Problem[];
}

export interface CollectedFiles {
  readonly files: readonly GrantFile[];
  /** Paths that do not exist, cannot be read, or directories without grant files. */
  readonly problems: readonly FileProblems[];
}

function isGrantFileName(name: string): boolean {
  const lower = name.toLowerCase();
  return GRANT_FILE_EXTENSIONS.some((ext) => lower.endsWith(ext));
}

/** A file found, with its real path (to read a file reached twice only once). */
interface Found {
  readonly file: GrantFile;
  /** The file's real path; for a symbolic link that cannot be resolved, its own path (the read reports it). */
  readonly key: string;
}

function realPathOrSelf(file: string): string {
  try {
    return fs.realpathSync(file);
  } catch {
    return file; // unreadable: reported when the file is read
  }
}

/**
 * Grant files under a directory, recursively, sorted by path. Hidden entries (`.git`, `.terraform`, …) and
 * `node_modules` are skipped; symbolic links to files are followed, symbolic links to directories are not.
 * `realDir` is the real path of `absoluteDir`: as no directory link is followed, a regular file's real path is
 * `realDir/<name>`, without a realpath call per file.
 */
function walkDirectory(absoluteDir: string, displayDir: string, realDir: string, out: Found[]): void {
  const entries = fs
    .readdirSync(absoluteDir, { withFileTypes: true })
    .sort((a, b) => compareCodeUnits(a.name, b.name));
  for (const entry of entries) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    const absolutePath = path.join(absoluteDir, entry.name);
    const displayPath = path.join(displayDir, entry.name);
    if (entry.isDirectory()) {
      walkDirectory(absolutePath, displayPath, path.join(realDir, entry.name), out);
    } else if (isGrantFileName(entry.name)) {
      const file = { displayPath, absolutePath };
      if (entry.isFile()) out.push({ file, key: path.join(realDir, entry.name) });
      else if (entry.isSymbolicLink() && fs.statSync(absolutePath, { throwIfNoEntry: false })?.isFile())
        out.push({ file, key: realPathOrSelf(absolutePath) });
    }
  }
}

/** A short reason for a failed read (`no such file or directory`, `permission denied`, …). */
export function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT') return 'no such file or directory';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'is a directory';
  return error instanceof Error ? error.message : String(error);
}

/** Where `loadGrants` (and the collection it starts with) looks for grant files. */
export interface LoadGrantsOptions {
  /** Paths are relative to this directory. @default process.cwd() */
  readonly cwd?: string;
  /**
   * A readable directory without grant files is a path with no grants (`diff`: the base of a repository's first
   * grant, or what is left after revoking the last one) rather than a problem. @default false
   */
  readonly emptyDirectoryIsValid?: boolean;
}

/**
 * Expand the paths given on the command line into grant files. A file is taken as given (any name); a directory
 * contributes every `*.yaml` / `*.yml` file below it. A file reached twice (a directory and a file inside it) is
 * read once.
 */
export function collectGrantFiles(inputs: readonly string[], options: LoadGrantsOptions = {}): CollectedFiles {
  const cwd = options.cwd ?? process.cwd();
  const files: GrantFile[] = [];
  const problems: FileProblems[] = [];
  const seen = new Set<string>();
  for (const input of inputs) {
    const absolute = path.resolve(cwd, input);
    let stat: fs.Stats | undefined;
    try {
      stat = fs.statSync(absolute);
    } catch (error) {
      problems.push({
        file: input,
        problems: [{ path: '', message: `cannot read: ${describeFsError(error)}` }],
      });
      continue;
    }
    const found: Found[] = [];
    if (stat.isDirectory()) {
      try {
        walkDirectory(absolute, input, fs.realpathSync(absolute), found);
      } catch (error) {
        problems.push({
          file: input,
          problems: [{ path: '', message: `cannot read directory: ${describeFsError(error)}` }],
        });
        continue;
      }
      if (found.length === 0 && !options.emptyDirectoryIsValid) {
        problems.push({
          file: input,
          problems: [
            {
              path: '',
              message: `no grant files (${GRANT_FILE_EXTENSIONS.map((e) => `*${e}`).join(', ')}) in this directory`,
            },
          ],
        });
      }
    } else {
      found.push({ file: { displayPath: input, absolutePath: absolute }, key: realPathOrSelf(absolute) });
    }
    for (const { file, key } of found) {
      if (seen.has(key)) continue;
      seen.add(key);
      files.push(file);
    }
  }
  return { files, problems };
}
