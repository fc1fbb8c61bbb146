/**
 * A local STAND-IN for the GitHub REST API, for tests only: GitHub itself cannot be reached here. It implements
 * exactly the calls Backstage's `publish:github:pull-request` makes to open a new pull request (through
 * octokit-plugin-create-pull-request 5.x, as installed with @backstage/plugin-scaffolder-backend-module-github):
 *
 *   GET  /repos/{owner}/{repo}                 the repository: default branch and push permission
 *   GET  /repos/{owner}/{repo}/commits         the head commit of the base branch (sha and tree sha)
 *   POST /repos/{owner}/{repo}/git/blobs       one blob per file (base64)
 *   POST /repos/{owner}/{repo}/git/trees       the tree of the change, on the base tree
 *   POST /repos/{owner}/{repo}/git/commits     the commit
 *   POST /graphql                              does the branch exist / have an open pull request? (no)
 *   POST /repos/{owner}/{repo}/git/refs        the new branch
 *   POST /repos/{owner}/{repo}/pulls           the pull request
 *
 * and what Backstage's GitHub UrlReader makes for `fetch:plain` of a repository tree (the change and revoke
 * templates read the current grants):
 *
 *   GET  /repos/{owner}/{repo}/commits/{ref}/status   the commit of a branch, with the repository's archive_url
 *   GET  /repos/{owner}/{repo}/tarball/{sha}          that commit's files as a gzipped tar archive
 *
 * and, for a pull request that deletes files (the revoke template), HEAD /repos/{owner}/{repo}/contents/{path}
 * (does the file exist at the base commit?).
 *
 * The base branch starts empty; `seed` gives it files and `merge` moves it to a pull request's branch (what
 * merging does), so each template in a test reads what the previous one merged.
 *
 * The REST routes live under /api/v3 (GitHub Enterprise's layout, so octokit sends GraphQL to /api/graphql).
 * Every request must carry the token it was started with. It records blobs, trees, commits, refs and pull
 * requests, and any request it does not implement (answered 404) so the test can assert there were none.
 */
