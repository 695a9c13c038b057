import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { serviceUrlFor } from '@rg/testkit';
import { eventsHarness, recordEffect, testEvent } from './fixtures/harness';

describe('a consumer killed between its effect and its acknowledgement', () => {
  let h: Awaited<ReturnType<typeof eventsHarness>>;
  beforeAll(async () => {
    h = await eventsHarness();
  });
  afterAll(() => h?.close());

  test('leaves exactly one effect once restarted', async () => {
    await h.append([testEvent(7, 'crash', 'Crashy')]);
    const child = spawn(process.execPath, ['--import', 'tsx', join(__dirname, 'fixtures', 'crashing-consumer.ts')], {
      env: { ...process.env, CONSUMER_URL: serviceUrlFor(h.db.adminUrl, 'billing'), LOG_LEVEL: 'silent' },
      stdio: 'ignore',
    });
    const signal = await new Promise<NodeJS.Signals | null>((resolve) => child.once('exit', (_code, sig) => resolve(sig)));
    expect(signal).toBe('SIGKILL');
    // The effect died with its transaction: nothing was recorded, nothing acknowledged.
    expect(await h.effects('crashy')).toEqual([]);

    const restarted = await h.consumer('crashy', { Crashy: recordEffect('crashy') });
    await h.waitFor(async () => (await h.effects('crashy')).length === 1 && (await restarted.status()).lag === 0);
    await restarted.drain();
    expect((await h.effects('crashy')).map((e) => e.n)).toEqual([7]);
    await restarted.stop();
  }, 60_000);
});
