// Writes the held-out news set (pages/*.html, expected/*.json, corpus.jsonl) from the stories
// below. Run: node datasets/news-heldout/build.mjs. The stories are fictional and written for
// this set; see README.md.
import { curly, writeNewsSet } from '../news-set.mjs';

// ---- the corpus: other outlets' articles -----------------------------------------------------

const domains = {
  'North Coast Wire': 'www.northcoastwire.example',
  'Brannholm Post': 'www.brannholm-post.example',
  'Radio Fjell': 'www.radiofjell.example',
  'Evening Courant': 'www.evening-courant.example',
  'Market Lens': 'www.market-lens.example',
  'Harrow Business Journal': 'www.harrow-business.example',
  'The Southern Mirror': 'www.southern-mirror.example',
  'Coastal Observer': 'www.coastal-observer.example',
};

const corpus = [
  // 1. Brannholm holiday-let ruling (page: The Tollund Herald, 18 September)
  ['North Coast Wire', '2026-09-15T14:10:00+02:00', 'Top court annuls Brannholm holiday-let ban',
    `BRANNHOLM, Sept 15 (North Coast Wire) - Brannholm's ban on holiday lets was annulled by the country's highest court on Tuesday, which found that the council had gone beyond the powers the 2011 housing act gives to cities.

Five of the seven judges backed the judgment. The two others said the council had acted within the law to protect housing for residents.

Since the ban took effect in January, some 4,300 flats had been taken off rental platforms, according to the city's own figures.

The judgment did not settle whether the landlords who brought the case are owed damages; that question was sent back to the district court.

Mayor Ingrid Falk said the city would respect the judgment and ask parliament to change the housing act.`],
  ['Brannholm Post', '2026-09-16T07:00:00+02:00', 'Court overturns holiday rental ban in split ruling',
    `The country's top court has overturned Brannholm's holiday rental ban by four votes to three, in a judgment that housing campaigners called a disaster for the old town.

The ban had cleared around 4,300 flats off short-let platforms since January, freeing some of them for long-term tenants.

City hall denied on Wednesday that the city had been ordered to pay compensation to the landlords, saying the court had left any claim for damages to the district court.

Residents' groups said they would campaign for a new law before the summer season.`],
  ['Radio Fjell', '2026-09-14T18:00:00+02:00', 'Supreme Court to rule on Brannholm rentals',
    `The Supreme Court will rule on Tuesday on whether Brannholm's ban on short-term holiday rentals is lawful.

The landlords who brought the case say the city council exceeded its powers when it banned short lets in January. The city says the ban was needed to free flats for families.

Both sides have said they expect a close decision.`],
  ['Evening Courant', '2026-09-19T11:30:00+02:00', 'Brannholm to take rental fight to European court',
    `Brannholm will take its fight over holiday lets to the European Court of Human Rights, Mayor Ingrid Falk announced on Thursday, reversing her earlier statement that the city would accept the Supreme Court ruling that struck down its ban.

Falk had said on Tuesday that the city would not appeal and would ask parliament to change the law instead. On Thursday she said the council's lawyers had advised that the case raised questions of European law.

Landlords' associations called the move a waste of public money.`],
  ['Market Lens', '2026-09-18T09:00:00+02:00', 'Brannholm flats return to rental sites',
    `About 1,100 Brannholm flats have reappeared on holiday rental platforms since the Supreme Court lifted the city's ban on Tuesday, according to the data firm RentScope.

RentScope said prices for a night in the old town had fallen by a fifth since the ruling.`],

  // 2. Telvane Motors results (page: Market Bulletin, 30 October)
  ['North Coast Wire', '2026-10-29T08:05:00+01:00', 'Telvane profit rises on electric van demand',
    `OSTERHAVN, Oct 29 (North Coast Wire) - Telvane Motors earned 412 million euros after tax in the July-to-September period, 18 percent more than a year ago, the carmaker said on Thursday.

Revenue climbed to 6.8 billion euros as orders for its electric vans grew.

Chief executive Marta Quell said the board would propose a special dividend of 1.20 euros a share.

The shares closed 9 percent higher in Osterhavn.`],
  ['Evening Courant', '2026-10-29T19:20:00+01:00', 'Telvane denies Osterhavn job cuts',
    `Telvane Motors denied on Thursday that it plans to cut 3,000 jobs at its Osterhavn plant, saying no decision about the plant's future had been taken.

The company's third-quarter profit of 412 million euros beat analysts' forecasts.

Unions had said earlier in the week that they had been told of the cuts.`],
  ['Harrow Business Journal', '2026-11-04T10:00:00+01:00', 'Telvane restates quarterly profit',
    `Telvane Motors on Wednesday restated its third-quarter results, lowering its net profit to 371 million euros after auditors found an accounting error in its leasing business.

The company had reported a profit of 412 million euros last week.

The shares fell 4 percent after the announcement.`],
  ['Radio Fjell', '2026-10-28T17:00:00+01:00', 'Telvane results due on Thursday',
    `Telvane Motors will report its third-quarter results on Thursday. Analysts expect net profit of about 380 million euros.

Unions at the Osterhavn plant say the company is preparing to cut up to 3,000 jobs there; the company has not commented.`],
  ['Brannholm Post', '2026-10-31T12:00:00+01:00', 'Telvane confirms 3,000 Osterhavn job losses',
    `Telvane Motors confirmed on Friday that 3,000 jobs will go at its Osterhavn plant next year, a day after it had said no decision had been taken.

The works council said it would fight the cuts.`],

  // 3. Korvath earthquake (page: Highland Times, 12 August)
  ['North Coast Wire', '2026-08-09T09:40:00+02:00', 'Earthquake kills 63 in Korvath',
    `MELDRA, Aug 9 (North Coast Wire) - A magnitude 6.4 earthquake shook Korvath province before dawn on Sunday, killing 63 people and flattening hundreds of houses, officials said.

Around 9,000 people lost their homes, the civil protection agency said.

Rescuers were searching the rubble of the old town of Meldra with dogs and bare hands.`],
  ['Evening Courant', '2026-08-10T20:15:00+02:00', 'Korvath quake toll climbs to 81',
    `The death toll from Sunday's earthquake in Korvath has risen to 81, the civil protection agency said on Monday, as rescuers pulled more bodies from the rubble in Meldra.

The national seismology institute measured the quake at magnitude 6.1, revising an early estimate of 6.4.`],
  ['Radio Fjell', '2026-08-10T12:00:00+02:00', 'Meldra hospital still standing, ministry says',
    `The health ministry denied on Monday that Meldra's hospital had collapsed in the earthquake, saying the building was damaged but standing and that all patients had been moved to field clinics.

Pictures of a ruined building shared online showed a school, not the hospital, the ministry said.`],
  ['The Southern Mirror', '2026-08-09T22:00:00+02:00', 'Soldiers sent to Korvath',
    `The government has deployed 1,500 soldiers to Korvath to help with the rescue, the defence minister said on Sunday.

Images shared online appeared to show the Meldra hospital in ruins, but they could not be verified.

The official toll stood at 63 on Sunday evening.`],
  ['Coastal Observer', '2026-08-11T16:00:00+02:00', 'Troops slow to reach quake zone',
    `Only about 600 soldiers have reached Korvath so far, not the 1,500 the government announced, local officials said on Tuesday.

At least 9,000 people are homeless, and many are sleeping in cars.`],

  // 4. Ostrand mayoral election (page: The Civic Lantern, 20 May)
  ['North Coast Wire', '2026-05-18T06:30:00+02:00', 'Aaberg wins Ostrand mayoral race',
    `OSTRAND, May 18 (North Coast Wire) - Lise Aaberg was elected mayor of Ostrand on Sunday, taking 52.4 percent of the vote against 47.6 percent for Piet Varga, according to final results from the electoral commission.

Turnout was 61 percent.

Varga told supporters he would not concede until complaints about the count in the Harbour ward had been examined.`],
  ['The Southern Mirror', '2026-05-17T23:50:00+02:00', 'Aaberg ahead in Ostrand count',
    `Lise Aaberg received 50.9 percent of the vote in Ostrand's mayoral election, according to the commission's count late on Sunday.

Turnout was 58 percent, slightly lower than four years ago.`],
  ['Evening Courant', '2026-05-19T13:00:00+02:00', 'No fraud in Ostrand vote, commission says',
    `Ostrand's electoral commission rejected claims of irregularities at polling stations on Tuesday, saying it had found no evidence of fraud anywhere in the city.

It said there would be no recount in the Harbour ward.`],
  ['Radio Fjell', '2026-05-19T08:00:00+02:00', 'Varga campaign alleges irregularities',
    `Piet Varga's campaign says irregularities occurred at 14 polling stations in Ostrand and has demanded a recount in the Harbour ward.

The electoral commission said it would examine the complaints.`],
  ['Brannholm Post', '2026-05-21T10:00:00+02:00', 'Varga concedes in Ostrand',
    `Piet Varga conceded the Ostrand mayoral race on Wednesday, three days after the vote, and congratulated Lise Aaberg on her victory.`],

  // noise
  ['Coastal Observer', '2026-09-02T21:00:00+02:00', 'Osterhavn United win the cup',
    `Osterhavn United won the national cup on Saturday, beating Meldra Athletic 2-1 after extra time in front of 38,000 fans. The winning goal came in the 112th minute.`],
  ['Market Lens', '2026-07-14T08:00:00+02:00', 'New bridge opens in Ostrand',
    `The new Aln bridge in Ostrand opened to traffic on Monday, two years late and 40 million euros over budget. About 22,000 cars a day are expected to use it.`],
];