import { createHash, randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';

export interface RecordedPullRequest {
  readonly owner: string;
  readonly repo: string;
  readonly number: number;
  readonly htmlUrl: string;
  readonly head: string;
  readonly base: string;
  readonly title: string;
  readonly body: string;
  readonly draft: boolean;
}

export interface RecordedCommit {
  readonly sha: string;
  readonly message: string;
  readonly parents: readonly string[];
  /** Files of the commit's tree that the change added or replaced, path → content (utf-8). */
  readonly files: ReadonlyMap<string, string>;
}

export interface GithubStandIn {
  /** `integrations.github[].apiBaseUrl` for the backend. */
  readonly apiBaseUrl: string;
  readonly token: string;
  readonly pullRequests: readonly RecordedPullRequest[];
  /** The commit each branch points at (ref name without `refs/heads/`). */
  readonly branches: ReadonlyMap<string, RecordedCommit>;
  /** Every request, `METHOD path`. */
  readonly requests: readonly string[];
  /** Requests the stand-in does not implement. */
  readonly unexpected: readonly string[];
  /** Files of the base branch now (path → utf-8 content). */
  baseFiles(): ReadonlyMap<string, string>;
  /** Commit these files (path → content) on the base branch, on top of what it holds. */
  seed(files: Readonly<Record<string, string>>): void;
  /** Merge a pull request's branch: the base branch then points at its commit. */
  merge(branch: string): void;
  close(): Promise<void>;
}

const BASE_BRANCH = 'main';

/** A ustar archive (what GitHub's tarball endpoint returns, gzipped): every file under `<root>/`. */
function tarball(root: string, files: ReadonlyMap<string, string>): Buffer {
  const blocks: Buffer[] = [];
  const field = (header: Buffer, offset: number, length: number, value: string) =>
    header.write(value, offset, length, 'utf8');
  for (const [file, content] of [...files].sort(([a], [b]) => a.localeCompare(b))) {
    const name = `${root}/${file}`;
    if (Buffer.byteLength(name) > 100) throw new Error(`stand-in tarball: path too long for ustar: ${name}`);
    const body = Buffer.from(content, 'utf8');
    const header = Buffer.alloc(512);
    field(header, 0, 100, name);
    field(header, 100, 8, '0000644\0');
    field(header, 108, 8, '0000000\0');
    field(header, 116, 8, '0000000\0');
    field(header, 124, 12, `${body.length.toString(8).padStart(11, '0')}\0`);
    field(header, 136, 12, '00000000000\0');
    field(header, 148, 8, '        ');
    field(header, 156, 1, '0');
    field(header, 257, 6, 'ustar\0');
    field(header, 263, 2, '00');
    let sum = 0;
    for (const byte of header) sum += byte;
    field(header, 148, 8, `${sum.toString(8).padStart(6, '0')}\0 `);
    blocks.push(header, body, Buffer.alloc((512 - (body.length % 512)) % 512));
  }
  blocks.push(Buffer.alloc(1024));
  return gzipSync(Buffer.concat(blocks));
}

/** Git's object id: sha1 of "<type> <length>\0<content>". */
function gitSha(type: string, content: Buffer): string {
  return createHash('sha1')
    .update(Buffer.concat([Buffer.from(`${type} ${content.length}\0`), content]))
    .digest('hex');
}

async function readJson(req: http.IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  return text ? (JSON.parse(text) as Record<string, unknown>) : {};
}

interface TreeEntry {
  path: string;
  mode: string;
  sha?: string | null;
  content?: string;
}

export async function startGithubStandIn(): Promise<GithubStandIn> {
  const token = `stand-in-${randomBytes(8).toString('hex')}`;
  const baseTree = gitSha('tree', Buffer.alloc(0));
  const baseCommit = gitSha('commit', Buffer.from(`tree ${baseTree}\n\ninitial commit of the stand-in\n`));
  const blobs = new Map<string, Buffer>();
  const trees = new Map<string, Map<string, string>>([[baseTree, new Map()]]);
  const commits = new Map<string, RecordedCommit & { tree: string }>();
  const branches = new Map<string, RecordedCommit>();
  const pullRequests: RecordedPullRequest[] = [];
  const requests: string[] = [];
  const unexpected: string[] = [];
  let origin = '';
  let baseHead = { sha: baseCommit, tree: baseTree };
  const filesOf = (tree: string) =>
    new Map(
      [...(trees.get(tree) ?? [])].map(([path, blob]) => [path, blobs.get(blob)?.toString('utf8') ?? '']),
    );

  const server = http.createServer((req, res) => {
    const send = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
      res.end(JSON.stringify(body));
    };
    const url = new URL(req.url ?? '/', 'http://stand-in');
    const line = `${req.method} ${url.pathname}`;
    requests.push(line);
    const auth = req.headers.authorization ?? '';
    if (auth !== `token ${token}` && auth !== `bearer ${token}` && auth !== `Bearer ${token}`) {
      send(401, { message: 'Bad credentials (GitHub stand-in: wrong or missing token)' });
      return;
    }
    const handle = async () => {
      if (req.method === 'POST' && url.pathname === '/api/graphql') {
        // The branch does not exist yet and has no pull request.
        return send(200, { data: { repository: { ref: null } } });
      }
      const match = /^\/api\/v3\/repos\/([^/]+)\/([^/]+)(\/.*)?$/.exec(url.pathname);
      if (!match) return undefined;
      const [, owner = '', repo = '', rest = ''] = match;
      if (req.method === 'GET' && rest === '') {
        return send(200, {
          name: repo,
          full_name: `${owner}/${repo}`,
          owner: { login: owner },
          default_branch: BASE_BRANCH,
          html_url: `${origin}/${owner}/${repo}`,
          permissions: { admin: false, maintain: false, push: true, triage: true, pull: true },
        });
      }
      if (req.method === 'GET' && rest === '/commits') {
        return send(200, [{ sha: baseHead.sha, commit: { tree: { sha: baseHead.tree } } }]);
      }
      if (req.method === 'GET' && rest === `/commits/${BASE_BRANCH}/status`) {
        return send(200, {
          state: 'success',
          sha: baseHead.sha,
          repository: {
            full_name: `${owner}/${repo}`,
            archive_url: `${origin}/api/v3/repos/${owner}/${repo}/{archive_format}{/ref}`,
            trees_url: `${origin}/api/v3/repos/${owner}/${repo}/git/trees{/sha}`,
          },
        });
      }
      if (req.method === 'HEAD' && rest.startsWith('/contents/')) {
        // Does a file exist at a commit? (asked before deleting it: filesToDelete)
        const file = decodeURIComponent(rest.slice('/contents/'.length));
        const commit = commits.get(url.searchParams.get('ref') ?? '') ?? { tree: baseHead.tree };
        res.writeHead(trees.get(commit.tree)?.has(file) ? 200 : 404);
        res.end();
        return true;
      }
      if (req.method === 'GET' && rest === `/tarball/${baseHead.sha}`) {
        res.writeHead(200, { 'content-type': 'application/x-gzip' });
        res.end(tarball(`${owner}-${repo}-${baseHead.sha.slice(0, 7)}`, filesOf(baseHead.tree)));
        return true;
      }
      if (req.method === 'POST' && rest === '/git/blobs') {
        const body = await readJson(req);
        const content = Buffer.from(String(body.content), body.encoding === 'base64' ? 'base64' : 'utf8');
        const sha = gitSha('blob', content);
        blobs.set(sha, content);
        return send(201, { sha, url: `${origin}${url.pathname}/${sha}` });
      }
      if (req.method === 'POST' && rest === '/git/trees') {
        const body = await readJson(req);
        const files = new Map(trees.get(String(body.base_tree)) ?? []);
        for (const entry of (body.tree ?? []) as TreeEntry[]) {
          if (entry.sha === null) files.delete(entry.path);
          else if (entry.sha) files.set(entry.path, entry.sha);
          else {
            const content = Buffer.from(entry.content ?? '', 'utf8');
            const sha = gitSha('blob', content);
            blobs.set(sha, content);
            files.set(entry.path, sha);
          }
        }
        const listing = [...files].sort(([a], [b]) => a.localeCompare(b));
        const sha = gitSha('tree', Buffer.from(JSON.stringify(listing)));
        trees.set(sha, files);
        return send(201, { sha });
      }
      if (req.method === 'POST' && rest === '/git/commits') {
        const body = await readJson(req);
        const tree = String(body.tree);
        const files = trees.get(tree);
        if (!files) return send(422, { message: `tree ${tree} does not exist` });
        const message = String(body.message);
        const parents = (body.parents ?? []) as string[];
        const sha = gitSha('commit', Buffer.from(`tree ${tree}\nparent ${parents.join(' ')}\n\n${message}`));
        const contents = new Map(
          [...files].map(([path, blob]) => [path, blobs.get(blob)?.toString('utf8') ?? '']),
        );
        commits.set(sha, { sha, message, parents, files: contents, tree });
        return send(201, { sha, tree: { sha: tree }, message });
      }
      if (req.method === 'POST' && rest === '/git/refs') {
        const body = await readJson(req);
        const ref = String(body.ref);
        const commit = commits.get(String(body.sha));
        if (!commit) return send(422, { message: `commit ${String(body.sha)} does not exist` });
        branches.set(ref.replace(/^refs\/heads\//, ''), commit);
        return send(201, { ref, object: { sha: commit.sha, type: 'commit' } });
      }
      if (req.method === 'POST' && rest === '/pulls') {
        const body = await readJson(req);
        const head = String(body.head).replace(/^[^:]+:/, '');
        if (!branches.has(head)) return send(422, { message: `branch ${head} does not exist` });
        const number = pullRequests.length + 1;
        const pull: RecordedPullRequest = {
          owner,
          repo,
          number,
          htmlUrl: `${origin}/${owner}/${repo}/pull/${number}`,
          head,
          base: String(body.base),
          title: String(body.title),
          body: String(body.body ?? ''),
          draft: Boolean(body.draft),
        };
        pullRequests.push(pull);
        return send(201, {
          number,
          html_url: pull.htmlUrl,
          base: { ref: pull.base },
          head: { ref: head },
          title: pull.title,
        });
      }
      return undefined;
    };
    handle()
      .then((handled) => {
        if (handled === undefined && !res.headersSent) {
          unexpected.push(line);
          send(404, { message: `Not Found (the GitHub stand-in does not implement ${line})` });
        }
      })
      .catch((error: Error) => send(500, { message: error.message }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    apiBaseUrl: `${origin}/api/v3`,
    token,
    pullRequests,
    branches,
    requests,
    unexpected,
    baseFiles: () => filesOf(baseHead.tree),
    seed: (files) => {
      const tree = new Map(trees.get(baseHead.tree) ?? []);
      for (const [path, content] of Object.entries(files)) {
        const body = Buffer.from(content, 'utf8');
        const sha = gitSha('blob', body);
        blobs.set(sha, body);
        tree.set(path, sha);
      }
      const treeSha = gitSha(
        'tree',
        Buffer.from(JSON.stringify([...tree].sort(([a], [b]) => a.localeCompare(b)))),
      );
      trees.set(treeSha, tree);
      const sha = gitSha('commit', Buffer.from(`tree ${treeSha}\nparent ${baseHead.sha}\n\nseed`));
      commits.set(sha, {
        sha,
        message: 'seed',
        parents: [baseHead.sha],
        files: filesOf(treeSha),
        tree: treeSha,
      });
      baseHead = { sha, tree: treeSha };
    },
    merge: (branch) => {
      const commit = branches.get(branch);
      const known = commit === undefined ? undefined : commits.get(commit.sha);
      if (known === undefined) throw new Error(`stand-in: no branch ${branch} to merge`);
      baseHead = { sha: known.sha, tree: known.tree };
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
