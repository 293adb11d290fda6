// Builds the demo JSON Lines files from the plain-text sources in demo/source/.
// Usage: node demo/build.mjs
//
// Source format: articles separated by a line "=== <url>", then header lines
// "outlet: …", "title: …", "published: …" and optionally "copy-of: <url>" (a syndicated copy:
// the text of that article plus the "tail:" line), then a line "---" and the text, paragraphs
// separated by blank lines. Lines starting with "#" before the first "===" are comments.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

function parse(file) {
  const raw = readFileSync(join(here, 'source', file), 'utf8');
  const chunks = raw.split(/^=== /m).slice(1);
  return chunks.map((chunk) => {
    const [head, ...rest] = chunk.split(/^---$/m);
    const lines = head.split('\n');
    const art = { url: lines[0].trim() };
    for (const line of lines.slice(1)) {
      const m = /^([a-z-]+):\s*(.*)$/.exec(line);
      if (m) art[m[1]] = m[2].trim();
    }
    const text = rest.join('---').trim().split(/\n\s*\n/).map((p) => p.replace(/\s*\n\s*/g, ' ').trim()).join('\n\n');
    art.text = text;
    return art;
  });
}

function build(files, out) {
  const arts = files.filter((f) => existsSync(join(here, 'source', f))).flatMap(parse);
  const byUrl = new Map(arts.map((a) => [a.url, a]));
  const lines = arts.map((a) => {
    let text = a.text;
    if (a['copy-of']) {
      const orig = byUrl.get(a['copy-of']);
      if (!orig) throw new Error(`copy-of not found: ${a['copy-of']}`);
      text = orig.text + (a.tail ? `\n\n${a.tail}` : '');
    }
    return JSON.stringify({ url: a.url, outlet: a.outlet, title: a.title, published: a.published, text });
  });
  writeFileSync(join(here, out), lines.join('\n') + '\n');
  console.log(`${out}: ${lines.length} articles`);
}

build(['event-sarrow-valley.txt', 'event-health-minister.txt', 'event-amber-delta-floods.txt', 'event-hollin-moor-lithium.txt', 'noise.txt'], 'corpus.jsonl');
build(['import-library-fire.txt'], 'import/library-fire.jsonl');
