import { describe, expect, it } from 'vitest';
import { classifyStance, stanceModel } from './index';
import { analyze } from './features';
import { applyRules, compareFigures, onlyProspect, quantities, topStance } from './rules';
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

describe('a party with a side passing on the claim', () => {
  it('reads a union, opposition or analysts passing on the claim as discuss, before or after it', () => {
    expect(stanceOf('About 90 percent of the port’s dockers joined the strike.', 'The Harbour Workers union said nine out of ten dockers had joined the strike.')).toBe('discuss');
    expect(
      stanceOf('Cracks in the tunnel lining had been found during an inspection in 2023.', 'Opposition councillors said cracks in the tunnel lining had been found during an inspection in 2023 and ignored.'),
    ).toBe('discuss');
    expect(
      stanceOf('The ferry operator had been ordered in May to replace the steering gear.', "The ferry operator had been ordered in May to replace the steering gear, the seafarers' union said."),
    ).toBe('discuss');
    expect(
      stanceOf('A year of the treatment would cost about 30,000 euros per patient.', 'Analysts at Osterby Capital said Velsen could charge around 30,000 euros a year per patient.'),
    ).toBe('discuss');
  });

  it('does not take what follows a party\'s "said on Tuesday evening," as its words', () => {
    expect(
      stanceOf(
        'Talks between the drivers and Nordvik Transit broke up without a deal on Tuesday afternoon.',
        "The tram strike in Nordvik will go on until Friday, the drivers' union said on Tuesday evening, after talks with Nordvik Transit broke up without a deal in the afternoon.",
      ),
    ).toBe('confirm');
    expect(stanceOf('About 90 percent of the port’s dockers joined the strike.', 'Nine out of ten dockers joined the strike, according to the union.')).toBe('discuss');
  });

  it('reads unions named by their plant, sharing the claim\'s names, as a party passing it on', () => {
    expect(
      stanceOf('The carmaker will close its Vellmar plant next year.', 'Unions at the Vellmar plant say the carmaker is preparing to close it next year; the company has not commented.'),
    ).toBe('discuss');
  });

  it('still reads officials passing on the event as confirm (a fire service, a commission)', () => {
    expect(stanceOf('Three workers were killed in the blast.', 'Three workers were killed in the blast, the regional fire service said.')).toBe('confirm');
    expect(stanceOf('The European Union fined the bank 40 million euros.', 'The European Union fined the bank 40 million euros on Monday, the commission said.')).toBe('confirm');
  });
});

