import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConfigError, parseServerConfig } from '../../../server/config';
import { generateSigningKeys, publicKeyBase64 } from '../../../server/signing';

describe('npm run server configuration', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'siar-config-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const options = (argv: string[], env: NodeJS.ProcessEnv = {}) => {
    const config = parseServerConfig(argv, env);
    if (config.help) throw new Error('help');
    return config.options;
  };

  it('has safe defaults: loopback, no token, open dashboard, Asia/Jakarta, unsigned feed', () => {
    expect(options([])).toEqual({
      port: 8787,
      host: '127.0.0.1',
      dataDir: '.siar-data',
      tokens: null,
      timezone: 'Asia/Jakarta',
      dashboardAuth: null,
      signingKey: null,
      signatureHeader: true,
    });
  });

  it('reads a signing key from a file or SIAR_SIGNING_KEY, and refuses a bad one', () => {
    const { privateKey, publicKey } = generateSigningKeys();
    const file = join(dir, 'signing.key');
    writeFileSync(file, `${privateKey}\n`);
    expect(publicKeyBase64(options(['--signing-key-file', file]).signingKey!)).toBe(publicKey);
    expect(publicKeyBase64(options([], { SIAR_SIGNING_KEY: privateKey }).signingKey!)).toBe(publicKey);
    expect(options(['--sig-file-only'], { SIAR_SIGNING_KEY: privateKey }).signatureHeader).toBe(false);
    expect(() => options([], { SIAR_SIGNING_KEY: 'not a key' })).toThrow(ConfigError);
  });

  it('reads the environment, and flags win over it', () => {
    const env = { SIAR_PORT: '9000', SIAR_HOST: '0.0.0.0', SIAR_DATA_DIR: '/var/lib/siar', SIAR_TIMEZONE: 'Asia/Makassar', SIAR_DASHBOARD_AUTH: 'a:b' };
    expect(options([], env)).toMatchObject({ port: 9000, host: '0.0.0.0', dataDir: '/var/lib/siar', timezone: 'Asia/Makassar', dashboardAuth: 'a:b' });
    expect(options(['--port', '0', '--timezone', 'Asia/Jayapura'], env)).toMatchObject({ port: 0, timezone: 'Asia/Jayapura' });
  });

  it('reads bearer tokens from a file (comments and blank lines skipped) or from SIAR_TOKENS', () => {
    const file = join(dir, 'tokens.txt');
    writeFileSync(file, '# kantor Pangkalpinang\r\ntoken-satu\n\n  token-dua  \n');
    expect(options(['--tokens-file', file]).tokens).toEqual(new Set(['token-satu', 'token-dua']));
    expect(options([], { SIAR_TOKENS_FILE: file }).tokens).toEqual(new Set(['token-satu', 'token-dua']));
    expect(options([], { SIAR_TOKENS: 'a, b,,' }).tokens).toEqual(new Set(['a', 'b']));
    // The file wins over the list.
    expect(options(['--tokens-file', file], { SIAR_TOKENS: 'a' }).tokens?.has('a')).toBe(false);
  });

  it.each([
    [['--port', 'x'], {}],
    [['--port', '70000'], {}],
    [['--timezone', 'Mars/Olympus'], {}],
    [['--dashboard-auth', 'no-colon'], {}],
    [['--tokens-file', '/nonexistent/tokens.txt'], {}],
  ])('refuses %j with a sentence', (argv, env) => {
    expect(() => parseServerConfig(argv, env)).toThrow(ConfigError);
  });

  it('refuses a tokens file without tokens rather than opening the API to everyone', () => {
    const file = join(dir, 'empty.txt');
    writeFileSync(file, '# nothing yet\n');
    expect(() => parseServerConfig(['--tokens-file', file], {})).toThrow(/holds no token/);
  });
});
