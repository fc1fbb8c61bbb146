// App build bench (`pnpm bench` → here): a clean `backstage-cli package build` of packages/app (rspack,
// production), timed with GNU time (wall, CPU of all processes, peak RSS of the largest process), then the size
// of dist/: all files, and the JavaScript raw and gzip'd (-9).
// Needs the workspace dependencies built (turbo's bench task depends on build and ^build).
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const zlib = require('node:zlib');

const appDir = path.resolve(__dirname, '..');
const dist = path.join(appDir, 'dist');
const runs = Number(process.argv.find((a) => a.startsWith('--runs='))?.slice(7) ?? 1);

function walk(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    return entry.isDirectory() ? walk(file) : [file];
  });
}

function build() {
  fs.rmSync(dist, { recursive: true, force: true });
  const cli = require.resolve('@backstage/cli/bin/backstage-cli', { paths: [appDir] });
  const result = spawnSync('/usr/bin/time', ['-v', process.execPath, cli, 'package', 'build'], {
    cwd: appDir,
    encoding: 'utf8',
    env: { ...process.env, NODE_ENV: 'production' },
  });
  const text = `${result.stdout}\n${result.stderr}`;
  if (result.status !== 0) throw new Error(`app build failed (${result.status}):\n${text.slice(-3000)}`);
  const wall = /Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (?:(\d+):)?(\d+):([\d.]+)/.exec(text);
  const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(text);
  const user = /User time \(seconds\): ([\d.]+)/.exec(text);
  const sys = /System time \(seconds\): ([\d.]+)/.exec(text);
  if (!wall || !rss) throw new Error(`cannot read /usr/bin/time output:\n${text.slice(-2000)}`);
  return {
    seconds: Number(wall[1] ?? 0) * 3600 + Number(wall[2]) * 60 + Number(wall[3]),
    cpu: Number(user?.[1] ?? 0) + Number(sys?.[1] ?? 0),
    rssMb: Number(rss[1]) / 1024,
  };
}

const samples = [];
for (let i = 0; i < runs; i++) samples.push(build());
samples.sort((a, b) => a.seconds - b.seconds);
const median = samples[Math.floor(samples.length / 2)];

const files = walk(dist);
const size = (list) => list.reduce((sum, file) => sum + fs.statSync(file).size, 0);
const js = files.filter((file) => file.endsWith('.js'));
const gzip = js.reduce((sum, file) => sum + zlib.gzipSync(fs.readFileSync(file), { level: 9 }).length, 0);
const mb = (bytes) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

console.log(`app build (backstage-cli package build), median of ${runs} run(s), node ${process.version}`);
console.log(`| wall | CPU (user+sys) | peak RSS (largest process) | dist/ | JavaScript (raw / gzip -9) | files |`);
console.log('|---:|---:|---:|---:|---:|---:|');
console.log(
  `| ${median.seconds.toFixed(1)} s | ${median.cpu.toFixed(1)} s | ${median.rssMb.toFixed(0)} MB | ${mb(size(files))} | ` +
    `${mb(size(js))} / ${mb(gzip)} | ${files.length} |`,
);
