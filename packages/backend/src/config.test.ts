import { ConfigReader } from '@backstage/config';
import { APP_PACKAGE, backendConfig, DEFAULT_PORT, settingsFromEnv } from './config';

describe('settingsFromEnv', () => {
  it('defaults to port 7007 on 127.0.0.1 with no static token', () => {
    expect(settingsFromEnv({}, '/repo')).toEqual({
      port: DEFAULT_PORT,
      host: '127.0.0.1',
      token: undefined,
      githubToken: undefined,
      repoRoot: '/repo',
    });
  });

  it('reads BACKSTAGE_PORT, BACKSTAGE_HOST, BACKSTAGE_TOKEN and GITHUB_TOKEN', () => {
    const settings = settingsFromEnv(
      {
        BACKSTAGE_PORT: '7100',
        BACKSTAGE_HOST: '0.0.0.0',
        BACKSTAGE_TOKEN: 'abcdefgh12',
        GITHUB_TOKEN: 'ghp_x',
      },
      '/repo',
    );
    expect(settings).toMatchObject({
      port: 7100,
      host: '0.0.0.0',
      token: 'abcdefgh12',
      githubToken: 'ghp_x',
    });
  });

  it.each(['0', '70000', 'abc', '80.5'])(
    'refuses BACKSTAGE_PORT=%s naming the variable and the value',
    (port) => {
      expect(() => settingsFromEnv({ BACKSTAGE_PORT: port }, '/repo')).toThrow(
        new RegExp(`BACKSTAGE_PORT .*received "${port.replace('.', '\\.')}"`),
      );
    },
  );

  it('reads GITHUB_API_BASE_URL (GitHub Enterprise, or the end-to-end test stand-in) without a trailing slash', () => {
    expect(settingsFromEnv({ GITHUB_API_BASE_URL: 'http://127.0.0.1:7750/api/v3/' }, '/repo')).toMatchObject({
      githubApiBaseUrl: 'http://127.0.0.1:7750/api/v3',
    });
  });

  it.each(['github.com', 'ftp://x', 'http://'])(
    'refuses GITHUB_API_BASE_URL=%s naming the variable',
    (url) => {
      expect(() => settingsFromEnv({ GITHUB_API_BASE_URL: url }, '/repo')).toThrow(
        `GITHUB_API_BASE_URL must be an http(s) URL such as https://api.github.com, received "${url}"`,
      );
    },
  );

  it('refuses a static token Backstage would reject (shorter than 8 characters)', () => {
    expect(() => settingsFromEnv({ BACKSTAGE_TOKEN: 'short' }, '/repo')).toThrow(
      /BACKSTAGE_TOKEN must be at least 8/,
    );
  });
});

describe('backendConfig', () => {
  it('accepts the static token as external access, uses in-memory sqlite and registers the grant, change and revoke templates', () => {
    const config = new ConfigReader(
      backendConfig(settingsFromEnv({ BACKSTAGE_TOKEN: 'abcdefgh12' }, '/repo')),
    );
    expect(config.get('backend.listen')).toEqual({ port: 7007, host: '127.0.0.1' });
    expect(config.get('backend.database')).toEqual({ client: 'better-sqlite3', connection: ':memory:' });
    expect(config.get('backend.auth.externalAccess')).toEqual([
      { type: 'static', options: { token: 'abcdefgh12', subject: 'kinesis-access-scripts' } },
    ]);
    expect(config.get('catalog.locations')).toEqual([
      ...['grant-clickpipes-kinesis-access', 'change-kinesis-access', 'revoke-kinesis-access'].map(
        (name) => ({
          type: 'file',
          target: `/repo/templates/${name}/template.yaml`,
          rules: [{ allow: ['Template'] }],
        }),
      ),
    ]);
    expect(config.getConfigArray('catalog.rules')[0]?.getStringArray('allow')).toContain('Template');
  });

  it('accepts no external token when BACKSTAGE_TOKEN is unset', () => {
    const config = new ConfigReader(backendConfig(settingsFromEnv({}, '/repo')));
    expect(config.getOptional('backend.auth.externalAccess')).toBeUndefined();
    expect(config.get('integrations.github')).toEqual([{ host: 'github.com' }]);
  });

  it('serves the app on the backend origin with guest sign-in', () => {
    const config = new ConfigReader(backendConfig(settingsFromEnv({ BACKSTAGE_PORT: '7702' }, '/repo')));
    expect(config.getString('app.baseUrl')).toBe('http://127.0.0.1:7702');
    expect(config.getString('backend.baseUrl')).toBe('http://127.0.0.1:7702');
    expect(config.getString('app.packageName')).toBe(APP_PACKAGE);
    expect(config.getString('app.packages')).toBe('all');
    expect(config.getStringArray('backend.cors.origin')).toEqual([
      'http://localhost:7702',
      'http://127.0.0.1:7702',
    ]);
    expect(config.getBoolean('auth.providers.guest.dangerouslyAllowOutsideDevelopment')).toBe(true);
  });

  it('uses localhost as the origin when listening on every interface', () => {
    const config = new ConfigReader(backendConfig(settingsFromEnv({ BACKSTAGE_HOST: '0.0.0.0' }, '/repo')));
    expect(config.getString('app.baseUrl')).toBe('http://localhost:7007');
  });

  it('points the github.com integration at GITHUB_API_BASE_URL with GITHUB_TOKEN', () => {
    const config = new ConfigReader(
      backendConfig(
        settingsFromEnv(
          { GITHUB_TOKEN: 'ghp_x', GITHUB_API_BASE_URL: 'http://127.0.0.1:7750/api/v3' },
          '/repo',
        ),
      ),
    );
    expect(config.get('integrations.github')).toEqual([
      { host: 'github.com', apiBaseUrl: 'http://127.0.0.1:7750/api/v3', token: 'ghp_x' },
    ]);
  });
});
