import { describe, expect, it } from 'vitest';
import { STANCES, type ClaimStructure } from '../types';
import { classifyStance, stanceModel } from './index';
import { analyze, FEATURE_NAMES, featurize } from './features';
import { applyRules, assertedPart, compareFigures, quantities, topStance } from './rules';
import { claimStructure } from '../spot/structure';

const stanceOf = (claim: string, evidence: string, structure?: ClaimStructure) => classifyStance(claim, evidence, structure ? { structure } : undefined).stance;

describe('classifyStance', () => {
  it('returns a probability per stance, summing to 1, and the most probable stance', () => {
    const r = classifyStance('The army took control of the valley.', 'The army took control of the valley on Monday after heavy fighting.');
    const total = STANCES.reduce((a, s) => a + r.scores[s], 0);
    expect(total).toBeCloseTo(1, 6);
    for (const s of STANCES) expect(r.scores[s]).toBeGreaterThanOrEqual(0);
    expect(STANCES.every((s) => r.scores[s] <= r.scores[r.stance])).toBe(true);
  });

  it('is deterministic and copes with empty text', () => {
    const a = classifyStance('Floods hit the capital.', 'Floods hit the capital on Sunday.');
    const b = classifyStance('Floods hit the capital.', 'Floods hit the capital on Sunday.');
    expect(a).toEqual(b);
    expect(classifyStance('', '').stance).toBe('unrelated');
    expect(classifyStance('Floods hit the capital.', '').stance).toBe('unrelated');
  });

  it('calls evidence about something else unrelated', () => {
    expect(stanceOf('The army took the valley after three days of fighting.', 'The company released a new phone with a larger screen and a faster chip.')).toBe('unrelated');
    expect(stanceOf('x', 'y')).toBe('unrelated');
  });

  it('confirms a plain restatement of the claim', () => {
    expect(stanceOf('The army took the valley.', 'The army took the valley on Sunday after three days of fighting.')).toBe('confirm');
    expect(stanceOf('The central bank raised interest rates to 5 percent.', 'The central bank raised its main interest rate to 5 percent on Thursday, its third rise this year.')).toBe('confirm');
  });
});

describe('denials', () => {
  it('reads "denied", "dismissed claims" and "rejected reports" as dispute', () => {
    expect(stanceOf('The army took control of the Korengal valley.', 'A military spokesman denied that the army had taken control of the Korengal valley.')).toBe('dispute');
    expect(stanceOf('The health minister resigned over the hospital scandal.', 'The health minister dismissed claims that she had resigned over the hospital scandal.')).toBe('dispute');
    expect(stanceOf('The carmaker will close its factory in Leeds.', 'The carmaker rejected reports that it will close its factory in Leeds, calling them baseless.')).toBe('dispute');
    expect(stanceOf('The photo of the shark in the flooded street is real.', 'The photo of the shark swimming in a flooded street is a hoax, the photographer said.')).toBe('dispute');
  });

  it('reads a negation of the claimed fact as dispute', () => {
    expect(stanceOf('The bridge collapsed during the storm.', 'The bridge did not collapse during the storm, engineers said after an inspection.')).toBe('dispute');
  });

  it('does not call a sentence that negates what the claim negates a dispute', () => {
    // "no" before the claim's own words: the same negation on both sides, read the same way,
    // with the claim's structure (as in the extension) and without (as on the command line)
    const claim = 'There was no independent figure for casualties among fighters or civilians.';
    expect(stanceOf(claim, claim)).toBe('confirm');
    expect(stanceOf(claim, claim, claimStructure(claim))).toBe('confirm');
    const quoted = 'Army spokesman Colonel Tomas Renko has said there is "no organised resistance left" anywhere in the valley.';
    const report = 'Army spokesman Colonel Tomas Renko said troops had reached all eight districts of the valley and that "no organised resistance" remained.';
    expect(stanceOf(quoted, report)).not.toBe('dispute');
    expect(stanceOf(quoted, report, claimStructure(quoted))).not.toBe('dispute');
    // a negation the claim does not have is still a dispute
    expect(stanceOf('There was an independent figure for casualties among fighters.', claim)).toBe('dispute');
  });

  it('reads a claim that something was declined against a report that it was done as dispute', () => {
    const claim = 'The anti-corruption office has so far declined to open an investigation.';
    expect(stanceOf(claim, 'The national anti-corruption office opened a formal investigation on Thursday into the award of the hospital contract.')).toBe('dispute');
    expect(stanceOf(claim, claim)).toBe('confirm');
  });

  it('reads a denial of a claim that names its source ("…, according to messages on forums") as dispute', () => {
    const claim = 'The industry ministry granted Greyfield a 25-year mining licence on Tuesday, according to messages that spread quickly on investor forums and were repeated by several regional news sites that afternoon.';
    const denial = 'The industry ministry has denied that a mining licence had been granted to Greyfield Minerals, saying the company holds only an exploration permit.';
    expect(stanceOf(claim, denial)).toBe('dispute');
    expect(assertedPart(claim)).toBe('The industry ministry granted Greyfield a 25-year mining licence on Tuesday.');
    expect(assertedPart('According to the U.N. refugee agency, about 3.5 million people have fled.')).toBe('about 3.5 million people have fled.');
    // too little left without the source: the claim as it is
    expect(assertedPart('Rain, according to forecasters.')).toBe('Rain, according to forecasters.');
  });

  it('does not call a denial that the claim itself reports a dispute', () => {
    expect(stanceOf('The ministry denied that its troops crossed the border.', 'On Tuesday the ministry denied that its troops had crossed the border.')).not.toBe('dispute');
  });

  it('finds the denial inside a passage', () => {
    const passage = [
      'Local radio stations carried reports overnight that the army had taken control of the Korengal valley.',
      'A military spokesman denied that the army had taken control of the Korengal valley, saying fighting was continuing.',
      'Aid agencies said roads into the area remained closed.',
    ].join(' ');
    expect(stanceOf('The army took control of the Korengal valley.', passage)).toBe('dispute');
  });
});

