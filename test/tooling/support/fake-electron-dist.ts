/**
 * A fake of Electron's unpacked distribution for electron-builder's `electronDist`: the Electron
 * binary cannot be downloaded here (toolchain notes §6). Its `electron` is a shell script that
 * carries a fuse wire the way the real binary does, so electron-builder's @electron/fuses step
 * flips it and a test can read back what the packaged app would enforce.
 */
import fs from 'node:fs';
import path from 'node:path';
import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses';

/** Where @electron/fuses finds the wire: this marker, then the wire version, length and one byte per fuse. */
const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
const FUSE_WIRE_VERSION = 1;
const ON = '1';
const OFF = '0';

/** Fuse names in wire order (FuseV1Options is a numeric enum: its names are the non-numeric keys). */
const FUSE_NAMES = Object.keys(FuseV1Options).filter((key) => Number.isNaN(Number(key)));

export type FuseStates = Record<string, boolean>;

/** Writes the fake into `dir` (electron, version, licences, resources/) with the fuses as given. */
export function writeFakeElectronDist(dir: string, version: string, fuses: FuseStates): void {
  fs.mkdirSync(path.join(dir, 'resources'), { recursive: true });
  const wire = FUSE_NAMES.map((name) => (fuses[name] ? ON : OFF)).join('');
  const binary = Buffer.concat([
    Buffer.from('#!/bin/sh\necho "fake Electron: cannot run" >&2\nexit 1\n'),
    Buffer.from(FUSE_SENTINEL),
    Buffer.from([FUSE_WIRE_VERSION, wire.length]),
    Buffer.from(`${wire}\n`),
  ]);
  fs.writeFileSync(path.join(dir, 'electron'), binary, { mode: 0o755 });
  fs.writeFileSync(path.join(dir, 'version'), `v${version}`);
  fs.writeFileSync(path.join(dir, 'LICENSE'), '');
  fs.writeFileSync(path.join(dir, 'LICENSES.chromium.html'), '');
}

/** The fuse states in a (packaged) fake binary, read with @electron/fuses itself. */
export async function readFuses(binary: string): Promise<FuseStates> {
  const wire = await getCurrentFuseWire(binary);
  return Object.fromEntries(
    FUSE_NAMES.map((name, index) => [name, wire[index as FuseV1Options] === ON.charCodeAt(0)]),
  );
}

/** The opposite of every state: a fake that starts so proves each fuse was flipped. */
export function inverted(fuses: FuseStates): FuseStates {
  return Object.fromEntries(Object.entries(fuses).map(([name, on]) => [name, !on]));
}
