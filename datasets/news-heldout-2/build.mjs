// Writes the second held-out news set (pages/*.html, expected/*.json, corpus.jsonl) from the
// stories below. Run: node datasets/news-heldout-2/build.mjs. The stories are fictional and
// written for this set; see README.md.
import { curly, writeNewsSet } from '../news-set.mjs';

// ---- the corpus: other outlets' articles -----------------------------------------------------

const domains = {
  'Kestrel Wire': 'www.kestrelwire.example',
  'The Lowland Examiner': 'www.lowland-examiner.example',
  'Radio Vest': 'www.radiovest.example',
  'Harbour Gazette': 'www.harbour-gazette.example',
  'Pulse Health': 'www.pulse-health.example',
  'Clinical Times': 'www.clinical-times.example',
};

const corpus = [
  // 1. Esselby chemical plant explosion (page: The Valley Chronicle, Friday 13 March)
  ['Kestrel Wire', '2026-03-13T01:40:00+01:00', 'Four killed in blast at Esselby chemical plant',
    `ESSELBY, March 13 (Kestrel Wire) - Four workers were killed when a solvent tank blew up at the Grauhof Chemicals plant in Esselby shortly before midnight on Thursday, the regional fire service said.

Twenty-three people were treated in hospital, most of them for burns and cuts from broken glass.

The fire service said the blast began in a 40-tonne tank of toluene, a solvent used in paint thinners.

Police moved about 1,200 people living within a kilometre and a half of the plant to a sports hall for the night.`],
  ['The Lowland Examiner', '2026-03-14T10:15:00+01:00', 'Esselby blast: fifth worker dies',
    `A fifth worker has died from burns suffered in Thursday night's explosion at the Grauhof Chemicals plant in Esselby, the regional hospital said on Saturday, raising the death toll to five.

The 38-year-old shift supervisor had been in intensive care since the blast, which began in the plant's 40-tonne toluene tank.

Grauhof denied on Friday that safety inspectors had ever ordered it to replace the tank's pressure valves, saying its inspection in June had found no faults.

Flags flew at half mast on Esselby's town hall.`],
  ['Radio Vest', '2026-03-13T18:30:00+01:00', 'Union says Grauhof put off valve repairs',
    `The chemical workers' union said on Friday that Grauhof Chemicals had been told by safety inspectors in June to replace the pressure valves on the tank that exploded at its Esselby plant, and that managers had put off the work to avoid stopping production.

Grauhof did not respond to requests for comment on the union's statement.

Prosecutors have opened an investigation. A spokeswoman said they would examine whether a build-up of static electricity while solvent was being pumped into the tank had set off the explosion.`],
  ['Harbour Gazette', '2026-03-16T13:00:00+01:00', 'Inspectors say they warned Grauhof about valves',
    `The national labour inspectorate confirmed on Monday that it had ordered Grauhof Chemicals in June to replace the pressure valves on the solvent tank that exploded in Esselby last Thursday, contradicting the company's statement that the inspection had found no faults.

The inspectorate said the company had been given until the end of September to do the work, and that it had not been told whether the work was done.

The regional health authority said 31 people had been treated in hospital after the blast, not 23 as first reported.

About 3,000 residents who were evacuated from homes within 2.5 kilometres of the plant were allowed back on Sunday after air tests showed no danger.`],

  // 2. Carrowby bus and tram strike (page: The Carrowby Echo, Tuesday 6 October)
  ['Radio Vest', '2026-10-03T17:00:00+02:00', 'Carrowby drivers to strike on Monday and Tuesday',
    `Bus and tram drivers in Carrowby will strike on Monday and Tuesday unless talks on Sunday produce a deal, the United Transport Workers union said on Saturday.

The union is asking for a 3.8 percent pay rise this year. Carrowby Transit, the city-owned operator, has offered 2.5 percent.

Commuters have been advised to work from home if they can.`],
  ['Kestrel Wire', '2026-10-05T09:20:00+02:00', 'Strike halts Carrowby buses and trams',
    `CARROWBY, Oct 5 (Kestrel Wire) - Most buses and trams in Carrowby stayed in their depots on Monday as drivers began a two-day strike over pay.

The United Transport Workers union said nine out of ten drivers had joined the stoppage.

The strike is set to end at midnight on Tuesday.`],
  ['Harbour Gazette', '2026-10-05T19:45:00+02:00', 'Carrowby Transit says fewer drivers on strike than union claims',
    `Carrowby Transit said on Monday that 58 percent of its drivers had joined the strike, far fewer than the nine in ten the union claimed.

The operator denied that it had hired private coach companies to stand in for striking drivers. "We have not brought in outside firms and we will not do so," a spokesman said.`],
  ['The Lowland Examiner', '2026-10-06T20:10:00+02:00', 'Carrowby transport strike extended to Friday',
    `The bus and tram strike in Carrowby will go on until Friday, the drivers' union said on Tuesday evening, after last-ditch talks with Carrowby Transit broke up without a deal in the afternoon.

The union wants a 3.2 percent pay rise; the operator has not moved from its offer of 2.5 percent.`],

  // 3. Nerovan Alzheimer's drug trial (page: Northbridge Times, Friday 12 June)
  ['Radio Vest', '2026-06-09T12:00:00+02:00', 'Halden to present Nerovan results in Lyon',
    `Halden Pharma will present the results of its late-stage trial of the Alzheimer's drug Nerovan at a neurology conference in Lyon on Thursday.

The 18-month study enrolled 1,840 patients in 14 countries.

Analysts expect the drug to slow the decline in memory and thinking by between 20 and 30 percent, which would put it level with the two treatments already on the market.`],
  ['Kestrel Wire', '2026-06-11T15:30:00+02:00', 'Halden says Alzheimer\'s drug slowed decline in trial',
    `LYON, June 11 (Kestrel Wire) - Halden Pharma's Alzheimer's drug Nerovan slowed the decline in patients' memory and thinking by 27 percent compared with a placebo over 18 months, the company said on Thursday.

Swelling in the brain, a side effect seen with similar drugs, was found in 3.4 percent of patients given Nerovan.

Halden said it would apply for approval in Europe in the first quarter of next year. Its shares rose 12 percent.`],
  ['Pulse Health', '2026-06-11T18:00:00+02:00', 'Nerovan: a real but modest benefit',
    `An 18-month trial of Nerovan in 1,480 people with early Alzheimer's disease found that the drug slowed their decline by 27 percent, Halden Pharma reported at a conference in Lyon on Thursday.

Independent experts said the benefit was real but modest, and that patients and doctors would have to weigh it against the risks.`],
  ['The Lowland Examiner', '2026-06-12T17:00:00+02:00', 'Halden denies Nerovan caused trial deaths',
    `Halden Pharma denied on Friday that its Alzheimer's drug Nerovan had caused the deaths of two patients in its trial, saying both had suffered brain bleeds that were unrelated to the treatment.

The company said brain swelling had been seen in 2.9 percent of patients who received the drug.

Analysts at Brightwater Securities said Halden could charge around 25,000 euros a year per patient, in line with rival drugs.`],
  ['Clinical Times', '2026-09-21T09:00:00+02:00', 'Full Nerovan results show a smaller benefit',
    `The full results of Halden Pharma's trial of Nerovan, published on Monday in a medical journal, show that the Alzheimer's drug slowed cognitive decline by 21 percent over 18 months, less than the 27 percent the company announced in June.

Halden said the difference came from correcting how patients who left the study early had been counted.`],

  // 4. Kessling Bridge closure (page: Vantry Courier, Wednesday 18 February)
  ['Radio Vest', '2026-02-14T16:00:00+01:00', 'Engineers to inspect Kessling Bridge after crack report',
    `City engineers will inspect the Kessling Bridge over the weekend after a cyclist reported a crack in one of its steel supports, Vantry's transport department said on Saturday.

The department said it could close the bridge if the engineers found serious damage.

About 38,000 vehicles cross the bridge every day.`],
  ['Kestrel Wire', '2026-02-16T14:05:00+01:00', 'Vantry shuts main river bridge over cracked beams',
    `VANTRY, Feb 16 (Kestrel Wire) - The city of Vantry shut the Kessling Bridge to cars, lorries, buses, cyclists and pedestrians on Monday after an inspection found cracks in the steel beams that carry its main span.

The transport department said the bridge would stay shut for at least six months and that repairs were expected to cost 7.9 million euros.

Opposition councillors said cracks in the same beams had been found during an inspection in 2024 and ignored.`],
  ['Harbour Gazette', '2026-02-17T18:30:00+01:00', 'Kessling closure: how to get across the Orre',
    `Some 45,000 vehicles a day will have to find another way across the Orre while the Kessling Bridge is closed, after cracks were found in its supports on Monday.

The city puts the cost of the repairs at 7.4 million euros.

The city denied on Tuesday that cracks had been found during the 2024 inspection, saying that inspection had rated the bridge as sound.

Extra buses will run over the Millbank crossing from Wednesday.`],
  ['The Lowland Examiner', '2026-02-27T11:00:00+01:00', 'Kessling Bridge to reopen to cars within weeks',
    `The Kessling Bridge, shut since February 16 after cracks were found in its beams, could reopen to cars within eight weeks, Vantry's transport department said on Friday.

Engineers have decided to fit steel braces to the cracked beams while a full repair is planned. Lorries and buses will stay off the bridge until that repair is done.

The department had said last week that the bridge would be closed for at least six months.`],

  // noise
  ['Harbour Gazette', '2026-04-11T20:00:00+02:00', 'Esselby choir wins national title',
    `The Esselby Male Voice Choir won the national choir championship on Saturday, beating 31 other choirs in the final in Vantry. It is the choir's first title since 1987.`],
  ['Radio Vest', '2026-01-20T08:00:00+01:00', 'Carrowby opens airport tram line',
    `The new tram line from central Carrowby to the airport opened on Monday, eight months late. Carrowby Transit expects about 12,000 passengers a day to use it.`],
];

