import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * `npm start`: builds the Next app if it was never built, then runs the server (Next and the
 * sync server on one port) in production mode, in this process.
 */
const repoRoot = fileURLToPath(new URL('..', import.meta.url));

// Set before Next is imported (server/main.ts reads it when it starts Next).
Object.assign(process.env, { NODE_ENV: 'production' });

if (!existsSync(join(repoRoot, '.next', 'BUILD_ID'))) {
  console.info('[lienzo] no build found in .next: running next build first');
  const build = spawnSync('npx', ['next', 'build'], { cwd: repoRoot, stdio: 'inherit' });
  if (build.status !== 0) {
    console.error(`[lienzo] next build failed (${build.error?.message ?? `exit ${build.status}`})`);
    process.exit(build.status ?? 1);
  }
}

await import('../server/main');
