import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { REPO_ROOT } from '../src/paths';

describe('codegen', () => {
  test('the committed resolver types are what `npm run codegen` generates', () => {
    // Codegen's plugins are ES modules, so it runs in its own Node process rather than in Jest.
    const run = spawnSync(process.execPath, ['--import', 'tsx', join(REPO_ROOT, 'packages/stack/src/cli/codegen-check.ts')], {
      cwd: REPO_ROOT,
      encoding: 'utf8',
    });
    expect(run.stdout).toContain('5 generated files checked, 0 stale');
    expect(run.status).toBe(0);
  }, 120_000);
});
