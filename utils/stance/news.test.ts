import { describe, expect, it } from 'vitest';
import { classifyStance } from './index';
import { compareFigures, quantities } from './rules';
import { claimStructure } from '../spot/structure';

/** The stance of a passage towards a claim, with the claim's structure as the extension gives it. */
const stanceOf = (claim: string, evidence: string) => classifyStance(claim, evidence, { structure: claimStructure(claim) }).stance;

describe('who is speaking in the evidence', () => {
  it('reads a party speaking of itself as discuss, with a day or a time between the verb and the party', () => {
    const claim = 'The shipping company found a crack in the hull of the ferry.';
    expect(stanceOf(claim, 'The shipping company said it had found a crack in the hull of the ferry.')).toBe('discuss');
    expect(stanceOf(claim, 'The shipping company said on Monday it had found a crack in the hull of the ferry.')).toBe('discuss');
    expect(stanceOf(claim, 'The shipping company said late on Monday that it had found a crack in the hull of the ferry.')).toBe('discuss');
  });

  it('reads an official statement passed on as the news as confirm', () => {
    expect(
      stanceOf("A fire broke out on Friday night in the museum's north wing.", 'A fire broke out on Friday night in the north wing of the city museum, destroying part of the roof, officials said on Saturday.'),
    ).toBe('confirm');
  });

  it("reads another outlet's report passed on as discuss, but not a claim stated next to a report of something else", () => {
    expect(
      stanceOf(
        'The new harbour bridge cost 30 million euros.',
        'The weekly Tribune reported on Monday that the new harbour bridge, which cost 30 million euros according to documents it had seen, was built without a tender.',
      ),
    ).toBe('discuss');
    expect(stanceOf('Mayor Tilde Aronsen resigned on Friday.', 'Mayor Tilde Aronsen resigned on Friday, a day after reports that her husband had won a city contract.')).toBe('confirm');
  });
});

describe('what a denial denies', () => {
  it('does not read a sentence that states the claim and denies something else as a dispute', () => {
    const claim = 'The Norrvik shipyard is owned by the Varga family.';
    expect(stanceOf(claim, 'The Norrvik shipyard, which is owned by the Varga family, rejected reports that it had been paid twice for the ferry.')).not.toBe('dispute');
    // the same denial of the claim itself is one
    expect(stanceOf(claim, 'The Varga family denied that it owns the Norrvik shipyard.')).toBe('dispute');
  });

  it('reads "no sign that" and "is a fake" as denials', () => {
    expect(
      stanceOf('Investigators believe the warehouse fire was started deliberately.', 'Investigators said there was no sign that the warehouse fire had been started deliberately.'),
    ).toBe('dispute');
    expect(stanceOf('The photo shows a wolf in the town square.', 'The photo of a wolf in the town square is a fake, the town council said.')).toBe('dispute');
  });
});

describe('death tolls', () => {
  it('reads a toll stated before a comma as a count of the dead', () => {
    const toll = quantities('The death toll from the storm in the north has risen to 20, regional officials said.');
    expect(toll).toEqual([expect.objectContaining({ low: 20, high: 20, noun: 'person', toll: true })]);
    expect(stanceOf('At least 20 people have died in the storm.', 'The death toll from the storm in the north has risen to 20, regional officials said on Friday.')).toBe('confirm');
  });

  it('does not compare a toll with a count of people that is not of the dead', () => {
    expect(compareFigures(quantities('About 3,000 people were evacuated from the coast.'), quantities('The death toll has risen to 12, officials said.'))).toBeNull();
    expect(compareFigures(quantities('Nine people have died in the floods.'), quantities('The death toll has risen to 12, officials said.'))).toBe('conflict');
  });
});
