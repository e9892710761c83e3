// The run's own files: never written through a symbolic link it did not make (a link committed at
// the audit log's path once had an outside file chmod-ed, appended to and uploaded), named so the
// artifact uploader takes them, and only ever replacing a regular file.
import { constants, lstatSync, openSync, statSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';

/**
 * The characters @actions/artifact refuses in the path of a file inside an artifact
 * (`invalidArtifactFilePathCharacters`, upload/path-and-artifact-name-validation.js): NTFS cannot
 * hold them. Checked up front, so no key is made that then cannot be uploaded.
 */
export const ARTIFACT_PATH_FORBIDDEN = /[":<>|*?\r\n]/;
export const ARTIFACT_PATH_CHARACTERS = '" : < > | * ? or line breaks';

/** The deepest folder holding every one of `files` (an artifact's root: each keeps its path under it). */
export function commonFolder(files: readonly string[]): string {
  let root = dirname(files[0]!);
  while (files.some((f) => relative(root, f).startsWith(`..${sep}`)) && dirname(root) !== root) root = dirname(root);
  return root;
}

/** The first of `files` whose path inside an artifact of them all the uploader refuses, or undefined. */
export function refusedInArtifact(files: readonly string[]): string | undefined {
  const root = commonFolder(files);
  return files.find((file) => ARTIFACT_PATH_FORBIDDEN.test(relative(root, file)));
}

/** Whether `file` is a symbolic link (false when nothing is there). */
function isLink(file: string): boolean {
  try {
    return lstatSync(file).isSymbolicLink();
  } catch {
    return false;
  }
}

/** Whether `target` is strictly below `root`. */
function isBelow(root: string, target: string): boolean {
  const path = relative(root, target);
  return path !== '' && path !== '..' && !path.startsWith(`..${sep}`) && !isAbsolute(path);
}

/**
 * The symbolic link a write to `file` would go through, or undefined: `file` itself, or a folder
 * on the way to it below `within` (the workspace: a link committed there points where the repository
 * chose). Folders above `within`, or of a path outside it, are the runner's or the user's own choice.
 */
export function linkOnTheWay(file: string, within: string): string | undefined {
  const target = resolve(file);
  if (isLink(target)) return target;
  const root = resolve(within);
  if (!isBelow(root, target)) return undefined;
  for (let dir = dirname(target); dir !== root; dir = dirname(dir)) if (isLink(dir)) return dir;
  return undefined;
}

/**
 * O_NOFOLLOW where the platform has it (not on Windows, where linkOnTheWay alone refuses a link);
 * O_NONBLOCK: a FIFO put at the path fails the open (ENXIO) instead of blocking the run for good.
 */
const NO_FOLLOW = (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0);

/**
 * Opens `file` for writing, never through a symbolic link at its path (ELOOP instead). `append`:
 * keep what is there; else truncate. Created with `mode` when new.
 */
export function openNoFollow(file: string, { append, mode }: { append: boolean; mode: number }): number {
  const flags = constants.O_WRONLY | constants.O_CREAT | (append ? constants.O_APPEND : constants.O_TRUNC);
  return openSync(file, flags | NO_FOLLOW, mode);
}

/** Whether `file` is a regular file and no link: what may be uploaded as the run's own. */
export function isPlainFile(file: string): boolean {
  try {
    const stat = lstatSync(file);
    return stat.isFile() && !stat.isSymbolicLink();
  } catch {
    return false;
  }
}

/**
 * Why `file` must not be replaced by the CSV, or undefined when it may: only a regular file (or
 * nothing) is replaced. A device, FIFO or socket, also behind a symlink, is never renamed over
 * (as root, `output: /dev/null` would otherwise replace the machine's /dev/null with keys).
 */
export function notReplaceable(file: string, what = 'the CSV'): string | undefined {
  let kind: string | undefined;
  try {
    const link = lstatSync(file);
    const stat = link.isSymbolicLink() ? statSync(file) : link;
    if (stat.isFile()) return undefined;
    kind = stat.isDirectory()
      ? 'a folder'
      : stat.isFIFO()
        ? 'a FIFO (named pipe)'
        : stat.isSocket()
          ? 'a socket'
          : stat.isCharacterDevice() || stat.isBlockDevice()
            ? 'a device'
            : 'not a regular file';
    return (
      `${file} is ${kind}${link.isSymbolicLink() ? ' (behind a symlink)' : ''}; ${what} only ever ` +
      `replaces a regular file`
    );
  } catch {
    return undefined; // nothing there, or a dangling symlink (renaming replaces the link itself)
  }
}