describe('conflicting figures', () => {
  it('finds counted quantities', () => {
    expect(quantities('Floods hit four of seven districts')).toMatchObject([{ low: 4, high: 4, noun: 'district' }]);
    expect(quantities('Floods hit all eight districts')).toMatchObject([{ low: 8, high: 8, noun: 'district' }]);
    expect(quantities('Hundreds of people were evacuated')).toMatchObject([{ low: 200, high: 999, noun: 'person' }]);
    expect(quantities('more than 1,200 troops')).toMatchObject([{ low: 1200, noun: 'troop' }]);
    expect(quantities('3.5 million people')).toMatchObject([{ low: 3.5e6, noun: 'person' }]);
    expect(quantities('in 2014 the town')).toEqual([]);
  });

  it('compares figures of the same thing', () => {
    expect(compareFigures(quantities('four of seven districts'), quantities('all eight districts'))).toBe('conflict');
    expect(compareFigures(quantities('hundreds of people'), quantities('dozens of people'))).toBe('conflict');
    expect(compareFigures(quantities('about 100 people'), quantities('110 people'))).toBe('agree');
    expect(compareFigures(quantities('12 people'), quantities('twelve people'))).toBe('agree');
    expect(compareFigures(quantities('12 people'), quantities('12 tanks'))).toBe(null);
  });

  it('reads "four of seven districts" against "all eight districts" as dispute', () => {
    expect(stanceOf('Floods hit four of seven districts in the province.', 'Floods hit all eight districts in the province, the governor said.')).toBe('dispute');
  });

  it('reads "hundreds" against "dozens" as dispute', () => {
    expect(stanceOf('Hundreds of people were evacuated from the town after the chemical leak.', 'Dozens of people were evacuated from the town after the chemical leak on Sunday.')).toBe('dispute');
  });

  it('does not take spans of time for conflicting figures', () => {
    expect(quantities('after an eight-day offensive')).toEqual([]);
    expect(compareFigures(quantities('after an eight-day offensive'), quantities('four days after troops began their offensive'))).toBe(null);
    expect(
      stanceOf(
        'The army has taken full control of the Sarrow Valley after an eight-day offensive.',
        'The army has taken full control of the Sarrow Valley, the defence ministry announced on Monday, four days after troops began their offensive.',
      ),
    ).not.toBe('dispute');
  });

  it('reads matching figures as confirm', () => {
    expect(stanceOf('Police arrested 12 people after the protest outside parliament.', 'Twelve people were arrested by police after the protest outside parliament.')).toBe('confirm');
  });
});