// ---- the reader's pages ----------------------------------------------------------------------

/**
 * Each page: outlet, domain, date, headline, standfirst, paragraphs (arrays of sentences), the
 * claims (sentence, verdict, stances) and the not-claims. A claim is written in the paragraphs as
 * `{n}` (the n-th claim), a not-claim as `[n]`.
 */
const pages = [
  {
    slug: 'brannholm-rentals', outlet: 'The Tollund Herald', domain: 'www.tollund-herald.example', date: '2026-09-18T07:00:00+02:00',
    headline: 'Brannholm’s holiday-let ban falls in the Supreme Court', standfirst: 'What the ruling means for the old town, its landlords and its residents.',
    dateline: 'BRANNHOLM — ',
    paragraphs: [
      ['{0}', '{1}', 'The case was the first test of the powers that the 2011 housing act gives to cities.'],
      ['{2}', 'Many of those flats had been bought as investments in the years after the old town was listed as a heritage site.'],
      ['{3}', '[0]'],
      ['{4}', 'Guests were booking nights in the old town again by Wednesday.'],
      ['{5}', '[1]'],
    ],
    claims: [
      ['The Supreme Court on Tuesday struck down Brannholm\'s ban on short-term holiday rentals, ruling that the city council had exceeded its powers.', 'confirmed',
        { 'North Coast Wire': 'confirm', 'Brannholm Post': 'confirm', 'Evening Courant': 'confirm', 'Market Lens': 'confirm', 'Radio Fjell': 'discuss' }],
      ['The judges decided the case by five votes to two.', 'conflicting', { 'North Coast Wire': 'confirm', 'Brannholm Post': 'dispute' }],
      ['The ban, which took effect in January, had removed about 4,300 flats from rental platforms.', 'confirmed', { 'North Coast Wire': 'confirm', 'Brannholm Post': 'confirm' }],
      ['The court also ordered the city to pay compensation to the landlords who brought the case.', 'disputed', { 'North Coast Wire': 'dispute', 'Brannholm Post': 'dispute' }],
      ['More than 3,000 flats in Brannholm were listed again on holiday rental platforms within two days of the ruling.', 'disputed', { 'Market Lens': 'dispute' }],
      ['The city will not appeal the ruling and will instead ask parliament to change the housing act.', 'conflicting', { 'North Coast Wire': 'confirm', 'Evening Courant': 'dispute' }],
    ],
    notClaims: ['It is hard to see this ruling as anything other than a defeat for the people who actually live in the old town.', 'Who will speak for the neighbours now?'],
  },
  {
    slug: 'telvane-results', outlet: 'Market Bulletin', domain: 'www.market-bulletin.example', date: '2026-10-30T06:00:00+01:00',
    headline: 'Telvane’s turnaround: profit up, but Osterhavn pays the price', standfirst: 'The carmaker’s best quarter in years comes with bad news for its oldest plant.',
    dateline: 'OSTERHAVN — ',
    paragraphs: [
      ['{0}', '{1}'],
      ['[0]', 'The company has spent three years and more than a billion euros moving its range to electric drive.'],
      ['{2}', 'The plant, opened in 1974, builds the petrol vans that Telvane plans to stop selling in 2028.'],
      ['{3}'],
      ['{4}', '[1]'],
    ],
    claims: [
      ['Telvane Motors made a net profit of 412 million euros in the third quarter, up 18 percent from a year earlier.', 'conflicting',
        { 'North Coast Wire': 'confirm', 'Evening Courant': 'confirm', 'Harrow Business Journal': 'dispute', 'Radio Fjell': 'discuss' }],
      ['Sales rose to 6.8 billion euros, helped by demand for its electric vans.', 'confirmed', { 'North Coast Wire': 'confirm' }],
      ['The company will cut 3,000 jobs at its Osterhavn plant next year.', 'conflicting', { 'Evening Courant': 'dispute', 'Brannholm Post': 'confirm', 'Radio Fjell': 'discuss' }],
      ['Chief executive Marta Quell said the company would pay a special dividend of 1.50 euros a share.', 'disputed', { 'North Coast Wire': 'dispute' }],
      ['Telvane shares rose 9 percent on Thursday.', 'confirmed', { 'North Coast Wire': 'confirm' }],
    ],
    notClaims: ['Investors have every reason to be cheerful this morning.', 'Is this the turnaround the company has promised for so long?'],
  },
  {
    slug: 'korvath-earthquake', outlet: 'Highland Times', domain: 'www.highland-times.example', date: '2026-08-12T08:00:00+02:00',
    headline: 'Korvath counts the cost of the night the ground shook', standfirst: 'Three days after the earthquake, Meldra is still digging.',
    dateline: 'MELDRA — ',
    paragraphs: [
      ['{0}', '{1}'],
      ['The old town of Meldra, with its narrow streets and stone houses, took the worst of it.', '{2}'],
      ['{3}', '[0]'],
      ['{4}', 'Convoys of army lorries were seen on the mountain road on Monday.'],
      ['[1]'],
    ],
    claims: [
      ['The earthquake killed 63 people in Korvath province.', 'conflicting', { 'North Coast Wire': 'confirm', 'The Southern Mirror': 'confirm', 'Evening Courant': 'dispute' }],
      ['The quake, of magnitude 6.4, struck shortly after 3am on Sunday.', 'conflicting', { 'North Coast Wire': 'confirm', 'Evening Courant': 'dispute' }],
      ['The main hospital in Meldra collapsed, trapping patients inside.', 'disputed', { 'Radio Fjell': 'dispute', 'The Southern Mirror': 'discuss' }],
      ['About 9,000 people have been left homeless.', 'confirmed', { 'North Coast Wire': 'confirm', 'Coastal Observer': 'confirm' }],
      ['The government has sent 1,500 soldiers to help with the rescue.', 'conflicting', { 'The Southern Mirror': 'confirm', 'Coastal Observer': 'dispute' }],
    ],
    notClaims: ['Nobody who saw the square on Sunday morning will forget it.', 'Our thoughts are with every family in the province.'],
  },
  {
    slug: 'ostrand-election', outlet: 'The Civic Lantern', domain: 'www.civic-lantern.example', date: '2026-05-20T09:00:00+02:00',
    headline: 'Ostrand has a new mayor, and a quarrel over the count', standfirst: 'Lise Aaberg’s victory is clear on paper. Her rival is not ready to say so.',
    dateline: 'OSTRAND — ',
    paragraphs: [
      ['{0}', 'She is the first woman to lead the city.'],
      ['{1}'],
      ['{2}', '[0]'],
      ['{3}', '{4}'],
      ['[1]'],
    ],
    claims: [
      ['Lise Aaberg won the Ostrand mayoral election with 52.4 percent of the vote.', 'conflicting', { 'North Coast Wire': 'confirm', 'The Southern Mirror': 'dispute' }],
      ['Turnout was 61 percent, the highest since 1998.', 'conflicting', { 'North Coast Wire': 'confirm', 'The Southern Mirror': 'dispute' }],
      ['Her rival Piet Varga has conceded defeat.', 'conflicting', { 'North Coast Wire': 'dispute', 'Brannholm Post': 'confirm' }],
      ['The electoral commission found irregularities at 14 polling stations.', 'disputed', { 'Evening Courant': 'dispute', 'Radio Fjell': 'discuss' }],
      ['A recount has been ordered in the Harbour ward.', 'disputed', { 'Evening Courant': 'dispute', 'Radio Fjell': 'discuss' }],
    ],
    notClaims: ['Whatever one thinks of her programme, it was a remarkable campaign.', 'Democracy deserves better than this.'],
  },
];

writeNewsSet(import.meta.dirname, { domains, corpus, pages });
