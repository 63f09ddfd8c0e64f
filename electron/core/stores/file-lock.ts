/**
 * One writer at a time across processes (the desktop app polling while the CLI records a purchase):
 * a lock file beside the document, created with O_EXCL, holding who holds it. The stores are
 * synchronous, so a writer that finds the lock taken sleeps synchronously between tries, and gives
 * up after a bound with a message naming the holder: it never writes without the lock.
 *
 * A lock whose holder is gone (its pid no longer runs on this host) or that is older than any write
 * takes is broken. Breaking happens under a second O_EXCL file, so two waiters that both find the
 * same stale lock cannot both break it and remove the lock the first of them just took.
 */
import fs from 'node:fs';
import os from 'node:os';
import { errorMessage } from './json-file';

export interface LockHolder {
  pid: number;
  hostname: string;
  /** UTC ms when it was taken. */
  at: number;
}

export type Held<T> = { ok: true; value: T } | { ok: false; message: string };

/** How long a writer waits for another to finish before it gives up (a write takes milliseconds). */
export const LOCK_WAIT_MS = 10_000;
/** Older than this, no writer is still on it, whatever its pid says (that pid may be a new process). */
const STALE_LOCK_MS = 60_000;
/** A lock file still empty this long after it was made belongs to a writer killed before it wrote. */
const UNWRITTEN_LOCK_MS = 2_000;
const RETRY_MS = 5;

/** Paths this process holds, with how deep: a write inside a write (opening clears a cursor) nests. */
const heldHere = new Map<string, number>();
const sleeper = new Int32Array(new SharedArrayBuffer(4));

function sleep(ms: number): void {
  Atomics.wait(sleeper, 0, 0, ms);
}

function errorCode(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException).code;
}

/** The lock as found: its bytes and inode (so a breaker removes only this one), holder and age. */
interface FoundLock {
  text: string;
  ino: number;
  holder: LockHolder | null;
  ageMs: number;
}

function readLock(lockPath: string): FoundLock | 'gone' {
  try {
    const stat = fs.statSync(lockPath);
    const text = fs.readFileSync(lockPath, 'utf8');
    return { text, ino: stat.ino, holder: holderIn(text), ageMs: Date.now() - stat.mtimeMs };
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return 'gone';
    // Unreadable: judged by nothing but a new look on the next try.
    return { text: '', ino: -1, holder: null, ageMs: 0 };
  }
}

function holderIn(text: string): LockHolder | null {
  try {
    const holder = JSON.parse(text) as Partial<LockHolder> | null;
    const valid =
      typeof holder === 'object' &&
      holder !== null &&
      Number.isSafeInteger(holder.pid) &&
      typeof holder.hostname === 'string' &&
      typeof holder.at === 'number';
    return valid ? (holder as LockHolder) : null;
  } catch {
    // Empty or half written: we read between its create and its write.
    return null;
  }
}

function isRunningHere(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, as someone else.
    return errorCode(error) !== 'ESRCH';
  }
}

function isStale(found: FoundLock): boolean {
  const { holder, ageMs } = found;
  if (holder === null) return ageMs > UNWRITTEN_LOCK_MS;
  if (ageMs > STALE_LOCK_MS) return true;
  return holder.hostname === os.hostname() && !isRunningHere(holder.pid);
}

/**
 * Removes a stale lock, unless another waiter is already at it or it changed meanwhile. True when
 * it went: the next try may take it at once.
 */
function breakStale(lockPath: string, judged: FoundLock): boolean {
  const breaker = `${lockPath}.break`;
  let fd: number;
  try {
    fd = fs.openSync(breaker, 'wx', 0o600);
  } catch {
    // Another waiter is breaking it; one left behind by a killed breaker is old and goes.
    try {
      if (Date.now() - fs.statSync(breaker).mtimeMs > UNWRITTEN_LOCK_MS) fs.rmSync(breaker, { force: true });
    } catch {
      // Gone already.
    }
    return false;
  }
  try {
    const now = readLock(lockPath);
    if (now !== 'gone' && now.ino === judged.ino && now.text === judged.text)
      fs.rmSync(lockPath, { force: true });
    return true;
  } catch {
    return false;
  } finally {
    fs.closeSync(fd);
    fs.rmSync(breaker, { force: true });
  }
}

function tryTake(lockPath: string): 'taken' | 'busy' | { failed: string } {
  let fd: number;
  try {
    fd = fs.openSync(lockPath, 'wx', 0o600);
  } catch (error) {
    return errorCode(error) === 'EEXIST' ? 'busy' : { failed: errorMessage(error) };
  }
  try {
    const holder: LockHolder = { pid: process.pid, hostname: os.hostname(), at: Date.now() };
    fs.writeSync(fd, JSON.stringify(holder));
    return 'taken';
  } catch (error) {
    fs.rmSync(lockPath, { force: true });
    return { failed: errorMessage(error) };
  } finally {
    fs.closeSync(fd);
  }
}

function release(lockPath: string): void {
  try {
    fs.rmSync(lockPath, { force: true });
  } catch {
    // The directory went away (or became unwritable) under us; the lock goes stale with this pid.
  }
}

/**
 * Runs `run` holding the lock at `lockPath`. `what` names the file being written, for the message
 * when the lock cannot be had; `run` itself is never called then.
 */
export function withFileLock<T>(
  lockPath: string,
  what: string,
  run: () => T,
  waitMs: number = LOCK_WAIT_MS,
): Held<T> {
  const depth = heldHere.get(lockPath);
  if (depth !== undefined) {
    heldHere.set(lockPath, depth + 1);
    try {
      return { ok: true, value: run() };
    } finally {
      heldHere.set(lockPath, depth);
    }
  }
  const giveUpAt = Date.now() + waitMs;
  let lastHolder: LockHolder | null = null;
  for (;;) {
    const taken = tryTake(lockPath);
    if (taken === 'taken') break;
    if (taken !== 'busy')
      return { ok: false, message: `Saldo could not save ${what} (${taken.failed}); nothing was changed.` };
    const found = readLock(lockPath);
    if (found !== 'gone') {
      lastHolder = found.holder ?? lastHolder;
      if (isStale(found) && breakStale(lockPath, found)) continue;
    }
    if (Date.now() >= giveUpAt) return { ok: false, message: busyMessage(what, lockPath, lastHolder) };
    sleep(RETRY_MS + Math.random() * RETRY_MS);
  }
  heldHere.set(lockPath, 1);
  try {
    return { ok: true, value: run() };
  } finally {
    heldHere.delete(lockPath);
    release(lockPath);
  }
}

function busyMessage(what: string, lockPath: string, holder: LockHolder | null): string {
  const who =
    holder === null
      ? 'another Saldo'
      : `another Saldo (pid ${holder.pid}${holder.hostname === os.hostname() ? '' : ` on ${holder.hostname}`})`;
  return `${who} is writing ${what}; nothing was changed, try again (the lock is ${lockPath}).`;
}
