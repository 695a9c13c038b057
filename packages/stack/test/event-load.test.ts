import { benchEventLog } from '../src/bench/event-log';

describe('event log under load', () => {
  test('10,000 events through two consumers: every one applied exactly once by each', async () => {
    const result = await benchEventLog(10_000);
    expect(result.effects).toEqual([
      { consumer: 'bench-a', applied: 10_000, distinct: 10_000 },
      { consumer: 'bench-b', applied: 10_000, distinct: 10_000 },
    ]);
    console.log(
      `event load: ${result.events} events appended in ${result.appendSeconds.toFixed(1)}s; both consumers done in ` +
        `${result.totalSeconds.toFixed(1)}s (${result.eventsPerSecondPerConsumer} events/s per consumer); max lag ${result.maxLag}`,
    );
  }, 600_000);
});
