import { describe, expect, it } from 'vitest';
import { claimStructure } from './index';
import type { ClaimNumber } from '../types';

describe('claimStructure: numbers and what they count', () => {
  const table: Array<[string, ClaimNumber[]]> = [
    ['The army took four of seven districts.', [{ raw: 'four', value: 4, unit: 'districts' }, { raw: 'seven', value: 7, unit: 'districts' }]],
    ['About 3.5 million people have fled.', [{ raw: '3.5 million', value: 3_500_000, unit: 'people' }]],
    ['At least 1,200 homes were damaged.', [{ raw: '1,200', value: 1200, unit: 'homes' }]],
    ['The deal is worth $4.2bn.', [{ raw: '$4.2bn', value: 4_200_000_000, unit: 'USD' }]],
    ['Dozens of people were arrested.', [{ raw: 'Dozens', value: null, unit: 'people' }]],
    ['Hundreds of homes were flooded.', [{ raw: 'Hundreds', value: null, unit: 'homes' }]],
    ['Turnout was 61.4%.', [{ raw: '61.4%', value: 61.4, unit: '%' }]],
    ['Prices rose 3 per cent in May.', [{ raw: '3', value: 3, unit: '%' }]],
    ['The fund paid out £1.75 million.', [{ raw: '£1.75 million', value: 1_750_000, unit: 'GBP' }]],
    ['12 out of 40 patients died.', [{ raw: '12', value: 12, unit: 'patients' }, { raw: '40', value: 40, unit: 'patients' }]],
    ['The convoy of twenty-five trucks arrived.', [{ raw: 'twenty-five', value: 25, unit: 'trucks' }]],
    ['Two million voters stayed at home.', [{ raw: 'Two million', value: 2_000_000, unit: 'voters' }]],
    ['It has 1,200 displaced people in its camps.', [{ raw: '1,200', value: 1200, unit: 'people' }]],
    ['The road is 40 km long.', [{ raw: '40', value: 40, unit: 'km' }]],
    ['The law was passed in 2019.', [{ raw: '2019', value: 2019, unit: 'year' }]],
    ['Covid-19 cases fell.', []],
    ['The estimate rests on 14 drill holes across 40 square kilometres.', [{ raw: '14', value: 14, unit: 'drill holes' }, { raw: '40', value: 40, unit: 'square kilometres' }]],
    ['Residents who remember the floods of 1998 say the water was never this high.', [{ raw: '1998', value: 1998, unit: 'year' }]],
    ['About 12,000 people have fled since October 8.', [{ raw: '12,000', value: 12000, unit: 'people' }, { raw: '8', value: 8, unit: 'date' }]],
    ['The army won after an eight-day offensive.', [{ raw: 'eight', value: 8, unit: 'day' }]],
    ['Twelve police officers were hurt.', [{ raw: 'Twelve', value: 12, unit: 'police officers' }]],
    ['Parliament will meet on October 14, the speaker said.', [{ raw: '14', value: 14, unit: 'date' }]],
    ['The company made €4.1 billion in 2023, up 9% on the year before.', [{ raw: '€4.1 billion', value: 4_100_000_000, unit: 'EUR' }, { raw: '2023', value: 2023, unit: 'year' }, { raw: '9%', value: 9, unit: '%' }]],
    ["The island's 80 outdoor warning sirens did not sound.", [{ raw: '80', value: 80, unit: 'sirens' }]],
    ['It opened four extra vaccination clinics.', [{ raw: 'four', value: 4, unit: 'vaccination clinics' }]],
    ['The lander recorded quakes between 2018 and 2022.', [{ raw: '2018', value: 2018, unit: 'year' }, { raw: '2022', value: 2022, unit: 'year' }]],
    ['It built 9,500 homes, down from 14,868 in 2022.', [{ raw: '9,500', value: 9500, unit: 'homes' }, { raw: '14,868', value: 14868 }, { raw: '2022', value: 2022, unit: 'year' }]],
    ['He promised to cut the tax to zero if elected.', [{ raw: 'zero', value: 0 }]],
  ];
  for (const [text, numbers] of table) {
    it(text, () => expect(claimStructure(text).numbers).toEqual(numbers));
  }
});

describe('claimStructure: entities', () => {
  const table: Array<[string, string[]]> = [
    ['The army said it had taken control of Marinka.', ['Marinka']],
    ['Officials in Kyiv denied the claim.', ['Kyiv']],
    ['Prime Minister Keir Starmer met President Emmanuel Macron in Paris on Monday.', ['Prime Minister Keir Starmer', 'President Emmanuel Macron', 'Paris']],
    ['The Bank of England raised rates.', ['Bank of England']],
    ['NATO and the U.N. condemned the strike.', ['NATO', 'U.N.']],
    ['Fighting resumed in Gaza on Tuesday.', ['Gaza']],
    ["Russia's defence ministry said it shot down 12 drones.", ['Russia']],
    ['Sofas lined the pavements of Mill Street and Canal Row on Thursday’s clean-up.', ['Mill Street', 'Canal Row']],
    ['Gas prices rose in March, the Office for National Statistics said.', ['Office for National Statistics']],
  ];
  for (const [text, entities] of table) {
    it(text, () => expect(claimStructure(text).entities).toEqual(entities));
  }
});

