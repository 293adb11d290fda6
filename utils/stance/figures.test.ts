import { describe, expect, it } from 'vitest';
import { classifyStance } from './index';
import { compareFigures, quantities } from './rules';
import { claimStructure } from '../spot/structure';

/** The stance of a passage towards a claim, with the claim's structure as the extension gives it. */
const stanceOf = (claim: string, evidence: string) => classifyStance(claim, evidence, { structure: claimStructure(claim) }).stance;
const compare = (claim: string, evidence: string) => compareFigures(quantities(claim), quantities(evidence));

describe('figures given to a decimal', () => {
  it('reads a different percentage or measure as a conflict, a rounded one as agreeing', () => {
    expect(compare('The Green Alliance won 38.2 percent of the vote.', 'The Green Alliance won 39.6% of the vote.')).toBe('conflict');
    expect(compare('The Green Alliance won 38.2 percent of the vote.', 'The Green Alliance won 38 percent of the vote.')).toBe('agree');
    expect(compare('The Green Alliance won 38.2 percent of the vote.', 'The Green Alliance won 38.2 percent of the vote.')).toBe('agree');
    expect(compare('Unemployment fell to 7.4 percent.', 'Unemployment fell to about 7 percent.')).toBe('agree');
    expect(compare('Freight volumes rose by 2,400 tonnes.', 'Freight volumes rose by 2,450 tonnes.')).toBe('agree');
  });

  it('finds a magnitude written before or after its figure', () => {
    expect(quantities('A magnitude 5.8 earthquake struck the island.').map((q) => q.noun)).toEqual(['magnitude']);
    expect(quantities('The earthquake had a magnitude of 6.3.').map((q) => q.noun)).toEqual(['magnitude']);
    expect(quantities('A 6.3-magnitude earthquake struck the island.').map((q) => q.noun)).toEqual(['magnitude']);
    expect(compare('A magnitude 5.8 earthquake struck the island of Varro.', 'The earthquake on Varro had a magnitude of 6.3.')).toBe('conflict');
  });

  it('disputes a claim with a different share of the vote or a different magnitude', () => {
    expect(
      stanceOf("The Green Alliance won 38.2 percent of the vote in Sunday's regional election.", "The Green Alliance won 41.7 percent of the vote in Sunday's regional election, the electoral commission said."),
    ).toBe('dispute');
    expect(
      stanceOf("The Green Alliance won 38.2 percent of the vote in Sunday's regional election.", "The Green Alliance won 38.2 percent of the vote in Sunday's regional election, the electoral commission said."),
    ).toBe('confirm');
    expect(
      stanceOf('A magnitude 5.8 earthquake struck the island of Varro on Thursday morning.', 'The earthquake that struck the island of Varro on Thursday morning had a magnitude of 6.3, the geological survey said.'),
    ).toBe('dispute');
  });
});

describe('figures restated', () => {
  it('compares the claim with the figure a restatement gives, not the one it replaces', () => {
    expect(compare('Holm Freight made a net profit of 96 million euros.', 'Holm Freight restated its net profit from 96 million euros to 81 million euros.')).toBe('conflict');
    expect(compare('Holm Freight made a net profit of 81 million euros.', 'Holm Freight restated its net profit from 96 million euros to 81 million euros.')).toBe('agree');
    expect(
      stanceOf('Holm Freight reported a net profit of 96 million euros for last year.', 'Holm Freight restated its net profit for last year from 96 million euros to 81 million euros after an audit.'),
    ).toBe('dispute');
  });
});

describe('figures only expected, forecast or demanded', () => {
  it('does not compare a forecast figure with a reported one', () => {
    expect(compare('Holm Freight reported a net profit of 96 million euros.', 'Analysts had expected a net profit of 120 million euros.')).toBe(null);
    expect(compare('Holm Freight reported a net profit of 96 million euros.', 'Analysts had forecast a net profit of 96 million euros.')).toBe(null);
    // a claim about what is planned compared with a plan
    expect(compare('The stadium is due to open next year with 42,000 seats.', 'The stadium will open next year and will hold 42,000 seats.')).toBe('agree');
    // a forecast compared with a forecast
    expect(compare('Analysts expect a net profit of 96 million euros.', 'Analysts had forecast a net profit of 120 million euros.')).toBe('conflict');
  });

  it('reads a forecast of the claimed figure as discuss and a different forecast as no dispute', () => {
    const claim = 'Holm Freight reported a net profit of 96 million euros for the year.';
    expect(stanceOf(claim, 'Analysts had forecast a net profit of 96 million euros for the year at Holm Freight.')).toBe('discuss');
    expect(stanceOf(claim, 'Analysts had forecast a net profit of 120 million euros for the year at Holm Freight.')).not.toBe('dispute');
  });

  it('reads a demand for what the claim says was done as discuss', () => {
    expect(
      stanceOf('The electoral commission ordered a recount of the ballots in the Tessel district.', 'The Liberal campaign demanded a recount of the ballots in the Tessel district.'),
    ).toBe('discuss');
    expect(
      stanceOf('The electoral commission ordered a recount of the ballots in the Tessel district.', 'The electoral commission ordered a recount of the ballots in the Tessel district on Monday.'),
    ).toBe('confirm');
  });
});

