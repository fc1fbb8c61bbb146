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
 * The REST routes live under /api/v3 (GitHub Enterprise's layout, so octokit sends GraphQL to /api/graphql).
 * Every request must carry the token it was started with. It records blobs, trees, commits, refs and pull
 * requests, and any request it does not implement (answered 404) so the test can assert there were none.
 */
import { createHash, randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

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
  close(): Promise<void>;
}

const BASE_BRANCH = 'main';

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
        return send(200, [{ sha: baseCommit, commit: { tree: { sha: baseTree } } }]);
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
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
