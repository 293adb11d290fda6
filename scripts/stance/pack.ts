/**
 * Packs the fitted trees (from fit.py) and the IDF table (from dump-features.ts) into the model
 * file the product imports: utils/stance/model.json.
 *
 *   npx tsx scripts/stance/pack.ts DIR/meta.json DIR/trees.json [OUT]
 *
 * The fitted trees are one four-class set, or two stages (related vs unrelated, then confirm /
 * dispute / discuss on related pairs). Trees are re-laid out in pre-order (left child = next
 * node), and stored as base64 little-endian typed arrays: feature (int16, -1 for a leaf),
 * threshold or leaf value (float32), right child offset from the tree's start (uint16).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { PackedModel, PackedTrees } from '../../utils/stance/model';

interface Trees {
  classes: number;
  baseline: number[];
  treeStart: number[];
  feature: number[];
  threshold: number[];
  left: number[];
  right: number[];
  value: number[];
}

function packTrees(trees: Trees): PackedTrees {
  const feature: number[] = [];
  const value: number[] = [];
  const right: number[] = [];
  const treeStart: number[] = [];
  trees.treeStart.forEach((start) => {
    const base = feature.length;
    treeStart.push(base);
    const visit = (i: number) => {
      const at = feature.length;
      const f = trees.feature[start + i];
      feature.push(f);
      value.push(f < 0 ? trees.value[start + i] : trees.threshold[start + i]);
      right.push(0);
      if (f >= 0) {
        visit(trees.left[start + i]);
        right[at] = feature.length - base;
        visit(trees.right[start + i]);
      }
    };
    visit(0);
  });
  if (Math.max(...right) > 65535) throw new Error('tree too large for uint16 offsets');
  return {
    classes: trees.classes,
    baseline: trees.baseline,
    treeStart: b64(new Uint32Array(treeStart)),
    feature: b64(new Int16Array(feature)),
    value: b64(new Float32Array(value)),
    right: b64(new Uint16Array(right)),
  };
}

const b64 = (a: ArrayBufferView) => Buffer.from(a.buffer, a.byteOffset, a.byteLength).toString('base64');

/** `fitted` is one four-class set of trees, or the two stages (related vs unrelated, then stance). */
export function pack(meta: { features: string[]; idf: { docs: number; terms: string[]; df: number[] } }, fitted: Trees | { stages: [Trees, Trees] }): PackedModel {
  const idf = { docs: meta.idf.docs, terms: meta.idf.terms.join(' '), df: b64(new Uint16Array(meta.idf.df.map((n) => Math.min(n, 65535)))) };
  if ('stages' in fitted) return { version: 2, features: meta.features.length, related: packTrees(fitted.stages[0]), stance: packTrees(fitted.stages[1]), idf };
  return { version: 1, features: meta.features.length, ...packTrees(fitted), idf };
}

if (process.argv[1]?.endsWith('pack.ts')) {
  const [metaFile, treesFile, out = resolve(import.meta.dirname, '../../utils/stance/model.json')] = process.argv.slice(2);
  const model = pack(JSON.parse(readFileSync(metaFile, 'utf8')), JSON.parse(readFileSync(treesFile, 'utf8')));
  const text = JSON.stringify(model);
  writeFileSync(out, text);
  console.error(`model written to ${out} (${(text.length / 1024).toFixed(0)} KiB)`);
}
