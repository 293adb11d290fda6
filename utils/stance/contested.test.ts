import { describe, expect, it } from 'vitest';
import type { Stance } from '../types';
import { classifyStance, stanceModel } from './index';
import { analyze } from './features';
import { applyRules, findPattern, topStance } from './rules';

const stanceOf = (claim: string, evidence: string) => classifyStance(claim, evidence).stance;

describe('a claim reported only to be set against the facts', () => {
  const claim = 'The army has taken full control of the Sarrow Valley.';
  it('reads "despite the army\'s claim that" and "contrary to official statements" as dispute', () => {
    expect(stanceOf(claim, "Fighting continues in the hills around Brask, despite the army's claim that it has full control of the Sarrow Valley, residents said.")).toBe('dispute');
    expect(stanceOf(claim, 'Contrary to official statements that the army has full control of the Sarrow Valley, shelling went on in two villages overnight.')).toBe('dispute');
    expect(stanceOf(claim, 'In spite of repeated assurances that the army controls the Sarrow Valley, residents of Orsk say soldiers have not reached them.')).toBe('dispute');
  });
  it('leaves the same words alone when they do not set a claim against anything', () => {
    // "despite" about something else, and an attribution without any contest
    expect(stanceOf(claim, 'Despite heavy rain, the army has taken full control of the Sarrow Valley, the defence ministry said.')).not.toBe('dispute');
    expect(stanceOf(claim, 'The army said it had taken full control of the Sarrow Valley.')).not.toBe('dispute');
    // a contest of nothing in particular, even when no comma ends it
    expect(stanceOf(claim, 'Despite reports of losses the army has taken full control of the Sarrow Valley.')).not.toBe('dispute');
    expect(stanceOf(claim, 'Despite reports of heavy fighting in the Sarrow Valley the army has taken full control of it, officials said.')).not.toBe('dispute');
    // a contest of something else the sentence mentions
    expect(stanceOf(claim, "The army has taken full control of the Sarrow Valley, despite the rebels' claims that they would never give up the mountain passes.")).not.toBe('dispute');
  });
  it('does not keep a model\'s dispute for a contest of something else', () => {
    const m = stanceModel();
    const evidence = 'The army has taken full control of the Sarrow Valley despite reports that the weather was bad on Sunday.';
    const leaning = { confirm: 0.1, dispute: 0.7, discuss: 0.15, unrelated: 0.05 };
    expect(topStance(applyRules(claim, analyze(claim, m.idf), analyze(evidence, m.idf), m.idf, leaning))).not.toBe('dispute');
  });
  it('turns a model leaning to confirm into a dispute, and keeps a model leaning to dispute there', () => {
    const m = stanceModel();
    const evidence = "Fighting continues in the hills, despite the army's claim that it has full control of the Sarrow Valley.";
    const after = (scores: Record<Stance, number>) => topStance(applyRules(claim, analyze(claim, m.idf), analyze(evidence, m.idf), m.idf, scores));
    expect(after({ confirm: 0.6, dispute: 0.1, discuss: 0.25, unrelated: 0.05 })).toBe('dispute');
    expect(after({ confirm: 0.1, dispute: 0.7, discuss: 0.15, unrelated: 0.05 })).toBe('dispute');
  });
  describe('keeps a model\'s dispute for a contest the contested rule does not read', () => {
    // Short evidence with no denial, negation or refuting word is taken as saying nothing against
    // the claim, unless one of its sentences contests the claim, wherever the contest is.
    const m = stanceModel();
    const leaning = { confirm: 0.1, dispute: 0.7, discuss: 0.15, unrelated: 0.05 };
    const after = (claimText: string, evidence: string) => {
      const [c, e] = [analyze(claimText, m.idf), analyze(evidence, m.idf)];
      // the premise: no rule finding reads the contest here
      expect(findPattern(claimText, c, e, m.idf).finding).toBeNull();
      return topStance(applyRules(claimText, c, e, m.idf, leaning));
    };
    it('on a claim that has a denial word of its own', () => {
      const own = 'Repairs to the Kessel dam are finished, and fears of a flood are unfounded.';
      const evidence = "Engineers were still pouring concrete at Kessel on Tuesday, despite the ministry's assurances that repairs to the dam were finished.";
      expect(after(own, evidence)).toBe('dispute');
    });
    it('in a sentence past the three that match the claim best', () => {
      const evidence =
        'The army has taken the Sarrow Valley road. Troops of the army hold the Sarrow Valley towns. The army controls the Sarrow Valley passes. ' +
        "Shelling in the hills above Brask and Orsk went on through the night and into the morning, villagers said, despite the army's claim that it has full control of the valley.";
      expect(after(claim, evidence)).toBe('dispute');
    });
  });
});
