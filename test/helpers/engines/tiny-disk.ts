import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { onProcessExit, removeFolder } from './cleanup';

export interface TinyDisk {
  path: string;
  /** Unmounts it and removes the folder. */
  remove(): void;
}

/**
 * A file system of `mebibytes` MiB (tmpfs) mounted on a fresh folder, owned by `owner`, for
 * filling a disk on purpose (a PostgreSQL tablespace on it). Mounting needs root, which CI
 * has (.ci/run installs packages with apt-get); as anyone else this throws, saying so.
 */
export function mountTinyDisk(mebibytes: number, owner: { uid: number; gid: number }): TinyDisk {
  if (process.getuid?.() !== 0)
    throw new Error(
      'mountTinyDisk: mounting a tmpfs needs root (the disk-full tests run in CI as root)',
    );
  const path = mkdtempSync(join(tmpdir(), 'lienzo-tiny-disk-'));
  execFileSync('mount', [
    '-t',
    'tmpfs',
    '-o',
    `size=${mebibytes}m,uid=${owner.uid},gid=${owner.gid},mode=0700`,
    'tmpfs',
    path,
  ]);
  const unmount = () => {
    execFileSync('umount', ['--lazy', path]);
    removeFolder(path);
  };
  const forget = onProcessExit(unmount);
  return {
    path,
    remove() {
      forget();
      unmount();
    },
  };
}
