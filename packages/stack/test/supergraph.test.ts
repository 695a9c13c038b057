import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { composeSupergraph, SUPERGRAPH_FILE } from '../../../supergraph/compose';
import { REPO_ROOT } from '../src/paths';

describe('supergraph', () => {
  test('the committed supergraph is what the subgraph schemas compose to (run `npm run compose`)', () => {
    expect(readFileSync(SUPERGRAPH_FILE, 'utf8')).toBe(composeSupergraph());
  });

  const checker = join(REPO_ROOT, '..', 'shared', 'tools', 'contract-check.mjs');
  (existsSync(checker) ? test : test.skip)('serves every type and field of the public contract', () => {
    const out = execFileSync(process.execPath, [checker, '--no-subscriptions', SUPERGRAPH_FILE], { cwd: REPO_ROOT, encoding: 'utf8' });
    expect(out.trim().split('\n').pop()).toBe('contract: conforms');
  });
});
