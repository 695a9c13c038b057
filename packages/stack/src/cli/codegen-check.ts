/**
 * Exits non-zero when `npm run codegen` would change a committed file. Runs codegen in memory
 * (nothing is written) and compares each output with the file on disk.
 */
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { generate } from '@graphql-codegen/cli';
import { REPO_ROOT } from '../paths';

async function main() {
  process.chdir(REPO_ROOT);
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const config = require(join(REPO_ROOT, 'codegen.ts')).default;
  const outputs: Array<{ filename: string; content: string }> = await generate({ ...config, silent: true }, false);
  const stale = outputs.filter(({ filename, content }) => {
    const path = join(REPO_ROOT, filename);
    return !existsSync(path) || readFileSync(path, 'utf8') !== content;
  });
  for (const { filename } of stale) console.log(`stale: ${filename}`);
  console.log(`${outputs.length} generated files checked, ${stale.length} stale`);
  process.exit(stale.length ? 1 : 0);
}

main().catch((err) => {
  console.error(err);
  process.exit(2);
});
