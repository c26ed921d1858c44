import { ConfigError, loadConfig, loadDotEnv } from './config.js';

/** Composition root: read config, build the app, serve until a signal. */
async function main(): Promise<void> {
  loadDotEnv();
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  // Loaded only once the configuration is valid: a bad config starts nothing.
  const { createApp } = await import('./app.js');
  const app = await createApp(config);
  const port = await app.listen();
  app.logger.info({ port, host: config.host, web: config.webChannel }, 'Stemmen is listening');
  if (config.webChannel) process.stdout.write(`\nStemmen runs on http://localhost:${port} (board pages: /board)\n\n`);
  const stop = async (signal: string) => {
    app.logger.info({ signal, ms: config.ops.shutdownMs }, 'stopping');
    // app.close keeps to its own bound; this is the last resort should something hang regardless.
    setTimeout(() => {
      app.logger.error({ signal }, 'shutdown hung; exiting');
      process.exit(1);
    }, config.ops.shutdownMs + 5_000).unref();
    await app.close();
    app.logger.info({ signal }, 'stopped');
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((error: unknown) => {
  process.stderr.write(`Stemmen could not start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
