/**
 * Runs the test cluster's PostgreSQL in a child process of the Jest parent, so the server's
 * process handles never live in a process whose globals Jest copies into test sandboxes.
 * Protocol over IPC: it sends { url } once started; on 'stop' it stops the server and exits.
 */
import { freePort } from '@rg/kit/src/net';
import { startEmbeddedPostgres } from '@rg/kit/src/db/embedded';

async function main() {
  const dataDir = process.argv[2];
  const port = await freePort();
  const pg = await startEmbeddedPostgres({ dataDir, port, persistent: false });
  process.send?.({ url: pg.adminUrl });
  const stop = async () => {
    await pg.stop().catch(() => {});
    process.exit(0);
  };
  process.on('message', (m) => m === 'stop' && void stop());
  process.on('disconnect', () => void stop());
}

main().catch((err) => {
  process.send?.({ error: String(err?.stack ?? err) });
  process.exit(1);
});
