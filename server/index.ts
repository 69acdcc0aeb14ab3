import { startServer } from './app';
import { ConfigError, parseServerConfig, SERVER_HELP } from './config';
import { publicKeyBase64 } from './signing';

/**
 * The reference feed and report server.
 *   npm run server -- --port 8787 --host 127.0.0.1 --data-dir .siar-data --tokens-file tokens.txt
 * Every flag has an environment variable too: see server/config.ts or `--help`.
 */

let config;
try {
  config = parseServerConfig(process.argv.slice(2), process.env);
} catch (error) {
  if (!(error instanceof ConfigError) && !(error instanceof TypeError)) throw error;
  console.error(`${error.message}\n\n${SERVER_HELP}`);
  process.exit(2);
}
if (config.help) {
  console.log(SERVER_HELP);
  process.exit(0);
}

const { options } = config;
const running = await startServer(options);
console.log(`Siar server listening on ${running.origin}`);
console.log(`  feed:      ${running.origin}/feed.json`);
console.log(`  reports:   ${running.origin}/api/v1/shares (${options.tokens ? `${options.tokens.size} bearer token(s)` : 'no token asked'})`);
console.log(`  dashboard: ${running.origin}/dashboard (${options.dashboardAuth ? 'HTTP Basic' : 'open'}), latest reports: ${running.origin}/`);
if (options.signingKey) console.log(`  signed:    ${running.origin}/feed.json.sig, public_key ${publicKeyBase64(options.signingKey)}`);
const loopback = /^(127\.|localhost$|::1$|\[::1\]$)/.test(options.host);
if (!loopback && !options.dashboardAuth) {
  console.warn('  warning: the dashboard shows names and NIPs and is open to anyone who reaches this address; set --dashboard-auth');
}
if (!loopback && !options.tokens) console.warn('  warning: anyone who reaches this address can send reports; set --tokens-file');

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => void running.close().then(() => process.exit(0)));
}