describe('no comment is no denial', () => {
  it('does not read a party that has not commented as disputing the claim', () => {
    const claim = 'Brandt Logistics laid off 240 warehouse workers in March.';
    expect(stanceOf(claim, "The drivers' union says Brandt Logistics laid off 240 warehouse workers in March, but the company has not commented on the figure.")).not.toBe('dispute');
    expect(stanceOf(claim, "The drivers' union says Brandt Logistics laid off 240 warehouse workers in March; the company declined to comment.")).not.toBe('dispute');
    expect(stanceOf(claim, 'Brandt Logistics said it had not laid off 240 warehouse workers in March.')).toBe('dispute');
  });
});

describe('counts of the dead', () => {
  it('marks a figure as a count of the dead only when a death word stands in its clause', () => {
    expect(quantities('At least 9 people have died in the landslide.').map((q) => q.death)).toEqual([true]);
    expect(quantities('The landslide killed two hikers and 30 people were evacuated after it.').map((q) => q.death)).toEqual([true, false]);
    expect(quantities('The toll from the landslide in the valley has risen to 12.').map((q) => q.death)).toEqual([true]);
  });

  it('does not compare a count of the evacuated with a count of the dead', () => {
    expect(compare('At least 9 people have died in the landslide.', 'About 300 people were evacuated from the valley after the landslide.')).toBe(null);
    expect(stanceOf('At least 9 people have died in the landslide.', 'About 300 people were evacuated from the valley after the landslide, and most have returned.')).not.toBe('dispute');
  });

  it('reads a death toll with few of the claim\'s words as bearing on a claim about the dead', () => {
    const claim = 'At least 9 people have died in the landslide near Orsa.';
    expect(stanceOf(claim, 'The toll from the landslide stood at 6 on Tuesday evening, the rescue service said.')).toBe('dispute');
    expect(stanceOf(claim, 'The toll from the landslide stood at 9 on Tuesday evening, the rescue service said.')).not.toBe('dispute');
  });
});

describe('figures of different things in the same unit', () => {
  it('does not compare figures more than a hundred times apart: they measure different things', () => {
    expect(compare('The merger added 900 million euros to the value of the group.', 'Shares in the group closed at 38.50 euros.')).toBe(null);
    expect(compare('The bridge contract was worth 48 million crowns.', 'The ministry signed 310 contracts worth 9.6 billion crowns this year.')).toBe(null);
    // crowds counted by police and by organisers: far apart, and a conflict
    expect(compare('About 40,000 people joined the march on Saturday.', 'Police said 3,000 people joined the march on Saturday.')).toBe('conflict');
    // within that, a different figure is a conflict
    expect(compare('The bridge contract was worth 48 million crowns.', 'The bridge contract was worth 84 million crowns.')).toBe('conflict');
    expect(compare('Hundreds of people joined the march.', 'Dozens of people joined the march.')).toBe('conflict');
  });
});

describe('figures of different things, given roughly', () => {
  it('does not compare a rough total with a price a hundred times smaller', () => {
    expect(compare('The rally added almost 900 million euros to the value of the group.', 'Shares in the group closed at 38.50 euros.')).toBe(null);
    expect(compare('Thousands of people joined the march.', 'Dozens of people joined the march.')).toBe('conflict');
  });
});

describe('bounds far from the claimed figure', () => {
  it('still reads a bound far below the claimed figure as a conflict', () => {
    expect(compare('About 40,000 books were lost in the flood.', 'Fewer than 3,000 books were lost in the flood.')).toBe('conflict');
  });
});

describe('a sentence stating what the claim says was not done', () => {
  it('disputes a claim that something failed to happen with fewer of its words', () => {
    const claim = 'The ferry company failed to report the engine fault before the crossing.';
    expect(stanceOf(claim, 'Holm said that the ferry company had reported a fault to the port office on Friday.')).toBe('dispute');
    expect(stanceOf(claim, 'Holm said the ferry company had reported the fault on Friday, and that crews had been on standby since Thursday.')).toBe('dispute');
    expect(stanceOf(claim, 'The port office reported a record number of passengers on Friday.')).not.toBe('dispute');
  });
});

