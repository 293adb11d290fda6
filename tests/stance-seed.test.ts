import { describe, expect, it } from 'vitest';
import { SEED, seedArg } from '../scripts/stance/data';

describe('the stance scripts\' --seed', () => {
  it('is the fixed seed when not given', () => {
    expect(seedArg(['--split', 'story'])).toBe(SEED);
  });
  it('reads the whole number after --seed, wherever it stands', () => {
    expect(seedArg(['--seed', '7', '--split', 'body'])).toBe(7);
    expect(seedArg(['--model', 'm.json', '--seed', '-3'])).toBe(-3);
  });
  it('refuses a missing or malformed number instead of shuffling with seed 0', () => {
    expect(() => seedArg(['--seed'])).toThrow(/whole number/);
    expect(() => seedArg(['--seed', '--split', 'story'])).toThrow(/whole number/);
    expect(() => seedArg(['--seed', 'abc'])).toThrow(/whole number/);
    expect(() => seedArg(['--seed', '1.5'])).toThrow(/whole number/);
  });
});
