/**
 * The docs cite only paths that exist in this repository: every relative Markdown link, and every `code span`
 * that names a repository path (starting with one of the top-level folders), in every Markdown file git knows.
 * Paths the docs tell you to generate (git-ignored outputs such as examples/generated/) count as present.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { run, runOk, WORKSPACE } from './lib/process';

const TOP = ['packages', 'plugins', 'docs', 'scripts', 'templates', 'examples', '.ci', '.changeset'];

async function markdownFiles(): Promise<string[]> {
  const out = await runOk('git', ['ls-files', '--cached', '--others', '--exclude-standard', '*.md'], {
    cwd: WORKSPACE,
  });
  return out.stdout
    .split('\n')
    .filter(Boolean)
    .filter((f) => fs.existsSync(path.join(WORKSPACE, f)));
}

/** Paths a file cites, as [cited text, absolute path]. */
function citations(file: string): [string, string][] {
  const text = fs.readFileSync(path.join(WORKSPACE, file), 'utf8').replace(/```[\s\S]*?```/g, '');
  const out: [string, string][] = [];
  for (const m of text.matchAll(/\]\(([^)\s#]+)(?:#[^)]*)?\)/g)) {
    const target = m[1] as string;
    if (/^[a-z]+:/i.test(target) || target.startsWith('#')) continue;
    out.push([target, path.resolve(WORKSPACE, path.dirname(file), target)]);
  }
  for (const m of text.matchAll(/`([^`\s]+)`/g)) {
    const cited = (m[1] as string).replace(/[:#].*$/, '').replace(/[.,;]$/, '');
    if (!TOP.some((t) => cited === t || cited.startsWith(`${t}/`))) continue;
    if (/[<>*{}$…]|\.\.\./.test(cited)) continue; // a pattern (grants/<name>.yaml), not one path
    out.push([cited, path.join(WORKSPACE, cited)]);
  }
  return out;
}

it('every path a doc cites exists in the repository', async () => {
  const files = await markdownFiles();
  expect(files.length).toBeGreaterThan(5);
  const missing: string[] = [];
  for (const file of files)
    for (const [cited, absolute] of citations(file)) {
      if (fs.existsSync(absolute)) continue;
      // An output the docs tell you to generate (examples/generated/…) is git-ignored, not missing.
      const ignored = await run('git', ['check-ignore', '-q', path.relative(WORKSPACE, absolute)], {
        cwd: WORKSPACE,
      });
      if (ignored.code !== 0) missing.push(`${file}: ${cited}`);
    }
  expect(missing).toEqual([]);
});
