import { describe, expect, it } from 'vitest';
import type { Stance } from '../types';
import { stanceModel } from './index';
import { analyze } from './features';
import { applyRules, articleDenials, claimDenies, findPattern, polarityFinding, topStance } from './rules';

const m = stanceModel();
const info = (text: string) => analyze(text, m.idf);

/** An article of six sentences whose opening calls the video of the bird and the minister a fake. */
const debunking = [
  'A video of a bird soiling the coat of Interior Minister Halvard Brenn during the parade speech is a fake, the ministry said on Monday.',
  'The clip was shared thousands of times over the weekend.',
  'Footage from three television crews shows the minister finishing the speech with a clean coat.',
  'The ministry said the bird had been added to the clip with editing software.',
  'The parade marked the end of the harvest festival in Orlov.',
  'Several news sites removed the clip after the ministry spoke.',
].join(' ');

/** The event told first, the denial only in the third sentence. */
const late = [
  'A bird soiled the coat of Interior Minister Halvard Brenn during the parade speech on Monday, a clip appears to show.',
  'The clip was shared thousands of times over the weekend.',
  'The ministry called the clip of the bird and the minister a fake.',
  'The parade marked the end of the harvest festival in Orlov.',
  'Several news sites removed the clip.',
].join(' ');

/** The same event, told without any denial. */
const telling = [
  'A bird soiled the coat of Interior Minister Halvard Brenn during the parade speech on Monday.',
  'The clip was shared thousands of times over the weekend.',
  'The minister laughed and went on with the speech.',
  'Television crews filmed the moment from three sides.',
  'The parade marked the end of the harvest festival in Orlov.',
  'Several news sites ran the clip on their front pages.',
].join(' ');

const after = (claim: string, evidence: string, scores: Record<Stance, number>) => topStance(applyRules(claim, info(claim), info(evidence), m.idf, scores));

describe('polarity of claim and article', () => {
  it('tells a claim that denies from one that asserts', () => {
    expect(claimDenies(info('No, a bird did not soil the minister during the parade speech'))).toBe(true);
    expect(claimDenies(info('The video of a bird soiling the minister is a fake'))).toBe(true);
    expect(claimDenies(info('A bird soiled the minister during the parade speech'))).toBe(false);
    // "not only" does not deny what follows
    expect(claimDenies(info('The minister was not only soiled by a bird but also booed'))).toBe(false);
  });

  it('finds an article that denies next to the claim\'s words, and not one that only tells the story', () => {
    const claim = info('A bird soiled the coat of Interior Minister Halvard Brenn during the parade speech');
    expect(articleDenials(claim, info(debunking), m.idf)).toEqual({ opening: true, anywhere: true });
    expect(articleDenials(claim, info(telling), m.idf)).toEqual({ opening: false, anywhere: false });
    // a denial only in the third sentence: not in the opening
    expect(articleDenials(claim, info(late), m.idf)).toEqual({ opening: false, anywhere: true });
  });

  it('reads a denying claim against a denying article as agreement', () => {
    const claim = 'No, a bird did not soil the coat of Interior Minister Halvard Brenn during his parade speech';
    expect(polarityFinding(claim, info(claim), info(debunking), m.idf)).toMatchObject({ stance: 'confirm', rule: 'denial-shared' });
    // a model leaning to dispute (it sees denial words on both sides) is turned to confirm
    expect(after(claim, debunking, { confirm: 0.3, dispute: 0.45, discuss: 0.2, unrelated: 0.05 })).toBe('confirm');
  });

  it('reads an opening that denies a plain claim as dispute', () => {
    const claim = 'A bird soiled the coat of Interior Minister Halvard Brenn during the parade speech';
    expect(polarityFinding(claim, info(claim), info(debunking), m.idf)).toMatchObject({ stance: 'dispute', rule: 'opening-denial' });
    // a model leaning to discuss (the article also relays the clip) is turned to dispute
    expect(after(claim, debunking, { confirm: 0.1, dispute: 0.3, discuss: 0.55, unrelated: 0.05 })).toBe('dispute');
  });

  it('leaves the model to decide an attributed claim, an article that denies nothing or only later, short evidence and unrelated pairs', () => {
    // the claim reports someone's words: an article denying them may only discuss what was said
    for (const said of ['Opposition MP: a bird soiled the coat of Interior Minister Halvard Brenn during the parade speech', 'Opposition MP says a bird soiled the coat of Interior Minister Halvard Brenn during the parade speech']) {
      expect(polarityFinding(said, info(said), info(debunking), m.idf)).toBeNull();
    }
    const plain = 'A bird soiled the coat of Interior Minister Halvard Brenn during the parade speech';
    expect(polarityFinding(plain, info(plain), info(telling), m.idf)).toBeNull();
    expect(polarityFinding(plain, info(plain), info(late), m.idf)).toBeNull();
    const denying = 'No, a bird did not soil the coat of Interior Minister Halvard Brenn during his parade speech';
    expect(polarityFinding(denying, info(denying), info(telling), m.idf)).toBeNull();
    // a passage of four sentences is read by the sentence rules, not this one: on the article's
    // opening alone the sentence rules find its denial ("is a fake") themselves
    const passage = debunking.split(/(?<=\.) /).slice(0, 4).join(' ');
    expect(info(passage).sents).toHaveLength(4);
    expect(polarityFinding(plain, info(plain), info(passage), m.idf)).toMatchObject({ stance: 'dispute', rule: 'opening-denial' });
    const leaning = { confirm: 0.1, dispute: 0.3, discuss: 0.55, unrelated: 0.05 };
    expect(after(plain, debunking, leaning)).toBe('dispute');
    expect(after(plain, passage, leaning)).toBe('dispute');
    expect(findPattern(plain, info(plain), info(passage), m.idf).finding).toMatchObject({ stance: 'dispute', rule: 'denial' });
    // the model takes the article as unrelated: nothing changes
    expect(after(denying, debunking, { confirm: 0.1, dispute: 0.1, discuss: 0.1, unrelated: 0.7 })).toBe('unrelated');
  });
});
