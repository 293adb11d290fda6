import { describe, expect, it } from 'vitest';
import { counted } from './plural';

describe('counted', () => {
  it('says one thing in the singular and other counts in the plural', () => {
    expect(counted(1, 'article')).toBe('1 article');
    expect(counted(0, 'article')).toBe('0 articles');
    expect(counted(1200, 'line')).toBe('1,200 lines');
    expect(counted(1, 'syndicated copy', 'syndicated copies')).toBe('1 syndicated copy');
    expect(counted(2, 'syndicated copy', 'syndicated copies')).toBe('2 syndicated copies');
  });
});