describe('attribution', () => {
  it('reads "the army said it took the valley" as reporting a claim (discuss)', () => {
    expect(stanceOf('The army took the valley.', 'The army said it took the valley.')).toBe('discuss');
    expect(stanceOf('Rebels shot down a military helicopter near the border.', 'Rebels claimed they shot down a military helicopter near the border.')).toBe('discuss');
  });

  it('reads "the army took the valley" as asserting it (confirm)', () => {
    expect(stanceOf('The army took the valley.', 'The army took the valley.')).toBe('confirm');
  });

  it('keeps a claim that is itself attributed confirmed by the same report', () => {
    const structure: ClaimStructure = { entities: ['army'], numbers: [], attribution: 'the army', negated: false, hedged: false };
    expect(stanceOf('The army said it took the valley.', 'The army said on Monday that it took the valley.', structure)).not.toBe('dispute');
  });
});

describe('hedges', () => {
  it('reads hedged evidence against a firm claim as discuss', () => {
    expect(stanceOf('The president will visit Paris next week.', 'The president may visit Paris next week, according to unconfirmed reports.')).toBe('discuss');
    expect(stanceOf('The striker signed for the club for 80 million euros.', 'The striker has reportedly signed for the club in a deal said to be worth 80 million euros.')).toBe('discuss');
  });

  it('reads a firm report against a hedged claim as confirm', () => {
    expect(stanceOf('The singer reportedly married her manager.', 'The singer married her manager in a private ceremony on Saturday.')).toBe('confirm');
  });
});

describe('a later report that supersedes an earlier one', () => {
  it('reads a revised figure as dispute of the earlier figure', () => {
    expect(stanceOf('Five people died in the factory fire.', 'The death toll from the factory fire has since risen to eight people.')).toBe('dispute');
  });

  it('reads a toll revised later as dispute, even with few words in common', () => {
    expect(stanceOf('Ten people were killed in the attack.', 'Officials later revised the death toll from the attack to 14 people.')).toBe('dispute');
  });

  it('reads "initially reported ..., but" as dispute', () => {
    expect(stanceOf('The airport was closed after the blast.', 'Officials initially reported that the airport was closed after the blast, but it reopened within the hour.')).toBe('dispute');
  });

  it('reads the corrected report as confirming the corrected claim', () => {
    expect(stanceOf('Eight people died in the factory fire.', 'The death toll from the factory fire has since risen to eight people.')).toBe('confirm');
  });
});

describe('a sentence stating the claim\'s core', () => {
  const claim = 'Port director Selma Arvid resigned on Friday, two days after the audit of the harbour accounts was published.';
  const structure: ClaimStructure = { entities: ['Port director Selma Arvid'], numbers: [], action: 'resigned', negated: false, hedged: false };

  it('confirms a long claim restated in other words around the same subject and action', () => {
    expect(stanceOf(claim, 'Selma Arvid, the port director, resigned on Friday after auditors questioned the harbour accounts.', structure)).toBe('confirm');
  });
  it('does not confirm when the subject only claims it, denies it, or the action is negated', () => {
    expect(stanceOf(claim, 'Selma Arvid denied on Friday that she had resigned after the audit of the harbour accounts.', structure)).not.toBe('confirm');
    expect(stanceOf(claim, 'Selma Arvid has not resigned, the port said on Friday, after the audit of the harbour accounts.', structure)).not.toBe('confirm');
    expect(stanceOf(claim, 'Selma Arvid reportedly resigned on Friday, after the audit of the harbour accounts, according to unconfirmed posts.', structure)).not.toBe('confirm');
  });
  it('needs the structure: without it the rule stays silent', () => {
    const withIt = classifyStance(claim, 'Selma Arvid, the port director, resigned on Friday after auditors questioned the harbour accounts.', { structure });
    const without = classifyStance(claim, 'Selma Arvid, the port director, resigned on Friday after auditors questioned the harbour accounts.');
    expect(withIt.scores.confirm).toBeGreaterThan(without.scores.confirm);
  });
});

describe('figures about something else in the same passage', () => {
  it('reads a death toll without a noun as a count of people', () => {
    expect(quantities('The death toll rose to 14 on Friday.')).toMatchObject([{ low: 14, high: 14, noun: 'person' }]);
    expect(quantities('The toll stood at 9.')).toMatchObject([{ low: 9, noun: 'person' }]);
    expect(quantities('The score stood at 14 on Friday.')).toEqual([]);
  });

  it('does not call a passage a dispute when it agrees on the claim\'s figure and counts something else too', () => {
    const claim = 'At least 11 people have died in the storm.';
    const passage = 'About 3,000 people were moved to shelters during the storm, and most have gone home.\n\nThe death toll stood at 11 on Sunday, the coast guard said.';
    expect(stanceOf(claim, passage)).not.toBe('dispute');
    // the same passage with a different toll still disputes it
    expect(stanceOf(claim, passage.replace('stood at 11', 'stood at 4'))).toBe('dispute');
  });
});

