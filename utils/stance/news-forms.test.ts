import { describe, expect, it } from 'vitest';
import { classifyStance } from './index';
import { claimStructure } from '../spot/structure';

/**
 * Common ways news sentences are put, which the sentence rules must not turn around (found by
 * review: each of these was read right before the news-passage rules, wrong after them).
 */
const stanceOf = (claim: string, evidence: string) => classifyStance(claim, evidence, { structure: claimStructure(claim) }).stance;

describe('a denial that comes after what it denies', () => {
  const bribes = 'The minister took bribes from the builder.';
  it.each([
    [bribes, 'The minister took bribes from the builder, an allegation he denies.'],
    [bribes, 'Prosecutors say the minister took bribes from the builder, which he denies.'],
    [bribes, 'That the minister took bribes from the builder was flatly rejected by his lawyers.'],
    [bribes, 'The minister has been accused of taking bribes from the builder, charges he rejects.'],
    ['The army shelled the hospital.', 'The army shelled the hospital, witnesses said, though the defence ministry disputed that account.'],
    ['The Varga family owns the Norrvik shipyard.', 'Reports that the Varga family owns the Norrvik shipyard were denied by the company on Monday.'],
    ['The Varga family owns the Norrvik shipyard.', 'The Varga family owns the Norrvik shipyard, a claim the family has denied.'],
  ])('%s / %s: dispute', (claim, evidence) => {
    expect(stanceOf(claim, evidence)).toBe('dispute');
  });
});

describe('a figure that agrees with the claim, set against what was expected', () => {
  it.each([
    ['Unemployment fell to 5 percent in May.', 'Unemployment fell to 5 percent in May, lower than economists had expected.'],
    ['The bank raised interest rates to 4 percent.', 'The bank raised interest rates to 4 percent, higher than analysts had expected.'],
    ['The fire destroyed 40 homes.', 'The fire destroyed 40 homes, fewer than first feared.'],
    ['The city spent 3 million euros on the festival.', 'The city spent 3 million euros on the festival, less than the council had estimated.'],
    ['Turnout was 62 percent.', 'Turnout was 62 percent, higher than most pollsters had predicted and higher than the commission expected.'],
  ])('%s / %s: confirm', (claim, evidence) => {
    expect(stanceOf(claim, evidence)).toBe('confirm');
  });
});

describe('other forms', () => {
  it('"not only … but also" is no negation', () => {
    expect(stanceOf('The storm not only flooded the town but also cut power to thousands of homes.', 'The storm flooded the town and cut power to thousands of homes, officials said.')).toBe('confirm');
    expect(stanceOf('The fire destroyed not just the warehouse but also two nearby houses.', 'The fire destroyed the warehouse and two nearby houses.')).toBe('confirm');
  });

  it('officials passing on what happened, with a day between the verb and what they said, assert it', () => {
    expect(stanceOf('The flood was the worst in 50 years.', 'Officials said on Monday it was the worst flood in 50 years.')).toBe('confirm');
    expect(stanceOf('The suspect was arrested in Lyon.', 'Police said on Monday he was arrested in Lyon.')).toBe('confirm');
  });

  it('having no plans to do what the claim says was done disputes it', () => {
    expect(stanceOf('The government declared a state of emergency.', 'The government has no plans to declare a state of emergency, the minister said.')).toBe('dispute');
  });

  it('a report passed on with "according to" at the end of the sentence only reports it', () => {
    expect(stanceOf('The mayor took bribes.', 'The mayor took bribes, according to the newspaper.')).toBe('discuss');
  });
});
