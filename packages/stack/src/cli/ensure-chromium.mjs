// Runs after `npm install`: the dashboard's browser test drives Debian's Chromium through
// playwright-core (no browser download). Installs it with apt when missing and allowed
// (root with apt-get, e.g. CI); otherwise says how, and that test skips with the same message.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const hasApt = spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0;
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;

if (existsSync(CHROMIUM) || process.env.SKIP_CHROMIUM_INSTALL) process.exit(0);
if (!hasApt || !isRoot) {
  console.log(`Chromium not found at ${CHROMIUM}: the dashboard browser test will skip. Install it with: sudo apt-get install -y chromium`);
  process.exit(0);
}
console.log('Installing Chromium (Debian package) for the dashboard browser test …');
try {
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '-qq', 'chromium'], { stdio: 'inherit', env });
} catch (err) {
  console.log(`Could not install Chromium (${err.message}); the dashboard browser test will skip.`);
}