describe('no dispute without a sign of it', () => {
  const m = stanceModel();
  const leaning = { confirm: 0.1, dispute: 0.7, discuss: 0.15, unrelated: 0.05 };
  const after = (claim: string, evidence: string) => applyRules(claim, analyze(claim, m.idf), analyze(evidence, m.idf), m.idf, leaning);
  const claim = 'The Harwick bridge will open in 2031 with six lanes.';

  it('a short passage saying nothing against the claim is not called a dispute', () => {
    expect(topStance(after(claim, 'The Harwick bridge, the region\'s largest road project, is due to open in 2031.'))).not.toBe('dispute');
  });
  it('keeps the dispute when the passage denies, negates or gives another figure', () => {
    expect(topStance(after(claim, 'Officials denied that the Harwick bridge would open in 2031.'))).toBe('dispute');
    expect(topStance(after(claim, 'The Harwick bridge will not open in 2031, engineers said.'))).toBe('dispute');
    expect(topStance(after(claim, 'The Harwick bridge will open in 2031 with four lanes.'))).toBe('dispute');
  });
  it('leaves whole articles to the model', () => {
    const article = Array.from({ length: 6 }, (_, i) => `The Harwick bridge project held its meeting number ${i + 1} in the town hall.`).join(' ');
    expect(topStance(after(claim, article))).toBe('dispute');
  });
});

describe('a sentence sharing only a word with the claim', () => {
  const m = stanceModel();
  it('neither confirms nor disputes it, whatever the model leans to', () => {
    const claim = 'It was under control a little before five in the morning.';
    const sentence = 'The Harbour Museum reopened on Friday after a five-year renovation, with a new glass roof over its courtyard.';
    for (const lean of ['confirm', 'dispute'] as const) {
      const scores = { confirm: 0.1, dispute: 0.1, discuss: 0.1, unrelated: 0.1, [lean]: 0.7 };
      expect(topStance(applyRules(claim, analyze(claim, m.idf), analyze(sentence, m.idf), m.idf, scores))).toBe('unrelated');
    }
  });
  it('leaves a sentence that is about the claim alone', () => {
    const claim = 'The fire was under control a little before five in the morning.';
    const sentence = 'Firefighters said the fire was under control shortly before five in the morning.';
    const scores = { confirm: 0.7, dispute: 0.1, discuss: 0.1, unrelated: 0.1 };
    expect(topStance(applyRules(claim, analyze(claim, m.idf), analyze(sentence, m.idf), m.idf, scores))).not.toBe('unrelated');
  });
});

describe('dispute cues tied to the claim (features)', () => {
  const m = stanceModel();
  const feature = (claim: string, evidence: string, name: string) =>
    featurize(analyze(claim, m.idf), analyze(evidence, m.idf), m.idf)[FEATURE_NAMES.indexOf(name)];
  const claim = 'Harwick mayor Ilse Brandt resigned over the bridge contract.';

  it('counts a denial standing next to the claim\'s rarest words, not one elsewhere in the article', () => {
    const near = 'A spokesman denied that Brandt had resigned. The bridge contract is still under review.';
    const far = 'Brandt resigned on Monday over the bridge contract. Separately, the football club denied any wrongdoing in its ticket sales.';
    expect(feature(claim, near, 'denial_rare_sents')).toBe(1);
    expect(feature(claim, far, 'denial_rare_sents')).toBe(0);
    expect(feature(claim, near, 'denial_subject')).toBe(0); // the claim's first word, "Harwick", is not near the denial
    expect(feature(claim, 'Harwick officials called the report false and said Brandt had not resigned.', 'denial_subject')).toBe(1);
  });

  it('marks a best-matching sentence that negates the claim\'s words when the claim has no negation', () => {
    expect(feature(claim, 'Ilse Brandt did not resign over the bridge contract, her office said.', 'negclaim_best_new')).toBe(1);
    expect(feature(claim, 'Ilse Brandt resigned over the bridge contract, her office said.', 'negclaim_best_new')).toBe(0);
    // "not only" does not negate the fact
    expect(feature(claim, 'Ilse Brandt not only resigned over the bridge contract but left the party.', 'negclaim_best_new')).toBe(0);
    expect(feature('Brandt did not resign over the bridge contract.', 'Brandt resigned over the bridge contract.', 'negclaim_best_new')).toBe(-1);
  });
});
