/**
 * What lies at the start of a browser profile's IndexedDB key space, where Chromium's own
 * bookkeeping lives: live keys and deletion markers, counted by the first bytes of their keys, in
 * the LevelDB table files that hold that range (the write-ahead log is not read).
 *
 * Why: opening the database of a 100,000-article corpus takes 100–200 ms in Chromium, most of it
 * in "BackingStore::OpenAndVerify.LevelDBScopes" (`cold.ts --open` prints the browser's trace of
 * it). Chromium keeps an undo entry for each key a write transaction changes and deletes it once
 * the transaction is over; the deletion markers stay in the tables until a compaction reaches the
 * last level, and the open walks past them. This prints how many there are.
 *
 *   npx tsx bench/corpus/leveldb-keys.ts [PROFILE_DIR or .indexeddb.leveldb DIR]  (default /tmp/crosscheck-cold-100000)
 *
 * Keys are Chromium's IndexedDB encoding: 00 00 00 00 … is the global metadata, 00 00 00 00 32 …
 * the undo ("scopes") area, a first byte other than 00 a database's own data. Tables compressed
 * with Snappy are decoded here; nothing else is needed.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

function varint(b: Uint8Array, at: number): [number, number] {
  let value = 0;
  let mul = 1;
  for (;;) {
    const c = b[at++];
    value += (c & 0x7f) * mul;
    if (!(c & 0x80)) return [value, at];
    mul *= 128;
  }
}

/** Snappy's block format (a length, then literals and back references). */
function unsnappy(b: Uint8Array): Uint8Array {
  let [length, at] = varint(b, 0);
  const out = new Uint8Array(length);
  let o = 0;
  while (at < b.length) {
    const tag = b[at++];
    const kind = tag & 3;
    if (kind === 0) {
      let len = tag >> 2;
      if (len >= 60) {
        const bytes = len - 59;
        len = 0;
        for (let i = 0; i < bytes; i++) len += b[at + i] * 2 ** (8 * i);
        at += bytes;
      }
      len += 1;
      out.set(b.subarray(at, at + len), o);
      o += len;
      at += len;
      continue;
    }
    let len: number;
    let offset: number;
    if (kind === 1) {
      len = ((tag >> 2) & 7) + 4;
      offset = ((tag >> 5) << 8) | b[at++];
    } else if (kind === 2) {
      len = (tag >> 2) + 1;
      offset = b[at] | (b[at + 1] << 8);
      at += 2;
    } else {
      len = (tag >> 2) + 1;
      offset = (b[at] | (b[at + 1] << 8) | (b[at + 2] << 16)) + b[at + 3] * 2 ** 24;
      at += 4;
    }
    for (let i = 0; i < len; i++, o++) out[o] = out[o - offset];
  }
  length = o;
  return out.subarray(0, length);
}

function block(file: Uint8Array, offset: number, size: number): Uint8Array {
  const raw = file.subarray(offset, offset + size);
  return file[offset + size] === 1 ? unsnappy(raw) : raw;
}

/** The entries of a table block (prefix-compressed keys). */
function* entries(b: Uint8Array): Generator<[Uint8Array, Uint8Array]> {
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
  const restarts = view.getUint32(b.length - 4, true);
  const end = b.length - 4 - 4 * restarts;
  let at = 0;
  let key = new Uint8Array(0);
  while (at < end) {
    let shared: number, own: number, valueLen: number;
    [shared, at] = varint(b, at);
    [own, at] = varint(b, at);
    [valueLen, at] = varint(b, at);
    const next = new Uint8Array(shared + own);
    next.set(key.subarray(0, shared));
    next.set(b.subarray(at, at + own), shared);
    key = next;
    at += own;
    yield [key, b.subarray(at, at + valueLen)];
    at += valueLen;
  }
}

