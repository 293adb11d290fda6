// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import type { OutletFinding } from '@/utils/types';
import { formatDate, OutletList } from './OutletList';
import { finding } from './test-findings';

let root: HTMLElement;
afterEach(() => {
  render(null, root);
  root.remove();
});

/** The small print under each outlet, by outlet name. */
function smallPrint(outlets: OutletFinding[]): Record<string, string> {
  root = document.createElement('div');
  document.body.append(root);
  act(() => render(<OutletList outlets={outlets} />, root));
  const out: Record<string, string> = {};
  for (const li of root.querySelectorAll<HTMLElement>('.cc-outlet')) {
    out[li.dataset.outlet!] = [...li.querySelectorAll('.cc-copies')].map((p) => p.textContent).join(' | ');
  }
  return out;
}

describe('OutletList: what the small print says about counting', () => {
  it('says "counted once" of an independent outlet whose story others copied', () => {
    expect(smallPrint([finding('Ledger', { copies: ['Wire One', 'Wire Two'] })])).toEqual({ Ledger: 'Same story also run by Wire One, Wire Two (counted once).' });
  });

  it('does not say "counted once" under the page\'s own outlet, where nothing is counted', () => {
    const print = smallPrint([finding('Daily', { sameOutlet: true, copies: ['Wire One'] }), finding('Ledger')]);
    expect(print.Daily).toBe("Same story also run by Wire One (not counted: this page's own outlet's story).");
    expect(print.Daily).not.toMatch(/counted once/);
  });

  it('does not say "not counted again" of a copy whose original is not listed: the story was not counted at all', () => {
    const print = smallPrint([finding('Wire One', { copyOf: 'Agency' }), finding('Ledger')]);
    expect(print['Wire One']).toBe("A syndicated copy of Agency's story: not counted (a copy is not an independent report), and that outlet's own article is not among these.");
  });

  it('says "not counted again" of a copy whose original is listed and counted', () => {
    expect(smallPrint([finding('Agency'), finding('Wire One', { copyOf: 'agency' })])['Wire One']).toBe("A syndicated copy of agency's story (not counted again).");
  });

  it('says a copy of the page\'s own outlet\'s story is not counted', () => {
    const print = smallPrint([finding('Daily', { sameOutlet: true }), finding('Wire One', { copyOf: 'Daily' })]);
    expect(print['Wire One']).toBe("A syndicated copy of Daily's story (this page's own outlet: not counted).");
  });

  it('under the page\'s own outlet, a copy of another\'s story claims nothing about counting', () => {
    expect(smallPrint([finding('Daily', { sameOutlet: true, copyOf: 'Agency' })]).Daily).toBe("A syndicated copy of Agency's story.");
  });
});

describe('formatDate', () => {
  it('shows a date alone as that day, and a moment as the day it was where the reader is', () => {
    // A date alone is the same day in every time zone.
    expect(formatDate('2026-10-16', 'America/Los_Angeles')).toMatch(/16/);
    expect(formatDate('2026-10-16', 'Asia/Singapore')).toMatch(/16/);
    // 07:00 in Singapore on the 16th is stored as 23:00 UTC on the 15th: the 16th for a reader
    // there, still the 15th for one in Los Angeles.
    expect(formatDate('2026-10-15T23:00:00.000Z', 'Asia/Singapore')).toMatch(/16/);
    expect(formatDate('2026-10-15T23:00:00.000Z', 'America/Los_Angeles')).toMatch(/15/);
    expect(formatDate(null)).toBe('undated');
    expect(formatDate('not a date')).toBe('undated');
  });
});

describe('OutletList: the stance model\'s confidence', () => {
  it('says what its percentage is, not a bare figure a reader could take for how true the claim is', () => {
    root = document.createElement('div');
    document.body.append(root);
    act(() => render(<OutletList outlets={[finding('Ledger', { confidence: 0.93 }), finding('Wire', { stance: 'discuss', confidence: 0.58 })]} />, root));
    const shown = [...root.querySelectorAll('.cc-confidence')].map((s) => s.textContent);
    expect(shown).toEqual(['93% sure', '58% sure']);
  });
});
