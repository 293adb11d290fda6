import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UsageError } from './io';
import { run } from './check';
import { memoryIo, writeMarinkaCorpus } from './testing';

const { dir } = writeMarinkaCorpus('check-cli-', ['{"broken"']);
writeFileSync(join(dir, 'page.txt'), 'The army has taken control of the eastern city of Marinka. What happens next is anyone\u2019s guess.');

describe('check --corpus FILE PAGE', () => {
  it('prints one JSON object with each claim, its offsets, verdict and outlets', async () => {
    const { io, out, err } = memoryIo();
    expect(await run(['--corpus', join(dir, 'corpus.jsonl'), join(dir, 'page.txt')], io)).toBe(0);
    expect(out).toHaveLength(1);
    const { claims } = JSON.parse(out[0]);
    expect(claims).toHaveLength(1);
    const [claim] = claims;
    expect(claim.text).toBe('The army has taken control of the eastern city of Marinka.');
    expect([claim.start, claim.end]).toEqual([0, claim.text.length]);
    expect(['confirmed', 'disputed', 'conflicting', 'unverified']).toContain(claim.verdict);
    for (const o of claim.outlets) {
      expect(Object.keys(o)).toEqual(expect.arrayContaining(['outlet', 'stance', 'url', 'published', 'evidence']));
      expect(o.outlet).not.toBe('Sport Daily');
    }
    // The bad corpus line is reported with its number, and the rest is used.
    expect(err.join('\n')).toMatch(/:4\b|line 4/);
  });

  it.each([
    [['page.txt'], /--corpus/],
    [['--corpus', 'corpus.jsonl'], /exactly one PAGE/],
    [['--corpus', 'corpus.jsonl', 'page.pdf'], /\.html or \.txt/],
    [['--corpus', 'corpus.jsonl', '--sensitivity', '2', 'page.txt'], /from 0 to 1/],
  ])('refuses bad arguments: %j', async (args, message) => {
    await expect(run(args, memoryIo().io)).rejects.toThrow(UsageError);
    await expect(run(args, memoryIo().io)).rejects.toThrow(message);
  });

  it('says clearly when the page cannot be read', async () => {
    await expect(run(['--corpus', join(dir, 'corpus.jsonl'), join(dir, 'missing.txt')], memoryIo().io)).rejects.toThrow(/cannot read .*missing\.txt: no such file/);
  });

  it('exits non-zero with a message on stderr from the real command line', () => {
    const result = spawnSync('npx', ['tsx', 'cli/index.ts', 'check', '--corpus', join(dir, 'nope.jsonl'), join(dir, 'page.txt')], { encoding: 'utf8' });
    expect(result.status).not.toBe(0);
    expect(result.stderr).toMatch(/crosscheck check: .*nope\.jsonl/);
    expect(result.stdout).toBe('');
  });
});