describe('no comment, and negations that only look like it', () => {
  it('keeps a negation of the claim that shares words with "no comment"', () => {
    expect(stanceOf('The mayor returned to work on Monday after her illness.', 'The mayor has not returned to work since her illness, her office said on Monday.')).toBe('dispute');
    expect(stanceOf('Rescuers reached the village of Orsa on Tuesday.', 'The village of Orsa could not be reached by rescuers on Tuesday.')).toBe('dispute');
  });
});

describe('a figure set against the sentence’s own', () => {
  it('compares the sentence’s own figure, not the one it is set against', () => {
    const claim = 'The vaccine cut hospital admissions by 34 percent in the trial.';
    expect(compare(claim, 'The published data show the vaccine cut hospital admissions by 26 percent, less than the 34 percent the company announced in May.')).toBe('conflict');
    expect(stanceOf(claim, 'The published data show the vaccine cut hospital admissions by 26 percent in the trial, less than the 34 percent the company announced in May.')).toBe('dispute');
    expect(compare('The ferry carried 40 passengers.', 'The ferry carried 28 passengers instead of the 40 first reported.')).toBe('conflict');
  });

  it('still reads "less than" before a figure as a bound', () => {
    expect(compare('Turnout was 38 percent.', 'Turnout was less than 40 percent.')).toBe('agree');
  });
});

describe('a passage without the claim’s figures', () => {
  it('does not confirm a claim whose figures it does not give', () => {
    const claim = 'Orvane Bio’s experimental Parkinson’s drug Tressil slowed the loss of movement by 31 percent over 18 months in a large trial.';
    const preview =
      "Orvane Bio will present the results of its late-stage trial of the Parkinson's drug Tressil at a neurology conference in Vienna on Thursday.\n\nThe 18-month study enrolled 1,620 patients in 12 countries.";
    expect(stanceOf(claim, preview)).toBe('discuss');
  });

  it('still lets the same value count under another noun', () => {
    const claim = 'Police evacuated about 900 residents living near the depot.';
    expect(stanceOf(claim, 'Police moved about 900 people living near the fuel depot to a school for the night.')).toBe('confirm');
  });
});

describe('a correction of an earlier version', () => {
  it('reads the figures an earlier version gave as replaced, disputing only a claim that gives them', () => {
    const correction = 'Correction, May 4: An earlier version of this article said that five lifeguards had been hurt on Saturday afternoon.';
    expect(stanceOf('Four lifeguards were hurt when their boat capsized near Vessby on Saturday afternoon.', correction)).not.toBe('dispute');
    expect(stanceOf('Five lifeguards were hurt when their boat capsized near Vessby on Saturday afternoon.', correction)).toBe('dispute');
    expect(quantities(correction).every((q) => q.replaced)).toBe(true);
  });
});

describe('rough figures and who they count', () => {
  it('reads "nearly" as just under a figure and "about" as within a tenth or so', () => {
    expect(compare('About 3,500 people were ordered to leave.', 'Nearly 5,000 people were ordered to leave.')).toBe('conflict');
    expect(compare('About 12,000 people have fled.', 'Some 13,000 people have fled.')).toBe('agree');
    expect(compare('Nearly 5,000 people were ordered to leave.', '4,800 people were ordered to leave.')).toBe('agree');
  });

  it('counts residents, villagers and people as the same people', () => {
    expect(compare('About 3,500 residents were ordered to leave their homes.', 'Nearly 5,000 people were ordered out of their homes.')).toBe('conflict');
    expect(compare('About 3,500 residents were ordered to leave their homes.', 'Some 3,400 villagers were ordered out of their homes.')).toBe('agree');
  });
});

describe('a figure that counts some besides others', () => {
  it('does not compare "two other paintings" or "three more people" with a total', () => {
    expect(compare('Thieves stole three paintings from the museum.', 'Thieves took the museum’s best-known painting, along with two other paintings.')).toBe(null);
    expect(compare('Five people were injured.', 'Three more people were injured in the evening.')).toBe(null);
    expect(compare('Five people were injured.', 'Three people were injured.')).toBe('conflict');
  });
});

describe('the claim’s figure called wrong', () => {
  it('reads "that figure was far too low" of the claim’s own figure as a dispute', () => {
    expect(
      stanceOf(
        'The two stolen statues are worth an estimated 12 million euros.',
        'The gallery has given a figure of 12 million euros for the two statues, but dealers said that figure was far too low.',
      ),
    ).toBe('dispute');
    expect(stanceOf('The two stolen statues are worth an estimated 12 million euros.', 'The gallery has given a figure of 12 million euros for the two statues.')).toBe('confirm');
  });
});