describe('what a denial denies', () => {
  it('does not read a sentence that states the claim and denies something else as a dispute', () => {
    const claim = 'The Norrvik shipyard is owned by the Varga family.';
    expect(stanceOf(claim, 'The Norrvik shipyard, which is owned by the Varga family, rejected reports that it had been paid twice for the ferry.')).not.toBe('dispute');
    // a negation inside the denial of something else is not the sentence's: it states the claim
    expect(stanceOf(claim, 'The Norrvik shipyard, which is owned by the Varga family, rejected reports that it had won the ferry order without a tender.')).toBe('confirm');
    // the same denial of the claim itself is one
    expect(stanceOf(claim, 'The Varga family denied that it owns the Norrvik shipyard.')).toBe('dispute');
  });

  it('does not read a denial sharing only the claim\'s names as a dispute of it', () => {
    const claim = 'Norvik Mining has found an estimated 2 million tonnes of copper at Skarn Ridge.';
    expect(
      stanceOf(claim, 'The mines ministry denied that a mining permit had been granted to Norvik Mining for its copper project at Skarn Ridge, saying the company has not yet applied for one.'),
    ).not.toBe('dispute');
    expect(stanceOf(claim, 'Norvik Mining denied that it had found an estimated 2 million tonnes of copper at Skarn Ridge.')).toBe('dispute');
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

  it('compares a death toll with a count of people dead, not of one group of them', () => {
    expect(
      stanceOf('Three people were killed in the collapse.', 'A fourth person has died of injuries from the collapse at the Harnby pit, the hospital said on Sunday, raising the death toll to four.'),
    ).toBe('dispute');
    expect(
      stanceOf('Four firefighters were killed in the explosion at the plant.', 'The death toll from the explosion at the plant rose to 12 on Sunday, officials said.'),
    ).not.toBe('dispute');
  });

  it('does not compare a toll with a count of people that is not of the dead', () => {
    expect(compareFigures(quantities('About 3,000 people were evacuated from the coast.'), quantities('The death toll has risen to 12, officials said.'))).toBeNull();
    expect(compareFigures(quantities('Nine people have died in the floods.'), quantities('The death toll has risen to 12, officials said.'))).toBe('conflict');
  });
});

describe('done, wanted or expected', () => {
  it('reads the claim\'s action only asked for, expected or promised as discuss', () => {
    const claim = 'The government declared a national day of mourning.';
    expect(stanceOf(claim, 'The opposition asked the government to declare a national day of mourning.')).toBe('discuss');
    expect(stanceOf(claim, 'The president said he would declare a national day of mourning.')).toBe('discuss');
    expect(stanceOf(claim, 'The government declared a national day of mourning on Friday.')).toBe('confirm');
  });

  it('does not take an action someone had to do, or did, for one only wanted', () => {
    const info = (t: string) => analyze(t, stanceModel().idf);
    const claim = info('The minister resigned after the vote.');
    expect(onlyProspect(info('The minister was forced to resign after the vote.').sents[0], claim)).toBe(false);
    expect(onlyProspect(info('The minister, asked to resign by the party, resigned after the vote.').sents[0], claim)).toBe(false);
    expect(onlyProspect(info('The minister will resign after the vote.').sents[0], claim)).toBe(true);
  });
});

describe('a figure set against the claim', () => {
  it('reads "far less than the company says" as dispute', () => {
    expect(
      stanceOf('The reservoir holds 40 million cubic metres of water.', 'The reservoir may hold far less water than the water board says, according to independent engineers.'),
    ).toBe('dispute');
  });

  it('does not read a report that first gave the claim\'s own figure as superseding it', () => {
    expect(
      stanceOf(
        'The stadium contract was worth 12 million euros.',
        'The mayor resigned on Tuesday, a day after the local paper first reported that the stadium contract, worth 12 million euros, had been signed without a tender.',
      ),
    ).not.toBe('dispute');
  });

  it('confirms a sentence with the claim\'s figure and most of its words, credited to a source, against a model leaning to discuss', () => {
    const m = stanceModel();
    const info = (t: string) => analyze(t, m.idf);
    const claim = 'About 5,000 people have left the island since the eruption began on Monday night.';
    const evidence = 'About 5,000 people have left the island since the start of the eruption, according to the Red Cross, and the ferries were full on Tuesday.';
    const leaning = { confirm: 0.1, dispute: 0.05, discuss: 0.8, unrelated: 0.05 };
    expect(topStance(applyRules(claim, info(claim), info(evidence), m.idf, leaning, claimStructure(claim)))).toBe('confirm');
    expect(stanceOf(claim, evidence)).toBe('confirm');
  });
});

describe('negated claims', () => {
  it('reads "without" in the claim as its negation, contradicted only by a sentence about the negated words', () => {
    const claim = 'The water board opened the Selby dam without warning residents downstream.';
    expect(stanceOf(claim, 'The water board said it had opened the gates of the Selby dam on Monday to relieve pressure on the structure.')).not.toBe('dispute');
    expect(stanceOf('The ferry did not stop at Marrick on Sunday.', 'The ferry stopped at Marrick on Sunday.')).toBe('dispute');
  });

  it('turns a dispute with no sign of one to the model\'s next choice, confirm as well as discuss', () => {
    const m = stanceModel();
    const info = (t: string) => analyze(t, m.idf);
    const claim = 'The concert hall is due to open in 2031 with 1,800 seats.';
    const evidence = "The concert hall, the region's largest building project, is due to open in 2031.";
    const leaning = { confirm: 0.35, dispute: 0.45, discuss: 0.15, unrelated: 0.05 };
    expect(topStance(applyRules(claim, info(claim), info(evidence), m.idf, leaning, claimStructure(claim)))).toBe('confirm');
    expect(topStance(applyRules(claim, info(claim), info(evidence), m.idf, { ...leaning, confirm: 0.1, discuss: 0.4 }, claimStructure(claim)))).toBe('discuss');
  });
});

describe('a group speaking of itself in a participle', () => {
  it('reads "posted a message saying it had carried out the attack" as the group\'s own claim', () => {
    expect(
      stanceOf(
        'The attack was carried out by a criminal group called Grey Owl, which is demanding a ransom of 2 million euros.',
        'On Tuesday a group calling itself Grey Owl posted a message on its website saying it had carried out the attack and demanding 2 million euros.',
      ),
    ).toBe('discuss');
  });
});

describe('denials and negations a little further from the claim\'s words', () => {
  it('reads a denial by the claim\'s subject of what "she" did as denying the claim', () => {
    expect(
      stanceOf('The club’s coach, Marta Lind, opposed the transfer.', "Harbour City's coach, Marta Lind, denied on Monday that she had tried to block the transfer of Ole Brask to Vestby."),
    ).toBe('dispute');
    // a denial by the subject of something else it did is not one
    expect(stanceOf('The Norrvik shipyard is owned by the Varga family.', 'The Norrvik shipyard denied that it had been paid twice for the ferry.')).not.toBe('dispute');
  });

  it('takes a name the claim opens with as a name when the evidence capitalises it', () => {
    // the denial names the player; what it denies is not that he passed a medical
    expect(
      stanceOf('Brask passed a medical in Vestby on Tuesday.', "Harbour City's coach, Marta Lind, denied on Friday that she had tried to stop the sale of Ole Brask to Vestby."),
    ).not.toBe('dispute');
  });

  it('reads a denial that someone forced the claim\'s action as not denying the action', () => {
    const denial = 'Norvale Motors denied on Tuesday that the transport regulator had forced it to recall the brakes of its Lumo scooter, saying the decision followed its own checks.';
    expect(stanceOf('Norvale Motors is recalling the brakes of its Lumo scooter.', denial)).not.toBe('dispute');
    expect(stanceOf('The transport regulator forced Norvale Motors to recall the brakes of its Lumo scooter.', denial)).toBe('dispute');
  });
});

describe('what is only expected, planned or depends on a condition', () => {
  it('reads a sentence sharing the claim only after "is expected to" or "if" as a mention', () => {
    expect(stanceOf('Brask passed a medical in Vestby on Tuesday.', 'If the clubs agree a fee, Brask is expected to travel to Vestby for a medical next week.')).toBe('discuss');
    expect(
      stanceOf(
        'Six firefighting helicopters sent by the region of Ostmark joined the fight on Wednesday.',
        'The region of Ostmark has agreed to send six firefighting helicopters, which are expected to arrive on Wednesday, the government said.',
      ),
    ).toBe('discuss');
  });

  it('still reads the claim\'s verb done as done, whatever is expected next', () => {
    expect(stanceOf('Brask passed a medical in Vestby on Tuesday.', 'Brask passed a medical in Vestby on Tuesday and is expected to sign his contract on Wednesday.')).toBe('confirm');
  });
});

describe('a reason given in a participle beside what the sentence states', () => {
  it('does not read "…, saying he did not want …" as the party\'s own word on the claim', () => {
    expect(
      stanceOf(
        'The company turned down 15 million crowns of aid that the regional government offered last year.',
        'The company declined last year a 15 million crown aid package offered by the regional government, saying it would not have covered the plant’s losses.',
      ),
    ).not.toBe('discuss');
  });
});

describe('forms near the day\'s rules that they must leave alone (review)', () => {
  it('does not take a negation in another clause as negating the claim', () => {
    const claim = 'The ferry ran aground near Norra.';
    expect(stanceOf(claim, 'Nobody was hurt when the ferry ran aground near Norra on Tuesday.')).toBe('confirm');
    expect(stanceOf(claim, 'It is not known how the ferry ran aground near Norra.')).not.toBe('dispute');
    expect(stanceOf('The plant closed on Friday.', 'The company did not give a reason for closing the plant on Friday.')).not.toBe('dispute');
  });

  it('does not read "admitted X but denied that he …" as denying X', () => {
    expect(stanceOf('Veloxa recalled 40,000 batteries.', 'Veloxa confirmed it had recalled 40,000 batteries but denied that it had known about the fires.')).toBe('confirm');
    expect(stanceOf('The mayor accepted a flat from the developer.', 'The mayor admitted accepting a flat from the developer but denied that he had broken any law.')).not.toBe('dispute');
  });

  it('reads a correction that opens the sentence as one', () => {
    expect(stanceOf('Two firefighters were injured in the blaze.', 'An earlier version of this article said that three firefighters had been injured in the blaze.')).not.toBe('dispute');
  });

  it('still reads a denial of "made any attempt to" as a denial', () => {
    expect(stanceOf('The company tried to hide the defect.', 'The company denied that it had made any attempt to hide the defect.')).toBe('dispute');
  });

  it('does not read "agreed to a contract" as a plan', () => {
    expect(stanceOf('Vrenko joined Alcara on a five-year contract.', 'Alcara signed Vrenko on Monday after the player agreed to a five-year contract.')).not.toBe('discuss');
  });

  it('does not read a judgement of a toll, or a figure for an earlier month, as a dispute', () => {
    expect(
      stanceOf('Fourteen people died on the region’s roads over the holiday.', "Fourteen people died on the region's roads over the holiday, and the police chief said the toll was far too high."),
    ).not.toBe('dispute');
    expect(stanceOf('Unemployment stood at 7.2 percent in March.', 'Unemployment rose to 7.5 percent in April, up from 7.2 percent in March.')).not.toBe('dispute');
  });

  it('reads "According to the union, …" and "…, the union said in a statement" as the union passing it on', () => {
    const claim = 'About 90 percent of the drivers joined the strike.';
    expect(stanceOf(claim, 'According to the union, nine out of ten drivers joined the strike.')).toBe('discuss');
    expect(stanceOf(claim, 'Nine out of ten drivers joined the strike, the union said in a statement.')).toBe('discuss');
  });

  it('takes a share in words as a figure', () => {
    expect(stanceOf('The strike was joined by 50 percent of the workers.', 'Half of the workers joined the strike on Monday.')).not.toBe('discuss');
  });

  it('does not take the European Union for a party with a side', () => {
    expect(stanceOf('The bank was fined 40 million euros on Monday.', 'The bank was fined 40 million euros on Monday, the European Union said.')).toBe('confirm');
  });
});
