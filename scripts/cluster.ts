import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startCluster } from './cluster-run';

/**
 * `npm run cluster`: PostgreSQL, Redis, three Lienzo processes and HAProxy on this machine
 * (docs/DEPLOY.md "Running a cluster"), until Ctrl+C, which stops them all and removes their
 * temporary folders. Needs Debian's postgresql, redis-server and haproxy packages.
 */
const repoRoot = fileURLToPath(new URL('..', import.meta.url));

// The processes serve the production build, as `npm start` does (scripts/start.ts).
if (!existsSync(join(repoRoot, '.next', 'BUILD_ID'))) {
  console.info('[lienzo] no build found in .next: running next build first');
  const build = spawnSync('npx', ['next', 'build'], { cwd: repoRoot, stdio: 'inherit' });
  if (build.status !== 0) {
    console.error(`[lienzo] next build failed (${build.error?.message ?? `exit ${build.status}`})`);
    process.exit(build.status ?? 1);
  }
}

console.info('[lienzo] starting PostgreSQL, Redis, 3 Lienzo processes and HAProxy ...');
const cluster = await startCluster().catch((error: unknown) => {
  console.error(`[lienzo] the cluster did not start: ${(error as Error).message}`);
  process.exit(1);
});
console.info(
  [
    `[lienzo] cluster up: open ${cluster.url}`,
    `  PostgreSQL ${cluster.postgres.port}, Redis ${cluster.redis.port}, ` +
      `Lienzo ${cluster.lienzo.map((node) => node.port).join(', ')}`,
    '  Ctrl+C stops everything and removes the temporary folders.',
  ].join('\n'),
);

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    console.info('[lienzo] stopping the cluster ...');
    cluster.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  });
}
