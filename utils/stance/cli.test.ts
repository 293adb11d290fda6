import { describe, expect, it } from 'vitest';
import { run } from '../../cli/stance';
import { memoryIo } from '../../cli/testing';


describe('crosscheck stance', () => {
  it('prints one result per line, in order, with the id and a score per stance', async () => {
    const { io: cli, out, err } = memoryIo([
      JSON.stringify({ id: 'a', claim: 'The army took the valley.', text: 'The army said it took the valley.' }),
      JSON.stringify({ id: 2, claim: 'The army took the valley.', text: 'A spokesman denied that the army took the valley.' }),
    ]);
    expect(await run([], cli)).toBe(0);
    expect(err).toEqual([]);
    const rows = out.map((l) => JSON.parse(l));
    expect(rows.map((r) => r.id)).toEqual(['a', 2]);
    for (const r of rows) {
      expect(Object.keys(r.scores).sort()).toEqual(['confirm', 'discuss', 'dispute', 'unrelated']);
      expect(r.scores[r.stance]).toBe(Math.max(...(Object.values(r.scores) as number[])));
    }
    expect(rows[1].stance).toBe('dispute');
  });

  it('reports a malformed line with its number, goes on, and exits 1', async () => {
    const { io: cli, out, err } = memoryIo(['not json', JSON.stringify({ id: 2, claim: 'x' }), JSON.stringify({ id: 3, claim: 'Floods hit the town.', text: 'Floods hit the town.' })]);
    expect(await run([], cli)).toBe(1);
    expect(out.map((l) => JSON.parse(l).id)).toEqual([3]);
    expect(err[0]).toMatch(/line 1/);
    expect(err[1]).toMatch(/line 2.*"text"/);
  });
});
