import { describe, expect, it } from 'vitest';
import { popoverTagName } from './popover';

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