describe('claimStructure: attribution, action, negation, hedging', () => {
  const table: Array<[string, { attribution?: string; action?: string; negated: boolean; hedged: boolean }]> = [
    ['The army said on Tuesday it had taken control of four districts.', { attribution: 'the army', action: 'taken control', negated: false, hedged: false }],
    ['About 3.5 million people have fled, according to the U.N. refugee agency.', { attribution: 'the U.N. refugee agency', action: 'fled', negated: false, hedged: false }],
    ['"The bridge is gone," said Gen. Mark Holt.', { attribution: 'Gen. Mark Holt', negated: false, hedged: false }],
    ['Police said 14 people were killed.', { attribution: 'Police', action: 'killed', negated: false, hedged: false }],
    ['The opposition claimed the vote was rigged.', { attribution: 'the opposition', action: 'rigged', negated: false, hedged: false }],
    ['The ministry denied that its troops had entered the town.', { attribution: 'the ministry', action: 'entered', negated: true, hedged: false }],
    ['The company did not confirm the figures.', { action: 'confirm', negated: true, hedged: false }],
    ['No civilians were hurt.', { action: 'hurt', negated: true, hedged: false }],
    ['He has never visited the site.', { action: 'visited', negated: true, hedged: false }],
    ['The storm not only flooded the town but also cut the power.', { action: 'flooded', negated: false, hedged: false }],
    ['Rebels reportedly seized the airport.', { action: 'seized', negated: false, hedged: true }],
    ['The strike may have killed dozens.', { action: 'killed', negated: false, hedged: true }],
    ['The minister allegedly took bribes.', { action: 'took', negated: false, hedged: true }],
    ['The foreign minister, Leila Osman, told parliament that the deal did not recognise the rebels.', { attribution: 'the foreign minister, Leila Osman', action: 'recognise', negated: true, hedged: false }],
    ['The company, Medisur Logistics, said in a statement that its contracts had been approved.', { attribution: 'the company, Medisur Logistics', action: 'approved', negated: false, hedged: false }],
    ['The economy is weak, said the minister.', { attribution: 'the minister', negated: false, hedged: false }],
    ['The club faces 115 charges over breaches of the rules, which it denies.', { negated: true, hedged: false }],
    ['The average home now costs £257,000, down from a peak of £273,700.', { action: 'costs', negated: false, hedged: false }],
    // a clause set aside between the subject and the verb is left out of the attribution, the action and the negation
    ['The official, who spoke on condition of anonymity because he was not authorised to brief reporters, said the convoy had been hit twice.', { attribution: 'the official', action: 'hit', negated: false, hedged: false }],
    ['The ministry, which has denied any role in the strike, said on Monday that 12 soldiers died.', { attribution: 'the ministry', action: 'died', negated: false, hedged: false }],
    ['A senior diplomat, speaking on condition of anonymity, said the talks had collapsed.', { attribution: 'a senior diplomat', action: 'collapsed', negated: false, hedged: false }],
    ['The report, published by the statistics office on Thursday, said unemployment rose to 4.6%.', { attribution: 'the report', action: 'rose', negated: false, hedged: false }],
    ['The governor of the central bank, Mira Holt, who took office in May, said rates would stay at 4%.', { attribution: 'the governor of the central bank, Mira Holt', action: 'stay', negated: false, hedged: false }],
    ['The Moorland Trust, which manages part of the moor, has said it will oppose any mine.', { attribution: 'the Moorland Trust', action: 'oppose', negated: false, hedged: false }],
    ['The dam, built in 1962, burst on Sunday.', { action: 'burst', negated: false, hedged: false }],
    ['A small group of officers, watched by a few dozen residents, hoisted the flag on the roof, in a ceremony broadcast live.', { action: 'hoisted', negated: false, hedged: false }],
    ['Dovin, who denies wrongdoing, said he was leaving.', { attribution: 'Dovin', action: 'leaving', negated: false, hedged: false }],
    // not asides: the clause after a sentence's opening phrase, a participle's clause with a verb
    // of its own, a comma inside a figure; a "which" clause about the claim keeps its negation
    ['On Monday, armed police did not enter the building, witnesses said.', { attribution: 'witnesses', negated: true, hedged: false }],
    ['On Sunday, fighting did not stop in the east, the army said.', { attribution: 'the army', action: 'stop', negated: true, hedged: false }],
    ['On Sunday, shooting broke out near the border, police said.', { attribution: 'police', action: 'broke out', negated: false, hedged: false }],
    ['Despite the warnings, evening trains were not cancelled, the operator said.', { attribution: 'the operator', action: 'cancelled', negated: true, hedged: false }],
    ['The drug, tested on 3,000 patients, reduced deaths by 20%, the company said.', { attribution: 'the company', action: 'reduced', negated: false, hedged: false }],
    ['The club faces 115 charges, which it denies, over breaches of the rules.', { negated: true, hedged: false }],
    // "declined to" negates what follows; a decline in a figure does not
    ['The anti-corruption office has so far declined to open an investigation.', { action: 'declined', negated: true, hedged: false }],
    ['Sales declined 5% in March.', { action: 'declined', negated: false, hedged: false }],
    // a clause after a comma that is the claim itself still counts
    ['Forty people died on Sunday, nothing was left of the bridge, officials said.', { attribution: 'officials', action: 'died', negated: true, hedged: false }],
    ['Rebels seized the airport, according to unconfirmed reports.', { attribution: 'unconfirmed reports', action: 'seized', negated: false, hedged: true }],
    ['The ship docked at Pier No. 5 on Tuesday.', { action: 'docked', negated: false, hedged: false }],
    ['Greyfield Minerals has found an estimated 3.1 million tonnes of lithium.', { action: 'found', negated: false, hedged: false }],
  ];
  for (const [text, want] of table) {
    it(text, () => {
      const s = claimStructure(text);
      if (want.attribution) expect(s.attribution).toBe(want.attribution);
      else expect(s.attribution).toBeUndefined();
      if (want.action) expect(s.action).toBe(want.action);
      expect(s.negated).toBe(want.negated);
      expect(s.hedged).toBe(want.hedged);
    });
  }
});
