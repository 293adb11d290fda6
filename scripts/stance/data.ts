/**
 * Reads the FNC-1 training data from ../shared/data/fnc1-train/ (relative to the project root)
 * and makes the development splits. Used only by the scripts that rebuild and measure the model.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Stance } from '../../utils/types';
import { parseCsv } from '../lib/csv';
import { seededRandom } from '../../utils/random';

/** Where the data is: ../shared/data/fnc1-train from the project root, or $FNC1_DIR. */
export const DATA_DIR = process.env.FNC1_DIR ?? resolve(import.meta.dirname, '../../../shared/data/fnc1-train');

export interface Pair {
  headline: string;
  bodyId: number;
  stance: Stance;
}

export interface FncData {
  bodies: Map<number, string>;
  pairs: Pair[];
}

const MAP: Record<string, Stance> = { agree: 'confirm', disagree: 'dispute', discuss: 'discuss', unrelated: 'unrelated' };

/** Loads the data, or prints why it cannot and exits the process cleanly. */
export function loadFncOrExit(): FncData {
  const bodiesFile = resolve(DATA_DIR, 'train_bodies.csv');
  const stancesFile = resolve(DATA_DIR, 'train_stances.csv');
  if (!existsSync(bodiesFile) || !existsSync(stancesFile)) {
    console.error(`The FNC-1 training data is not there (looked for ${bodiesFile} and ${stancesFile}).`);
    console.error('It lives beside the project at ../shared/data/fnc1-train/; nothing was changed.');
    process.exit(0);
  }
  const bodies = new Map<number, string>();
  for (const [id, body] of parseCsv(readFileSync(bodiesFile, 'utf8')).slice(1)) if (id !== undefined && body !== undefined) bodies.set(Number(id), body);
  const seen = new Set<string>();
  const pairs: Pair[] = [];
  for (const [headline, id, stance] of parseCsv(readFileSync(stancesFile, 'utf8')).slice(1)) {
    if (!headline || !MAP[stance]) continue;
    const key = `${headline}\u0000${id}`;
    if (seen.has(key)) continue; // the data has some duplicate pairs
    seen.add(key);
    pairs.push({ headline, bodyId: Number(id), stance: MAP[stance] });
  }
  return { bodies, pairs };
}

function shuffled<T>(xs: T[], seed: number): T[] {
  const r = seededRandom(seed);
  const a = xs.slice();
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [a[i], a[j]] = [a[j], a[i]];
  }
  return a;
}

export const SEED = 20170601;

/**
 * The development split's seed from a command line: the whole number after `--seed`, or SEED
 * without one. Anything else after `--seed` is refused rather than read as seed 0.
 */
export function seedArg(args: readonly string[]): number {
  const at = args.indexOf('--seed');
  if (at < 0) return SEED;
  const value = args[at + 1];
  if (value === undefined || !/^-?\d+$/.test(value)) throw new Error(`--seed needs a whole number (got ${value === undefined ? 'nothing' : JSON.stringify(value)})`);
  return Number(value);
}

/**
 * The development split by Body ID: 20% of bodies (seeded shuffle) and all their pairs are dev.
 */
export function splitByBody(data: FncData, seed = SEED): { train: Pair[]; dev: Pair[] } {
  const ids = shuffled([...data.bodies.keys()].sort((a, b) => a - b), seed);
  const dev = new Set(ids.slice(0, Math.round(ids.length * 0.2)));
  return { train: data.pairs.filter((p) => !dev.has(p.bodyId)), dev: data.pairs.filter((p) => dev.has(p.bodyId)) };
}

/**
 * A harder split that also holds out claims: stories are groups of headlines and bodies joined by
 * related (non-unrelated) pairs; 20% of stories go to dev with all their headlines and bodies.
 * Pairs that would mix a dev headline with a train body (or the reverse) are dropped, so dev has
 * unseen headlines and unseen bodies, like the challenge's test set.
 */
export function splitByStory(data: FncData, seed = SEED): { train: Pair[]; dev: Pair[] } {
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    let p = parent.get(x) ?? x;
    if (p !== x) {
      p = find(p);
      parent.set(x, p);
    }
    return p;
  };
  const union = (a: string, b: string) => {
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent.set(ra, rb);
  };
  for (const p of data.pairs) {
    parent.set('h:' + p.headline, find('h:' + p.headline));
    parent.set('b:' + p.bodyId, find('b:' + p.bodyId));
  }
  for (const p of data.pairs) if (p.stance !== 'unrelated') union('h:' + p.headline, 'b:' + p.bodyId);
  const roots = [...new Set([...parent.keys()].map(find))].sort();
  const picked = shuffled(roots, seed + 1);
  const devRoots = new Set(picked.slice(0, Math.round(picked.length * 0.2)));
  const isDev = (k: string) => devRoots.has(find(k));
  const train: Pair[] = [];
  const dev: Pair[] = [];
  for (const p of data.pairs) {
    const h = isDev('h:' + p.headline);
    const b = isDev('b:' + p.bodyId);
    if (h && b) dev.push(p);
    else if (!h && !b) train.push(p);
  }
  return { train, dev };
}