/** The live table files (level, number, smallest and largest user key) from the MANIFEST. */
function liveTables(dir: string): { level: number; number: number; smallest: Uint8Array; largest: Uint8Array }[] {
  const manifest = readFileSync(path.join(dir, readFileSync(path.join(dir, 'CURRENT'), 'utf8').trim()));
  // Log records: 32 KiB blocks of [crc 4][length 2][type 1][data]; types 1 full, 2 first, 3 middle, 4 last.
  const records: Uint8Array[] = [];
  let parts: Uint8Array[] = [];
  for (let at = 0; at + 7 <= manifest.length; ) {
    const left = 32768 - (at % 32768);
    if (left < 7) {
      at += left;
      continue;
    }
    const len = manifest[at + 4] | (manifest[at + 5] << 8);
    const type = manifest[at + 6];
    const data = manifest.subarray(at + 7, at + 7 + len);
    at += 7 + len;
    if (type === 0) break;
    if (type === 1) records.push(data);
    else if (type === 2) parts = [data];
    else {
      parts.push(data);
      if (type === 4) records.push(Buffer.concat(parts));
    }
  }
  const files = new Map<number, { level: number; number: number; smallest: Uint8Array; largest: Uint8Array }>();
  for (const r of records) {
    let at = 0;
    const skipBytes = () => {
      let n: number;
      [n, at] = varint(r, at);
      const bytes = r.subarray(at, at + n);
      at += n;
      return bytes;
    };
    const num = () => {
      let n: number;
      [n, at] = varint(r, at);
      return n;
    };
    while (at < r.length) {
      const tag = num();
      if (tag === 1) skipBytes(); // comparator name
      else if (tag === 2 || tag === 3 || tag === 4 || tag === 9) num(); // log number, next file, last sequence, previous log
      else if (tag === 5) {
        num();
        skipBytes(); // compaction pointer
      } else if (tag === 6) {
        num();
        files.delete(num());
      } else if (tag === 7) {
        const level = num();
        const number = num();
        num(); // size
        const smallest = skipBytes();
        const largest = skipBytes();
        files.set(number, { level, number, smallest: smallest.subarray(0, -8), largest: largest.subarray(0, -8) });
      } else throw new Error(`MANIFEST: unknown field ${tag}`);
    }
  }
  return [...files.values()];
}

const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');

function main(arg = '/tmp/crosscheck-cold-100000'): void {
  let dir = arg;
  if (!dir.endsWith('.leveldb')) {
    const idb = path.join(arg, 'Default/IndexedDB');
    const found = existsSync(idb) ? readdirSync(idb).find((f) => f.endsWith('.indexeddb.leveldb')) : undefined;
    if (!found) throw new Error(`no IndexedDB LevelDB folder under ${arg}`);
    dir = path.join(idb, found);
  }
  const tables = liveTables(dir);
  const global = tables.filter((t) => t.smallest[0] === 0 && t.smallest.length > 0 && t.smallest.subarray(0, 4).every((x) => x === 0));
  console.log(`${dir}: ${tables.length} table files; levels ${[0, 1, 2, 3, 4, 5, 6].map((l) => tables.filter((t) => t.level === l).length).join(' / ')}`);
  const counts = new Map<string, { live: number; deleted: number }>();
  for (const t of global) {
    const file = new Uint8Array(readFileSync(path.join(dir, `${String(t.number).padStart(6, '0')}.ldb`)));
    const footer = file.subarray(file.length - 48);
    let at = 0;
    [, at] = varint(footer, at); // metaindex handle
    [, at] = varint(footer, at);
    let indexOffset: number, indexSize: number;
    [indexOffset, at] = varint(footer, at);
    [indexSize, at] = varint(footer, at);
    for (const [, handle] of entries(block(file, indexOffset, indexSize))) {
      const [offset, next] = varint(handle, 0);
      const [size] = varint(handle, next);
      for (const [key] of entries(block(file, offset, size))) {
        const user = key.subarray(0, key.length - 8);
        const prefix = user[0] === 0 && user.length >= 6 && user.subarray(0, 4).every((x) => x === 0) ? hex(user.subarray(0, 6)) : `${hex(user.subarray(0, 3))}…`;
        const kind = key[key.length - 8] === 0 ? 'deleted' : 'live';
        const c = counts.get(prefix) ?? { live: 0, deleted: 0 };
        c[kind]++;
        counts.set(prefix, c);
      }
    }
    console.log(`  table ${t.number} (level ${t.level}): ${hex(t.smallest.subarray(0, 12))} … ${hex(t.largest.subarray(0, 12))}`);
  }
  console.log('keys by prefix in those tables (live / deletion markers):');
  for (const [prefix, c] of [...counts].sort()) console.log(`  ${prefix.padEnd(14)} ${String(c.live).padStart(9)} / ${String(c.deleted).padStart(9)}`);
}

main(process.argv[2]);