// ---- the reader's pages ----------------------------------------------------------------------

/**
 * Each page: outlet, domain, date, headline, standfirst, paragraphs (arrays of sentences), the
 * claims (sentence, verdict, stances) and the not-claims. A claim is written in the paragraphs as
 * `{n}` (the n-th claim), a not-claim as `[n]`.
 */
const pages = [
  {
    slug: 'esselby-explosion', outlet: 'The Valley Chronicle', domain: 'www.valley-chronicle.example', date: '2026-03-13T08:00:00+01:00',
    headline: 'Four dead after night blast at Esselby solvent plant', standfirst: 'Questions mount over the warnings the company received last summer.',
    dateline: 'ESSELBY — ',
    paragraphs: [
      ['{0}', '{1}', '{2}', '[0]'],
      ['The blast shattered windows across the industrial estate and was heard in villages ten kilometres away.', '{3}'],
      ['{4}', 'The plant makes paint thinners and cleaning solvents and employs about 240 people.'],
      ['{5}', '[1]'],
      ['{6}', 'Grauhof said it was cooperating fully with the authorities.'],
    ],
    claims: [
      ['An explosion tore through the Grauhof Chemicals plant in Esselby late on Thursday night.', 'confirmed',
        { 'Kestrel Wire': 'confirm', 'The Lowland Examiner': 'confirm', 'Radio Vest': 'confirm', 'Harbour Gazette': 'confirm' }],
      ['Four workers were killed in the blast.', 'conflicting', { 'Kestrel Wire': 'confirm', 'The Lowland Examiner': 'dispute' }],
      ['Twenty-three people were taken to hospital.', 'conflicting', { 'Kestrel Wire': 'confirm', 'Harbour Gazette': 'dispute' }],
      ['Police evacuated about 1,200 residents living within 1.5 kilometres of the plant.', 'conflicting', { 'Kestrel Wire': 'confirm', 'Harbour Gazette': 'dispute' }],
      ['The explosion started in a storage tank holding 40 tonnes of toluene.', 'confirmed', { 'Kestrel Wire': 'confirm', 'The Lowland Examiner': 'confirm' }],
      ['Safety inspectors had ordered Grauhof in June to replace the pressure valves on the tank.', 'conflicting',
        { 'The Lowland Examiner': 'dispute', 'Radio Vest': 'discuss', 'Harbour Gazette': 'confirm' }],
      ['The blast was set off by a build-up of static electricity while solvent was being pumped into the tank.', 'unverified', { 'Radio Vest': 'discuss' }],
    ],
    notClaims: ['It is a miracle that the toll was not far higher.', 'How many more warnings will it take before this industry listens?'],
  },
  {
    slug: 'carrowby-strike', outlet: 'The Carrowby Echo', domain: 'www.carrowby-echo.example', date: '2026-10-06T07:30:00+02:00',
    headline: 'Carrowby grinds to a halt as drivers walk out', standfirst: 'Day one of the bus and tram strike, and no sign of a deal.',
    dateline: 'CARROWBY — ',
    paragraphs: [
      ['{0}', 'Queues for taxis stretched around the central station during the morning rush.'],
      ['{1}', '[0]'],
      ['{2}', '{3}', 'The last pay deal, agreed in 2024, ran out in the summer.'],
      ['{4}', 'Some commuters said they had waited more than an hour for a seat.'],
      ['{5}', '[1]'],
    ],
    claims: [
      ['A strike by bus and tram drivers brought most of Carrowby\'s public transport to a halt on Monday.', 'confirmed',
        { 'Radio Vest': 'discuss', 'Kestrel Wire': 'confirm' }],
      ['About 90 percent of the city\'s drivers joined the walkout.', 'disputed', { 'Kestrel Wire': 'discuss', 'Harbour Gazette': 'dispute' }],
      ['The drivers\' union is asking for a pay rise of 3.8 percent this year.', 'conflicting', { 'Radio Vest': 'confirm', 'The Lowland Examiner': 'dispute' }],
      ['Carrowby Transit has offered 2.5 percent.', 'confirmed', { 'Radio Vest': 'confirm', 'The Lowland Examiner': 'confirm' }],
      ['The operator has hired private coach firms to run replacement buses on the busiest routes.', 'disputed', { 'Harbour Gazette': 'dispute' }],
      ['The strike is due to end at midnight on Tuesday.', 'conflicting', { 'Radio Vest': 'discuss', 'Kestrel Wire': 'confirm', 'The Lowland Examiner': 'dispute' }],
    ],
    notClaims: ['It was a show of strength that the operator cannot afford to ignore.', 'Is this any way to run a city?'],
  },
  {
    slug: 'nerovan-trial', outlet: 'Northbridge Times', domain: 'www.northbridge-times.example', date: '2026-06-12T07:00:00+02:00',
    headline: 'A modest step against Alzheimer’s, with familiar risks', standfirst: 'What the Nerovan trial shows, and what it does not.',
    dateline: 'LYON — ',
    paragraphs: [
      ['{0}', 'The results were presented on Thursday at a neurology conference in Lyon.'],
      ['{1}', 'Patients had early-stage disease and were given an infusion once a month.'],
      ['[0]'],
      ['{2}', '{3}'],
      ['{4}', '{5}'],
      ['[1]'],
    ],
    claims: [
      ['Halden Pharma\'s experimental Alzheimer\'s drug Nerovan slowed cognitive decline by 27 percent over 18 months in a large trial.', 'conflicting',
        { 'Radio Vest': 'discuss', 'Kestrel Wire': 'confirm', 'Pulse Health': 'confirm', 'Clinical Times': 'dispute' }],
      ['The trial enrolled 1,840 patients in 14 countries.', 'conflicting', { 'Radio Vest': 'confirm', 'Pulse Health': 'dispute' }],
      ['Brain swelling, a known risk of this class of drugs, occurred in 3.4 percent of patients who received Nerovan.', 'conflicting',
        { 'Kestrel Wire': 'confirm', 'The Lowland Examiner': 'dispute' }],
      ['Two patients died of brain bleeds that doctors linked to the drug.', 'disputed', { 'The Lowland Examiner': 'dispute' }],
      ['Halden will ask European regulators to approve the drug early next year.', 'confirmed', { 'Kestrel Wire': 'confirm' }],
      ['A year of treatment would cost about 25,000 euros per patient.', 'unverified', { 'The Lowland Examiner': 'discuss' }],
    ],
    notClaims: ['For families who have waited decades for good news, this will feel like a breakthrough.', 'But should we really be celebrating a drug that only slows the disease?'],
  },
  {
    slug: 'kessling-bridge', outlet: 'Vantry Courier', domain: 'www.vantry-courier.example', date: '2026-02-18T07:00:00+01:00',
    headline: 'Vantry’s busiest bridge shut as cracks found in steel', standfirst: 'Commuters face months of detours; the city faces hard questions.',
    dateline: 'VANTRY — ',
    paragraphs: [
      ['{0}', 'Police turned back drivers at both ends of the bridge within an hour of the decision.'],
      ['{1}', 'Most of them will now have to use the Millbank crossing, three kilometres downstream.'],
      ['{2}', 'The city’s transport department gave the estimate on Monday evening.', '[0]'],
      ['{3}', 'The city has not published the report of that inspection.'],
      ['{4}', '[1]'],
    ],
    claims: [
      ['The Kessling Bridge was closed to all traffic on Monday after engineers found cracks in its steel supports.', 'confirmed',
        { 'Radio Vest': 'discuss', 'Kestrel Wire': 'confirm', 'Harbour Gazette': 'confirm', 'The Lowland Examiner': 'confirm' }],
      ['The bridge carries about 38,000 vehicles a day.', 'conflicting', { 'Radio Vest': 'confirm', 'Harbour Gazette': 'dispute' }],
      ['The bridge will stay closed for at least six months.', 'conflicting', { 'Kestrel Wire': 'confirm', 'The Lowland Examiner': 'dispute' }],
      ['Cracks in the same beams had been found during an inspection in 2024.', 'disputed', { 'Kestrel Wire': 'discuss', 'Harbour Gazette': 'dispute' }],
      ['The repairs are expected to cost 7.4 million euros.', 'conflicting', { 'Harbour Gazette': 'confirm', 'Kestrel Wire': 'dispute' }],
    ],
    notClaims: ['It is hard to imagine a worse start to the year for the city’s commuters.', 'Why did nobody act sooner?'],
  },
];

writeNewsSet(import.meta.dirname, { domains, corpus, pages });
