import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { UrlReaderService } from '@backstage/backend-plugin-api';
import type { Config } from '@backstage/config';
import { InputError, isError, NotFoundError } from '@backstage/errors';
import { ScmIntegrations } from '@backstage/integration';
import { parseRepoUrl } from '@backstage/plugin-scaffolder-node';
import { GRANTS_DIR } from '@kinesis-access/grant-files';
import express, { type Request, type Response } from 'express';
import { readCurrentGrant } from '../lib/currentGrant';

/**
 * The route the form fields read the current grant from, under the scaffolder's base URL:
 * `GET /api/scaffolder/kinesis-access/current-grant?repoUrl=<RepoUrlPicker value>&branch=<branch>&name=<grant>`.
 */
export const CURRENT_GRANT_ROUTE = '/kinesis-access/current-grant';

/** What the route answers: the grant file's repository path and the grant as the model parsed it. */
export interface CurrentGrantResponse {
  readonly file: string;
  readonly grant: unknown;
}

const ROUTE_ID = 'kinesis-access current-grant';
const NAME_PATTERN = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?$/;
const BRANCH_PATTERN = /^[A-Za-z0-9._/-]+$/;
/**
 * The grant files of the repository, as the loading path collects them: `.yaml` and `.yml` files at any depth under
 * the grants directory.
 */
const isGrantFile = (file: string): boolean => file.startsWith(`${GRANTS_DIR}/`) && /\.ya?ml$/i.test(file);

/** One query parameter as a trimmed string; anything else is an InputError naming the parameter. */
function queryParameter(request: Request, field: string, fallback?: string): string {
  const raw = request.query[field];
  if (raw === undefined && fallback !== undefined) return fallback;
  if (typeof raw !== 'string' || raw.trim() === '') {
    throw new InputError(`${ROUTE_ID}: ${field}: is required, received ${JSON.stringify(raw ?? null)}`);
  }
  return raw.trim();
}

/**
 * The grant named `name` as it is on `branch` of the infrastructure repository, read the way the change and revoke
 * templates read it (fetch:plain's `readTree` of `https://<host>/<owner>/<repo>/tree/<branch>`, through the
 * backend's own SCM integration) and found the way their actions find it ({@link readCurrentGrant}).
 *
 * Problems are Backstage errors, which the backend answers as JSON: an InputError (400) names the query parameter,
 * a NotFoundError (404) says which repository or branch could not be read.
 */
export async function currentGrant(
  urlReader: UrlReaderService,
  integrations: ScmIntegrations,
  query: { readonly repoUrl: string; readonly branch: string; readonly name: string },
): Promise<CurrentGrantResponse> {
  const { repoUrl, branch, name } = query;
  if (!NAME_PATTERN.test(name))
    throw new InputError(
      `${ROUTE_ID}: name: is not a grant name (${NAME_PATTERN.source}), received "${name}"`,
    );
  if (!BRANCH_PATTERN.test(branch))
    throw new InputError(
      `${ROUTE_ID}: branch: is not a branch name (${BRANCH_PATTERN.source}), received "${branch}"`,
    );
  let repo: ReturnType<typeof parseRepoUrl>;
  try {
    repo = parseRepoUrl(repoUrl, integrations);
  } catch (error) {
    throw new InputError(
      `${ROUTE_ID}: repoUrl: ${isError(error) ? error.message : String(error)}, received "${repoUrl}"`,
    );
  }
  if (!repo.owner || !repo.repo) {
    throw new InputError(
      `${ROUTE_ID}: repoUrl: needs an owner and a repository (host?owner=…&repo=…), received "${repoUrl}"`,
    );
  }
  const shown = `${repo.host}/${repo.owner}/${repo.repo}`;
  const treeUrl = `https://${repo.host}/${repo.owner}/${repo.repo}/tree/${branch}`;
  const scratch = await fs.mkdtemp(path.join(os.tmpdir(), 'kinesis-access-current-grant-'));
  try {
    let tree: Awaited<ReturnType<UrlReaderService['readTree']>>;
    try {
      tree = await urlReader.readTree(treeUrl, { filter: isGrantFile });
    } catch (error) {
      if (isError(error) && error.name === 'NotFoundError') {
        throw new NotFoundError(
          `${ROUTE_ID}: repoUrl: cannot read branch "${branch}" of ${shown}: ${error.message}`,
        );
      }
      throw error;
    }
    // Backstage's readers extract into an existing directory.
    const root = await tree.dir({ targetDir: scratch });
    if (!(await fs.stat(path.join(root, GRANTS_DIR)).catch(() => undefined))?.isDirectory()) {
      throw new NotFoundError(
        `${ROUTE_ID}: repoUrl: ${shown} has no grant files under ${GRANTS_DIR}/ on branch "${branch}"`,
      );
    }
    const current = await readCurrentGrant(root, `${shown} (${branch})`, name, ROUTE_ID);
    return { file: current.file, grant: current.spec };
  } finally {
    await fs.rm(scratch, { recursive: true, force: true });
  }
}

/** The express router with {@link CURRENT_GRANT_ROUTE}; the scaffolder plugin's HTTP router mounts it. */
export function createCurrentGrantRouter(options: {
  readonly urlReader: UrlReaderService;
  readonly config: Config;
}): express.Router {
  const integrations = ScmIntegrations.fromConfig(options.config);
  const router = express.Router();
  router.get(CURRENT_GRANT_ROUTE, (request: Request, response: Response, next: (error?: unknown) => void) => {
    Promise.resolve()
      .then(() =>
        currentGrant(options.urlReader, integrations, {
          repoUrl: queryParameter(request, 'repoUrl'),
          branch: queryParameter(request, 'branch', 'main'),
          name: queryParameter(request, 'name'),
        }),
      )
      .then((body) => response.json(body), next);
  });
  return router;
}
