import { clientWithoutToken, missingTokenMessage } from './githubModule';

describe('publish:github:pull-request without a token', () => {
  const input = { integrations: {} as never, host: 'github.com', owner: 'acme', repo: 'infra' };

  it('builds a client (a dry-run never calls it)', async () => {
    await expect(clientWithoutToken(input)).resolves.toBeDefined();
  });

  it('refuses every GitHub call with the missing-token message', async () => {
    const client = await clientWithoutToken(input);
    expect(() => client.createPullRequest({} as never)).toThrow(
      missingTokenMessage('github.com', 'acme', 'infra'),
    );
    expect(() => client.rest.pulls.requestReviewers({} as never)).toThrow(/no token/);
  });

  it('names the repository, the variable and that dry-runs need none', () => {
    const message = missingTokenMessage('github.com', 'acme', 'infra');
    expect(message).toContain('github.com/acme/infra');
    expect(message).toContain('GITHUB_TOKEN');
    expect(message).toContain('dry-run');
  });
});
