import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { loadGrantsDirectory } from './load';
import { clickpipesYaml, EXAMPLE_GRANTS_DIR } from './test-support/grants';

describe('loadGrantsDirectory', () => {
  it('plans every example grant, sorted by file', () => {
    const loaded = loadGrantsDirectory(EXAMPLE_GRANTS_DIR);
    expect(loaded.problems).toEqual([]);
    const files = fs
      .readdirSync(EXAMPLE_GRANTS_DIR)
      .filter((f) => f.endsWith('.yaml'))
      .sort();
    expect(loaded.grants.map((g) => g.file)).toEqual(files);
  });

  it('reports bad files and duplicate names with the model’s field paths, recursing and skipping hidden entries', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kinesis-access-load-'));
    try {
      fs.mkdirSync(path.join(dir, 'team-a'));
      fs.mkdirSync(path.join(dir, '.hidden'));
      fs.writeFileSync(path.join(dir, 'team-a', 'one.yaml'), clickpipesYaml('same-name'));
      fs.writeFileSync(path.join(dir, 'two.yml'), clickpipesYaml('same-name'));
      fs.writeFileSync(
        path.join(dir, 'bad.yaml'),
        clickpipesYaml('bad').replace('arn:aws:kinesis', 'arn:aws:s3'),
      );
      fs.writeFileSync(path.join(dir, '.hidden', 'ignored.yaml'), 'not: a grant');
      fs.writeFileSync(path.join(dir, 'notes.md'), '# not a grant');
      const loaded = loadGrantsDirectory(dir);
      expect(loaded.grants.map((g) => g.file)).toEqual(['team-a/one.yaml', 'two.yml']);
      expect(loaded.problems.map((p) => p.file)).toEqual(['bad.yaml', 'team-a/one.yaml', 'two.yml']);
      expect(loaded.problems[0]?.problems[0]?.path).toBe('spec.streams[0].arn');
      expect(loaded.problems[1]?.problems).toEqual([
        {
          path: 'metadata.name',
          message: 'duplicate grant name "same-name": also used by two.yml (grant names must be unique)',
        },
      ]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('says so when a directory has no grant files', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kinesis-access-load-'));
    try {
      expect(loadGrantsDirectory(dir).problems).toEqual([
        { file: '.', problems: [{ path: '', message: `no grant files (*.yaml, *.yml) in ${dir}` }] },
      ]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
