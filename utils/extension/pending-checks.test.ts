import { describe, expect, it } from 'vitest';
import { checksToResume, MAX_PENDING, MAX_TRIES, PENDING_MAX_AGE_MS, pendingKey, pendingNote, withoutPending, withPending, type PendingCheck } from './pending-checks';
import { MAX_SELECTION_CHARS, type SelectionCheck } from './messages';

const at = Date.parse('2026-03-02T10:00:00Z');
const pending = (text: string, over: Partial<PendingCheck> = {}): PendingCheck => ({ tabId: 7, text, source: 'selection', at, ...over });
const answer = (text: string, checkedAt: number, source: SelectionCheck['source'] = 'selection'): SelectionCheck => ({
  id: text, source, text, checkedAt: new Date(checkedAt).toISOString(), claims: [],
});

describe('checks under way', () => {
  it('are noted once per tab, kind and text, the latest asking kept, the newest MAX_PENDING in all', () => {
    let list = withPending([], pending('The bridge cost 3 million crowns.'));
    list = withPending(list, pending(' The bridge cost 3 million crowns. ', { at: at + 5 }));
    expect(list).toEqual([pending(' The bridge cost 3 million crowns. ', { at: at + 5 })]);
    list = withPending(list, pending('The bridge cost 3 million crowns.', { source: 'typed' }));
    list = withPending(list, pending('The bridge cost 3 million crowns.', { tabId: 8 }));
    expect(list).toHaveLength(3);
    for (let i = 0; i < 2 * MAX_PENDING; i++) list = withPending(list, pending(`Check number ${i}.`, { at: at + i }));
    expect(list).toHaveLength(MAX_PENDING);
    expect(list.at(-1)!.text).toBe(`Check number ${2 * MAX_PENDING - 1}.`);
  });

  it('an answer removes its own asking, not a later asking of the same check', () => {
    const first = pending('The bridge cost 3 million crowns.');
    const later = { ...first, at: at + 100 };
    expect(withoutPending([first], pendingKey(first), first.at)).toEqual([]);
    expect(withoutPending([later], pendingKey(first), first.at)).toEqual([later]);
    expect(withoutPending([first, pending('Another check.')], pendingKey(first), first.at)).toEqual([pending('Another check.')]);
  });

  it('are run again at the next start unless answered since they were asked for, or too old', () => {
    const text = 'The bridge cost 3 million crowns.';
    const p = pending(`  ${text}  `);
    const none = () => [];
    expect(checksToResume([p], at + 1_000, none)).toEqual([p]);
    expect(checksToResume([p], at + PENDING_MAX_AGE_MS + 1, none)).toEqual([]);
    // Answered after it was asked for: only the note of it was lost.
    expect(checksToResume([p], at + 1_000, () => [answer(text, at + 400)])).toEqual([]);
    // An answer from before, of the other kind, or of another text does not count.
    expect(checksToResume([p], at + 1_000, () => [answer(text, at - 400), answer(text, at + 400, 'typed'), answer('The bridge cost 3', at + 400)])).toEqual([p]);
    // A long text is answered on its first MAX_SELECTION_CHARS characters.
    const long = 'The bridge cost 3 million crowns. '.repeat(400);
    expect(checksToResume([pending(long)], at + 1_000, () => [answer(long.trim().slice(0, MAX_SELECTION_CHARS), at + 10)])).toEqual([]);
  });

  it('a check run again too often is dropped (one that stops the background every time is not run at every start)', () => {
    const p = pending('The bridge cost 3 million crowns.');
    expect(checksToResume([{ ...p, tries: MAX_TRIES - 1 }], at + 1_000, () => [])).toHaveLength(1);
    expect(checksToResume([{ ...p, tries: MAX_TRIES }], at + 1_000, () => [])).toEqual([]);
  });

  it('notes a long text cut just past what is checked, so it still says it was longer', () => {
    const long = '  ' + 'The bridge cost 3 million crowns. '.repeat(400);
    const note = pendingNote(pending(long));
    expect(note.text).toBe(long.trim().slice(0, MAX_SELECTION_CHARS + 1));
    expect(pendingNote(pending(' Short. ')).text).toBe('Short.');
  });
});
