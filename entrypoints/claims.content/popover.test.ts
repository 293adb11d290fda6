import { describe, expect, it } from 'vitest';
import { popoverBand, popoverSpot, popoverTagName } from './popover';
import { shownClaim, SHOWN_CLAIM_CHARS } from '@/components/ClaimPopover';

describe('popoverTagName', () => {
  it('is a valid custom element name, drawn anew each time', () => {
    const names = new Set(Array.from({ length: 50 }, () => popoverTagName()));
    expect(names.size).toBe(50);
    // Lower case, starts with a letter, has a hyphen: what customElements.define accepts.
    for (const name of names) expect(name).toMatch(/^crosscheck-popover-[0-9a-z]{8}$/);
  });
  it('pads short draws', () => {
    expect(popoverTagName(() => 0)).toBe('crosscheck-popover-00000000');
  });
});

describe('popover placement', () => {
  const line = (top: number) => ({ left: 20, right: 900, top, bottom: top + 20 });
  /** A claim of `n` lines from `top`, 20 px each. */
  const claim = (top: number, n: number) => Array.from({ length: n }, (_, i) => line(top + i * 20));
  const inside = (spot: { top?: number; bottom?: number; maxHeight: number }, vh: number) => {
    const top = spot.top ?? vh - spot.bottom! - spot.maxHeight;
    return top >= 0 && top + spot.maxHeight <= vh;
  };

  it('puts a short claim\'s popover below it when there is room', () => {
    const lines = claim(100, 2);
    const band = popoverBand(lines, 900, 110);
    expect(band).toMatchObject({ top: 100, bottom: 140 });
    expect(popoverSpot(band, 900)).toMatchObject({ top: 148 });
  });

  it('puts the popover of a claim taller than the window beside the clicked line, inside the window', () => {
    // 1,400 lines from y = 100 in a 900 px window, clicked on the first line.
    const lines = claim(100, 1400);
    const band = popoverBand(lines, 900, 110);
    expect(band).toMatchObject({ top: 100, bottom: 120 });
    const spot = popoverSpot(band, 900);
    expect(spot.top).toBe(128);
    expect(inside(spot, 900)).toBe(true);
    // Scrolled to the middle of the claim in a 500 px window and clicked at y = 250.
    const middle = claim(-5000, 1400);
    const near = popoverBand(middle, 500, 250);
    expect(near.top).toBeLessThanOrEqual(250);
    expect(near.bottom).toBeGreaterThanOrEqual(250);
    const small = popoverSpot(near, 500);
    expect(inside(small, 500)).toBe(true);
  });

  it('without a click (the keyboard), uses the claim\'s first line in the window', () => {
    const band = popoverBand(claim(-5000, 1400), 900, null);
    expect(band.bottom).toBeGreaterThan(8);
    expect(band.top).toBeLessThan(30);
  });

  it('keeps the popover inside the window when its claim is above or below it', () => {
    for (const top of [-3000, -50, 880, 5000]) {
      const spot = popoverSpot(popoverBand(claim(top, 3), 900, null), 900);
      expect(inside(spot, 900)).toBe(true);
    }
    // A window lower than the popover's least height.
    expect(inside(popoverSpot(line(40), 100), 100)).toBe(true);
  });
});

describe('shownClaim', () => {
  it('keeps a claim of ordinary length whole', () => {
    const text = 'The bridge will close on Monday for six weeks of repairs, the council said.';
    expect(shownClaim(text)).toBe(text);
  });
  it('cuts a very long claim at a space near the limit, with an ellipsis', () => {
    const text = 'in the village number 1 where residents reported shelling, '.repeat(500);
    const shown = shownClaim(text);
    expect(shown.length).toBeLessThanOrEqual(SHOWN_CLAIM_CHARS + 1);
    expect(shown.length).toBeGreaterThan(SHOWN_CLAIM_CHARS * 0.7);
    expect(shown.endsWith('…')).toBe(true);
    expect(text.startsWith(shown.slice(0, -1))).toBe(true);
  });
  it('cuts a long word with no space in it too', () => {
    expect(shownClaim('x'.repeat(1000))).toBe(`${'x'.repeat(SHOWN_CLAIM_CHARS)}…`);
  });
});
