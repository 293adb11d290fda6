// Writes the fourth held-out news set (pages/*.html, expected/*.json, corpus.jsonl) from the
// stories below. Run: node datasets/news-heldout-4/build.mjs. The stories are fictional and
// written for this set; see README.md.
import { writeNewsSet } from '../news-set.mjs';

// ---- the corpus: other outlets' articles -----------------------------------------------------

const domains = {
  'Saltmarsh Press Agency': 'www.saltmarsh-press.example',
  'The Coastal Evening Post': 'www.coastal-evening-post.example',
  'Radio Kestmark': 'www.radiokestmark.example',
  'The Norrow Daily': 'www.norrow-daily.example',
  'Ostrane Financial Journal': 'www.ostrane-fj.example',
  'The Corvallen Herald': 'www.corvallen-herald.example',
  'Industry Ledger': 'www.industry-ledger.example',
  'Travel Health Monitor': 'www.travel-health-monitor.example',
};

const corpus = [
  // 1. Central bank rate rise (page: The Brannock Ledger, Friday 13 March)
  ['Radio Kestmark', '2026-03-10T18:00:00+01:00', 'Central bank set to raise rates on Thursday',
    `Economists expect the Central Bank of Ostrane to raise its main interest rate on Thursday, perhaps by as much as half a percentage point, after official figures showed inflation climbing to 6.8 percent in February, the highest rate in eleven years.

The key rate has stood at 3.75 percent since last summer. Of fourteen economists asked by Radio Kestmark, nine expect a rise of half a point and four a quarter point; one expects no change.

"Food and rent are driving this, and the bank cannot look away any longer," said Mia Torvald, chief economist at Lindqvist Savings Bank.

A rise would be felt quickly by the roughly 600,000 households with a variable-rate mortgage. Estate agents say house sales have already slowed since the new year.

The finance minister, Lorens Abel, said on Monday that the bank was independent and that he would not comment on its decision. The bank's governor, Aline Marsk, will explain the decision at a news conference at 2 p.m. on Thursday.`],
  ['Saltmarsh Press Agency', '2026-03-12T14:40:00+01:00', 'Ostrane central bank lifts key rate by half a point',
    `BRANNOCK, March 12 (SPA) - The Central Bank of Ostrane raised its main interest rate by half a percentage point to 4.25 percent on Thursday, its biggest single rise in fifteen years, saying that inflation was spreading from food and energy to the rest of the economy.

The bank's monetary policy committee voted by five votes to two for the rise. The two members in the minority wanted a smaller increase of a quarter point, the bank said.

Inflation reached 6.8 percent in February, the highest rate in eleven years, driven by food prices, rents and the cost of services. The bank's target is 2 percent.

"We will do what is needed to bring inflation down, and we are ready to act again," the governor, Aline Marsk, told reporters.

The crown rose by almost 1 percent against the euro after the announcement, and shares in housebuilders fell.

It was the bank's fourth rise in eighteen months. Economists at Nordbank said they now expected the key rate to peak at 4.5 percent in the summer, and the bank's next decision is due on 14 May.`],
  ['Ostrane Financial Journal', '2026-03-13T06:30:00+01:00', 'Marsk goes big, and the government is not pleased',
    `The Central Bank of Ostrane did what many in the markets had hoped for and some in government had feared on Thursday, lifting its key rate to 4.25 percent from 3.75 percent.

For Aline Marsk, the governor, it was a chance to show that the bank would not wait for inflation to come down by itself. "Half a point was the right size," she said, adding that a smaller step would only have meant another rise in a month's time.

The move was not welcome everywhere. Opposition MPs accused the finance minister, Lorens Abel, of having leaned on the bank to keep rates on hold ahead of the meeting, pointing to a speech last week in which he said families "could not take another blow". Abel's office did not reply to questions on Thursday evening.

Banks reacted within hours. Nordbank and Lindqvist Savings Bank both said they would raise their variable mortgage rates from 1 April.

The bank's own forecasts, published alongside the decision, show inflation falling steadily over the next two years and returning to the 2 percent target in the last quarter of 2028.`],
  ['The Norrow Daily', '2026-03-26T12:00:00+01:00', 'Rate minutes show wider backing for Marsk; inflation revised down',
    `The minutes of the Central Bank of Ostrane's March meeting, published on Thursday, show that six of the seven members of its monetary policy committee voted for the half-point rise to 4.25 percent on 12 March, and not five as the bank announced on the day. Only one member, Edda Fahl, argued for a rise of a quarter point. The bank said the earlier figure had been an error in its press release.

The statistics office, meanwhile, revised its February inflation figure down to 6.5 percent from 6.8 percent, after correcting the way it measured rents. It said March inflation would be published on 9 April.

The finance ministry denied on Thursday that Lorens Abel had tried to influence the decision. "The minister has not spoken to the governor about interest rates, in public or in private, and he never would," a spokesman said.

The minutes also show that members discussed whether a further rise might be needed in May.`],

  // 2. Ferry grounding off Brisa (page: The Brisa Islander, Monday 8 June)
  ['Saltmarsh Press Agency', '2026-06-07T08:15:00+02:00', 'Ferry runs aground off Brisa, hundreds brought ashore',
    `BRISA, June 7 (SPA) - The passenger ferry Norra Vind ran aground on rocks at the entrance to Brisa harbour on Saturday evening in strong winds, and all 412 passengers and 38 crew were taken off during the night, the coastguard said.

Lifeboats and a dozen fishing boats from the island ferried people ashore in relays until about 3 a.m. Eleven people were treated in hospital for minor injuries, most of them cuts and bruises suffered when the ship lurched onto the rocks.

The ship's operator, Brisa Line, said it had suspended all sailings to and from the island until further notice. About 2,000 people live on Brisa, which depends on the ferry for food, fuel and mail.

The Maritime Accident Board said it had opened an investigation and would send inspectors to the island on Sunday. The ferry was listing slightly but was not taking on water, the coastguard said, and there was no sign of any fuel leak.

(Reporting by the Saltmarsh Press Agency)`],
  ['The Coastal Evening Post', '2026-06-07T12:00:00+02:00', 'All safe as Brisa ferry hits rocks',
    `BRISA, June 7 (SPA) - The passenger ferry Norra Vind ran aground on rocks at the entrance to Brisa harbour on Saturday evening in strong winds, and all 412 passengers and 38 crew were taken off during the night, the coastguard said.

Lifeboats and a dozen fishing boats from the island ferried people ashore in relays until about 3 a.m. Eleven people were treated in hospital for minor injuries, most of them cuts and bruises suffered when the ship lurched onto the rocks.

The ship's operator, Brisa Line, said it had suspended all sailings to and from the island until further notice. About 2,000 people live on Brisa, which depends on the ferry for food, fuel and mail.

The Maritime Accident Board said it had opened an investigation and would send inspectors to the island on Sunday. The ferry was listing slightly but was not taking on water, the coastguard said, and there was no sign of any fuel leak.

This article was first published by the Saltmarsh Press Agency.`],
  ['Radio Kestmark', '2026-06-07T17:30:00+02:00', 'Brisa ferry: union says captain was told to wait',
    `The seafarers' union has said the captain of the Norra Vind was told by the harbour pilot to wait outside Brisa until the wind dropped, hours before the ferry struck the Skerry rocks as it approached the harbour on Saturday evening.

"Our members on board say the pilot's advice was clear, and that the company's timetable came first," the union's regional secretary, Hakon Brede, said on Sunday. He did not say how the union knew what the pilot had said, and Brisa Line would not comment while the investigation was going on.

On the quay in Brisa on Sunday, passengers described a frightening night. "There was a bang, and then everything on the tables slid to the floor," said Ellen Varga, who was travelling home with her two children. "The crew were calm. That helped."

The ship, still leaning against the rocks, could be seen from the harbour wall, where islanders gathered to watch a salvage tug arrive.

Eleven people were treated at the island's small hospital, and all of them had gone home by Sunday lunchtime.`],
  ['The Norrow Daily', '2026-06-10T09:00:00+02:00', 'Brisa ferries back as questions grow over grounding',
    `Ferries to the island of Brisa resumed on Tuesday, three days after the Norra Vind ran aground at the harbour entrance, with Brisa Line running a chartered ship, the Sollen, twice a day in place of its usual four sailings.

The coastguard said on Tuesday that 386 passengers and 38 crew had been on board the Norra Vind when it grounded, correcting the figure of 412 passengers that the ferry company had given at the weekend. Some people had been counted twice because they had booked both a seat and a cabin, the company said.

The state pilot service said no advice to wait had been given to the captain. "Our pilot boarded the ship at the outer buoy as normal, and conditions were within the limits for entering the harbour," a spokesman said. Brisa Line also rejected suggestions that its captain had ignored any warning.

Inspectors from the Maritime Accident Board, which is investigating the grounding, have downloaded the ship's voyage data recorder. A first report is expected within a month.`],

  // 3. Mayor of Corvallen arrested (page: The Dunmere Echo, Wednesday 14 October)
  ['Saltmarsh Press Agency', '2026-10-13T11:05:00+02:00', 'Corvallen mayor arrested in bribery inquiry',
    `CORVALLEN, Oct 13 (SPA) - Anti-corruption police arrested Ruben Skald, the mayor of Corvallen, at his home on Tuesday morning, prosecutors said, accusing him of taking 1.2 million crowns in bribes from a building company in return for city contracts.

The company, Marrow & Dahl, has built schools, a swimming pool and parts of the city's new tram depot in recent years. Its offices in Corvallen were searched on Tuesday, and two of its managers were questioned.

Two deputy mayors were also detained and questioned, the national prosecutor's office said in a statement. It did not name them.

Skald, 58, has led the city of 240,000 people since 2019 for the centre-right Civic Union. He could not be reached for comment.

Police cars were parked outside city hall for most of the morning, and officers carried out boxes of documents from the mayor's office.

Marrow & Dahl said in a short statement that it was cooperating with the investigation and that it had won all its contracts with the city in open tenders. Opposition councillors called for Skald to step aside while the case was investigated.`],
  ['The Corvallen Herald', '2026-10-13T19:30:00+02:00', 'Skald held as police search city hall',
    `Corvallen woke up on Tuesday to the news that its mayor had been taken from his house in a police car before dawn.

Ruben Skald, who has run the city for seven years, was detained at about 6 a.m. by officers of the national anti-corruption police, neighbours in the Elm Hill district said, and driven to the prosecutor's office in the capital.

According to the charge sheet, seen by the Herald, Skald is suspected of accepting about 900,000 crowns from Marrow & Dahl between 2023 and this year, partly in cash and partly through payments for work on his holiday house.

A local news website, Corvallen Now, reported on Tuesday afternoon that investigators had found a large sum of cash during the search of the mayor's home. The police would neither confirm nor deny the report.

At city hall, staff spoke of shock. "He was here until eight last night," said one official.

City records show that Marrow & Dahl has been awarded 43 million crowns of work by the city since the start of 2023, more than any other builder.`],
  ['Radio Kestmark', '2026-10-14T08:00:00+02:00', 'Skald denies bribes, says he will stay on',
    `The mayor of Corvallen, Ruben Skald, denies having taken any money from the building firm Marrow & Dahl, his lawyer said on Wednesday, the day after Skald was detained by anti-corruption police.

"My client has never accepted a crown from anyone, and he will show that in court," the lawyer, Nina Osterberg, told Radio Kestmark. She said Skald would not resign and intended to go on running the city from city hall while he fought the charges.

Skald was released late on Tuesday night after questioning, on condition that he does not contact any of the company's staff.

Asked about reports that cash had been found at his house, Osterberg said she would not comment on "rumours". The prosecutor's office also declined to comment.

The opposition in the city council has called for an emergency meeting next week.

Skald's party, the Civic Union, said it would discuss the case at a meeting of its leaders in the capital on Wednesday afternoon. "Everyone is innocent until proven guilty, and that includes Ruben," said the party's deputy leader, Aksel Varn. Some party members in Corvallen said privately that the mayor should step aside.`],
  ['The Norrow Daily', '2026-10-16T07:00:00+02:00', 'Skald quits as Corvallen mayor',
    `Ruben Skald resigned as mayor of Corvallen on Thursday evening, two days after his arrest on bribery charges, saying he did not want the case to paralyse the city.

"I remain innocent, but the city needs a mayor who can give it all of his time," he said in a short statement read out by his lawyer. His party, the Civic Union, had asked him to go on Thursday morning.

Prosecutors said on Thursday that only one deputy mayor, Iris Maul, had been detained on Tuesday. A second deputy, Jon Hebbe, had gone to the police station of his own accord and was questioned as a witness, they said, correcting their earlier statement.

They also said that no cash had been found during the search of Skald's home, contrary to reports earlier in the week.

The city council will choose an acting mayor next week. The first deputy mayor, Karin Lode, who was not involved in the case, has been running city hall since Tuesday.

Skald remains under investigation and is due to be questioned again later this month.`],

  // 4. Halvern Glass closes Merrit plant (page: The Sallow Bay Post, Thursday 5 February)
  ['Radio Kestmark', '2026-02-02T17:00:00+01:00', 'Merrit glassworks fears the worst before Halvern announcement',
    `Halvern Glass is expected to announce on Wednesday that it will close its bottle factory in Merrit, union officials said on Monday, putting more than 1,000 jobs at risk in a town that has made glass for over a century.

The company has called its works council to a meeting in Merrit on Wednesday morning and would say only that it would "inform staff first".

"The plant makes money. Our members have seen the figures, and they know how hard they have worked," said Rosa Kettle of the industrial workers' union. The union says the Merrit plant made a profit of about 6 million crowns last year.

Halvern has closed two smaller plants in the past five years. Business leaders in Merrit fear the loss of the factory would hit hundreds of suppliers, hauliers and shops.

The town's mayor, Liv Sorensen, said she had written to the company's board asking it to keep the plant open at least until a buyer could be found. "Merrit has made glass since 1911. We are not going to let it go without a fight," she said.`],
  ['Saltmarsh Press Agency', '2026-02-04T12:30:00+01:00', 'Halvern Glass to shut Merrit plant, 1,150 jobs to go',
    `MERRIT, Feb 4 (SPA) - Halvern Glass will close its bottle factory in Merrit by the end of 2027, cutting 1,150 jobs, the company said on Wednesday, pointing to gas and electricity bills it said had risen threefold since 2022.

The plant, opened in 1958, is the largest employer in the town of 18,000 people. Its two furnaces make about 900 million bottles a year for brewers and wine makers.

"We have tried everything to keep Merrit going, but the numbers no longer add up," the chief executive, Gustav Renholm, said. The company declined last year a 20 million crown aid package offered by the regional government, saying it would not have covered the plant's losses.

The union said it believed the work would go to the company's newer plant in Garvik, across the border, where energy is cheaper. It called a protest for Saturday.

Halvern shares rose 3 percent in Brannock.`],
  ['Industry Ledger', '2026-02-05T10:00:00+01:00', 'Why Halvern gave up on Merrit',
    `Halvern Glass will shut the Merrit works in December 2027, cutting 1,150 jobs, in the latest sign of how energy prices are reshaping heavy industry in the region.

Glassmaking is one of the most energy-hungry trades there is: a furnace must be kept at about 1,500 degrees day and night for fifteen years or more. Halvern says its energy costs at Merrit have tripled since 2022, and that the plant's two furnaces are due for rebuilding at a cost of 70 million crowns.

Competitors in the region face the same problem. Two of Halvern's rivals have announced job cuts in the past year, and a third is moving to electric furnaces.

Halvern's chief executive, Gustav Renholm, told the Ledger that customers now supplied from Merrit would be served from the company's plant in Rossel, which has spare capacity. "We have no plans to expand in Garvik," he said, dismissing the union's claim.

Correction, February 5: An earlier version of this article said that the Merrit plant would close in December 2026. It will close in December 2027.`],
  ['The Norrow Daily', '2026-02-06T08:00:00+01:00', 'Halvern and minister clash over Merrit aid',
    `The regional economy minister, Tove Lindahl, said on Thursday that Halvern Glass had been offered 12 million crowns last autumn to help keep its Merrit factory open, not 20 million as the company had said, and accused it of "never being serious" about staying.

Halvern stood by its account of the talks. The company also said the Merrit plant had lost money in each of the past three years, including last year, and published a summary of its accounts to show it.

"The plant is not profitable, and it has not been for some time," a spokeswoman said.

About 2,000 people marched through Merrit on Thursday evening. Lindahl said the region would fund retraining for all the workers who lose their jobs.

The marchers, many of them carrying glass bottles made at the plant, walked from the factory gates to the town hall, where the mayor, Liv Sorensen, told them the town would not give up. The union said it would ask the company to open its full accounts for the plant to an independent auditor.`],

  // 5. Norovirus on the cruise ship Aurelia Dawn (page: The Porthaven Chronicle, Thursday 16 April)
  ['Saltmarsh Press Agency', '2026-04-15T16:20:00+02:00', 'Sickness outbreak on cruise ship, port refuses entry',
    `PORTHAVEN, April 15 (SPA) - About 230 passengers and crew on the cruise ship Aurelia Dawn have fallen ill with norovirus, and the port of Calder refused on Wednesday to let the ship dock, its operator Solenne Cruises said.

The ship, carrying about 1,900 passengers, mostly retired couples, on a two-week voyage, is now heading back to its home port of Veshen, a day and a half away.

Passengers have been asked to stay in their cabins, where meals are being delivered, and the ship's public areas are being disinfected, the company said.

Some passengers told SPA by telephone that they suspected oysters served at a buffet during a stop in Olvenna on Saturday, but the company said it was too early to know the source of the outbreak.

Norovirus spreads easily in closed places such as ships and causes vomiting and diarrhoea. Most people recover in two or three days.`],
  ['Radio Kestmark', '2026-04-16T07:30:00+02:00', 'On board the Aurelia Dawn: we just wait',
    `"We have been in our cabin since Monday night. The food comes on a tray and they knock and leave it outside the door," said Birgit Hallin, 70, speaking to Radio Kestmark from the cruise ship Aurelia Dawn, where more than 200 people have fallen ill with norovirus.

Hallin and her husband are not ill, but the rules apply to everyone on board. "The crew are doing their best. Some of them are sick too," she said.

An 81-year-old man who had caught the virus died on board on Wednesday. Passengers were told of his death in a message from the ship's doctor over the loudspeakers.

Her husband, Sten, said the worst part was not knowing. "We hear the doors, we hear people being sick in the corridor, and then nothing for hours. The television only shows films," he said. The couple have been allowed onto their balcony, but not out of the cabin.

Solenne Cruises said that all passengers would be offered a full refund and a free cruise next year.

The ship is expected back in Veshen on Friday.`],
  ['Travel Health Monitor', '2026-04-16T13:00:00+02:00', 'Aurelia Dawn: what we know about the outbreak',
    `At least 214 cases of norovirus have been recorded on the cruise ship Aurelia Dawn since last weekend, according to figures reported by the ship to the Ostrane Health Agency.

Solenne Cruises said on Thursday that the passenger who died on board on Wednesday, a man of 81, had died of a heart attack and had not tested positive for norovirus.

The agency said it was testing food samples taken on the ship and from the ship's last port of call, Olvenna, and that the results would take several days. Ship outbreaks are often started by one sick passenger rather than by food, it said.

Cruise ships must report cases of stomach illness to health authorities in every port they call at.

Those reports show this is not the Aurelia Dawn's first outbreak: 87 people fell ill with norovirus on board during a Baltic voyage last November, and the ship was deep-cleaned for three days afterwards.`],
  ['The Norrow Daily', '2026-04-18T09:30:00+02:00', 'Aurelia Dawn docks at Calder after all',
    `The cruise ship Aurelia Dawn docked at Calder on Friday morning, and passengers who were not ill were allowed ashore in small groups after a health inspection, ending a week in which most of them barely left their cabins.

The Calder port authority denied that it had ever refused the ship entry. "We asked for a health inspection before anyone came ashore, as the rules require. We never said no," its director, Paul Anker, said. The ship, which had been heading for Veshen, turned back on Thursday night.

Solenne Cruises said that this was the first outbreak of illness on the Aurelia Dawn since it entered service in 2019, and that its cleaning rules were among the strictest in the industry.

About 40 passengers were still ill on Friday, the company said.

Those who were well enough left for home by coach and train during the day, many of them tired and angry. "We paid for a holiday and got a prison," said one man from Porthaven as he wheeled his suitcase off the quay. The ship will be cleaned in Calder for four days before its next voyage.`],

  // unrelated
  ['The Corvallen Herald', '2026-09-21T08:00:00+02:00', 'Corvallen zoo welcomes twin snow leopards',
    `Two snow leopard cubs have been born at Corvallen zoo, the first of their kind born there in 30 years, the zoo said on Monday.

The cubs, a male and a female, were born in late July to the zoo's six-year-old female, Ilka, and have spent their first weeks in a den away from the public. Keepers say both are healthy and now weigh about four kilograms each.

Visitors will be able to see them from next month. The zoo is asking the public to suggest names, with the winners chosen by local schoolchildren.

Snow leopards are classed as vulnerable in the wild, where there are thought to be fewer than 7,000 left. The zoo takes part in a European breeding programme.

The birth is a boost for the zoo, which had a difficult year in 2025 when visitor numbers fell after a new entrance fee was introduced. The zoo's director, Mats Ekholm, said he hoped the cubs would bring families back. The cubs' father, Temir, came to Corvallen from a zoo in the east two years ago.`],
  ['Industry Ledger', '2026-07-09T10:00:00+02:00', 'Brannock port opens new container terminal',
    `The port of Brannock opened its new container terminal on Thursday, raising its capacity by about a third and allowing the largest container ships to call there for the first time.

The terminal cost 480 million crowns and took four years to build. It has six electric cranes and a rail link that will carry containers inland to the industrial towns of the north.

The port authority said it expected to handle 1.6 million containers a year by 2030, up from 1.1 million last year. Shipping lines have already agreed to two new weekly services from Asia.

Environmental groups said the dredging of the channel had damaged seagrass beds, which the port disputes.

The terminal will employ about 350 people when it is running at full capacity. Most of the cranes are operated remotely from a control building on the quay, and the port says the electric equipment will cut its emissions by a quarter. The old container quay will be turned into a terminal for cars and timber.`],
];

// ---- the reader's pages ----------------------------------------------------------------------

/**
 * Each page: outlet, domain, date, headline, standfirst, paragraphs (arrays of sentences), the
 * claims (sentence, verdict, stances), the not-claims and the syndicated copies in the corpus
 * (copy → original). A claim is written in the paragraphs as `{n}` (the n-th claim), a not-claim
 * as `[n]`.
 */
const pages = [
  {
    slug: 'ostrane-rate-rise', outlet: 'The Brannock Ledger', domain: 'www.brannock-ledger.example', date: '2026-03-13T07:00:00+01:00',
    headline: 'Half a point: the rate rise that lands on every kitchen table', standfirst: 'The central bank has moved hard against prices. Borrowers will feel it within weeks.',
    dateline: 'BRANNOCK — ',
    paragraphs: [
      ['{0}', 'The key rate had stood at 3.75 percent since last summer, and most economists had expected a rise, though not all of them one this large.'],
      ['Speaking at a crowded news conference on Thursday afternoon, the governor, Aline Marsk, said prices were no longer rising only because of food and fuel.', '"Inflation is now in rents, in services, in wages," she said.', '"If we wait, it will only cost more to bring it down."'],
      ['{1}', 'The bank did not name them.', 'Marsk said the committee had agreed on the direction, if not on the size of the step, and that it stood ready to act again.'],
      ['{2}', 'Food prices were up more than 11 percent on a year earlier and rents almost 9 percent, according to the statistics office.', 'Wages, by contrast, rose by just over 4 percent last year, which means most households are still getting poorer.'],
      ['The decision will be felt first by the roughly 600,000 households with variable-rate mortgages.', '{5}', 'For a family with a mortgage of two million crowns, the rise could add about 800 crowns a month to repayments.'],
      ['[0]'],
      ['The decision also strains relations between the bank and the government, which faces an election next spring.', '{3}', 'Two people who were told about the conversation said Abel warned Marsk that a large rise would push households already struggling with their bills into arrears.', 'The ministry did not reply to questions from the Ledger on Thursday evening.'],
      ['In public, Abel has been careful.', 'On Monday he said only that the bank was independent and that he would not comment on its decisions.', 'But in a speech last week he said families "could not take another blow", words many in the markets read as a message to the bank.'],
      ['{4}', 'Its forecasts show inflation falling below 5 percent by the end of this year, helped by lower energy prices, before easing more slowly.', 'Some economists think that is too hopeful.', '"The bank has been wrong about inflation three years in a row," said Jens Mohl of the Brannock Institute for Economic Research.'],
      ['The crown rose against the euro after the announcement, which should make imported goods a little cheaper, while shares in housebuilders fell sharply.', 'Estate agents said sales had already slowed since the new year and would slow further.', '[1]'],
    ],
    claims: [
      ['The Central Bank of Ostrane raised its main interest rate by half a percentage point to 4.25 percent on Thursday, the largest single increase in fifteen years.', 'confirmed',
        { 'Radio Kestmark': 'discuss', 'Saltmarsh Press Agency': 'confirm', 'Ostrane Financial Journal': 'confirm', 'The Norrow Daily': 'confirm' }],
      ['The bank\'s monetary policy committee voted five to two for the rise, with two members arguing for a smaller increase of a quarter point.', 'conflicting',
        { 'Saltmarsh Press Agency': 'confirm', 'The Norrow Daily': 'dispute' }],
      ['Inflation reached 6.8 percent in February, the highest rate in eleven years.', 'conflicting',
        { 'Radio Kestmark': 'confirm', 'Saltmarsh Press Agency': 'confirm', 'The Norrow Daily': 'dispute' }],
      ['Days before the meeting, the finance minister, Lorens Abel, privately urged the governor to leave rates where they were.', 'disputed',
        { 'Ostrane Financial Journal': 'discuss', 'The Norrow Daily': 'dispute' }],
      ['The bank expects inflation to return to its 2 percent target by the end of 2028.', 'confirmed',
        { 'Ostrane Financial Journal': 'confirm' }],
      ['Nordbank and Lindqvist Savings Bank said within hours that they would raise their own rates from 1 April, and others are expected to follow.', 'confirmed',
        { 'Ostrane Financial Journal': 'confirm' }],
    ],
    notClaims: ['It is hard not to feel for the young families who stretched themselves to buy a first home last year.', 'Will all this pain be worth it?'],
  },
  {
    slug: 'norra-vind-grounding', outlet: 'The Brisa Islander', domain: 'www.brisa-islander.example', date: '2026-06-08T07:00:00+02:00',
    headline: 'A night on the rocks: how Brisa brought the ferry home', standfirst: 'Islanders in small boats helped to carry hundreds ashore. Now the island is cut off, and wants answers.',
    dateline: 'BRISA — ',
    paragraphs: [
      ['{0}', 'The ship, which makes the two-hour crossing from the mainland four times a day, came to a stop with a long grinding noise that could be heard on the quay.'],
      ['Within minutes the harbour master had called out the lifeboat, and the word went round the island by telephone.', 'Fishermen who had tied up for the night went back to their boats.', '"Nobody asked us. We just went," said Ole Brandt, who made six trips between the ferry and the slipway in his crab boat.'],
      ['{1}', 'The last of them reached the harbour at about three in the morning, wrapped in blankets, some carrying sleeping children.', 'Islanders opened the school hall and the church, and the bakery on Strand Street began making bread at midnight.'],
      ['{2}', 'Most had cuts and bruises from falling when the ship struck the rocks, and one woman had a broken wrist.', 'All were allowed home on Sunday.'],
      ['[0]'],
      ['What happened on the bridge of the Norra Vind is now the question the whole island is asking.', '{3}', 'Crew members told the Islander that the pilot, who boarded at the outer buoy, had warned that the gusts were too strong for the narrow entrance.', 'Brisa Line, which owns the ship, said it would not comment while the investigation was going on.'],
      ['{4}', 'For the 2,000 people who live here, that is no small thing.', 'The ferry brings food to the island\'s two shops, fuel for its cars and boats, and the post.', 'The shops said on Sunday that they had enough for about a week, and the island council asked people not to buy more than they need.'],
      ['{5}', 'Its inspectors arrived on Sunday afternoon and spent several hours on board the ship, which is still lying against the rocks with a slight list.', 'The coastguard said the hull had not been breached and that there was no sign of any fuel leak.', 'A salvage tug arrived on Sunday evening, but it is not yet known when the ferry can be pulled free.'],
      ['It is the first serious accident on the Brisa crossing since 1987, when a cargo ship sank in a storm north of the island with the loss of two lives.', '[1]'],
    ],
    claims: [
      ['The ferry Norra Vind ran aground on rocks at the entrance to Brisa harbour on Saturday evening as it tried to enter port in a strong westerly wind.', 'confirmed',
        { 'Saltmarsh Press Agency': 'confirm', 'Radio Kestmark': 'confirm', 'The Norrow Daily': 'confirm' }],
      ['All 412 passengers and 38 crew were brought ashore safely by lifeboats and fishing boats during the night.', 'conflicting',
        { 'Saltmarsh Press Agency': 'confirm', 'The Norrow Daily': 'dispute' }],
      ['Eleven people were treated in hospital for minor injuries.', 'confirmed',
        { 'Saltmarsh Press Agency': 'confirm', 'Radio Kestmark': 'confirm' }],
      ['The harbour pilot had advised the captain to wait outside the harbour until the wind dropped, but the ship went in anyway.', 'disputed',
        { 'Radio Kestmark': 'discuss', 'The Norrow Daily': 'dispute' }],
      ['Brisa Line has suspended all sailings to and from the island until further notice.', 'conflicting',
        { 'Saltmarsh Press Agency': 'confirm', 'The Norrow Daily': 'dispute' }],
      ['The Maritime Accident Board has opened an investigation into the grounding.', 'confirmed',
        { 'Saltmarsh Press Agency': 'confirm', 'The Norrow Daily': 'confirm' }],
    ],
    notClaims: ['This island has never looked after its visitors better than it did on Saturday night.', 'How could a ship that knows these waters so well end up on the rocks?'],
    syndicated: { 'The Coastal Evening Post': 'Saltmarsh Press Agency' },
  },
  {
    slug: 'skald-arrest', outlet: 'The Dunmere Echo', domain: 'www.dunmere-echo.example', date: '2026-10-14T18:00:00+02:00',
    headline: 'The fall of Ruben Skald? Corvallen mayor held in bribery case', standfirst: 'The man who promised to clean up city hall is accused of taking money from the city\'s favourite builder.',
    dateline: 'CORVALLEN — ',
    paragraphs: [
      ['{0}', 'Neighbours in the leafy Elm Hill district watched as officers led him to an unmarked car shortly after six in the morning, his coat over his arm.'],
      ['{1}', 'The company has built two schools, a swimming pool and part of the new tram depot for the city in the past three years.', 'Its offices were searched on the same morning, and two of its managers were questioned.'],
      ['{2}', 'The prosecutor\'s office did not name them, but city hall staff said both had been absent from their offices all day.', 'Police spent most of Tuesday at city hall and carried out boxes of files from the mayor\'s office and the department that handles building contracts.'],
      ['Skald, 58, was elected in 2019 for the centre-right Civic Union on a promise to end what he called "the friends-and-family way of running Corvallen".', 'He won a second term two years ago with an increased majority.'],
      ['He was released late on Tuesday night after a day of questioning, on condition that he has no contact with anyone at Marrow & Dahl.', '{3}', 'His lawyer, Nina Osterberg, said on Wednesday that he had never taken money from anyone and would prove it in court.', '"He was elected by the people of this city, and he will go on serving them," she said.'],
      ['[0]'],
      ['{4}', 'That is more than any other builder, and rivals have complained for some time that the firm seemed to know what the city wanted before tenders were even published.', 'Marrow & Dahl said on Wednesday that it had won every contract fairly and was cooperating fully with the investigation.'],
      ['{5}', 'The prosecutor\'s office declined to comment on the search, and Osterberg dismissed what she called "rumours".'],
      ['The Civic Union\'s leaders met in the capital on Wednesday to discuss the case, and several city councillors from the party said privately that Skald could not stay in office.', 'The opposition has called an emergency council meeting for next week.', '[1]'],
    ],
    claims: [
      ['Anti-corruption police arrested the mayor of Corvallen, Ruben Skald, at his home early on Tuesday.', 'confirmed',
        { 'Saltmarsh Press Agency': 'confirm', 'The Corvallen Herald': 'confirm', 'Radio Kestmark': 'confirm', 'The Norrow Daily': 'confirm' }],
      ['Prosecutors accuse Skald of taking bribes worth 1.2 million crowns from the building firm Marrow & Dahl in return for city contracts.', 'conflicting',
        { 'Saltmarsh Press Agency': 'confirm', 'The Corvallen Herald': 'dispute', 'Radio Kestmark': 'dispute' }],
      ['Two deputy mayors were also detained and questioned.', 'conflicting',
        { 'Saltmarsh Press Agency': 'confirm', 'The Norrow Daily': 'dispute' }],
      ['Skald has said he will not resign.', 'conflicting',
        { 'Radio Kestmark': 'confirm', 'The Norrow Daily': 'dispute' }],
      ['Marrow & Dahl has won city contracts worth more than 40 million crowns since 2023.', 'confirmed',
        { 'The Corvallen Herald': 'confirm' }],
      ['Investigators found about 300,000 crowns in cash hidden in the mayor\'s garage during the search.', 'disputed',
        { 'The Corvallen Herald': 'discuss', 'Radio Kestmark': 'discuss', 'The Norrow Daily': 'dispute' }],
    ],
    notClaims: ['It is a sad day for a city that believed it had finally elected an honest man.', 'Who in Corvallen will trust city hall now?'],
  },
  {
    slug: 'halvern-merrit-closure', outlet: 'The Sallow Bay Post', domain: 'www.sallowbay-post.example', date: '2026-02-05T07:00:00+01:00',
    headline: 'Merrit loses its glassworks, and a town asks what comes next', standfirst: 'After 68 years, the furnaces will go out. The workers were told in a canteen in twenty minutes.',
    dateline: 'MERRIT — ',
    paragraphs: [
      ['{0}', 'The news was given to the works council in the factory canteen on Wednesday morning, and to the rest of the staff by letter an hour later.'],
      ['Outside the gates at the afternoon change of shift, few people wanted to talk.', '"My father worked here, and my grandfather," said Piet Aalst, a furnace operator for 26 years.', '"I thought my son would too."'],
      ['{1}', 'The chief executive, Gustav Renholm, said the company had "tried everything" but that the numbers no longer added up, and that the plant\'s two furnaces would soon need rebuilding at great cost.', 'Halvern shares rose on the news.'],
      ['The factory was opened in 1958 and is by far the largest employer in the town of 18,000 people.', 'It makes about 900 million bottles a year for brewers and wine makers, and hundreds more jobs depend on it at suppliers, hauliers and shops.'],
      ['[0]'],
      ['The union does not accept the company\'s reasons.', '{2}', 'Halvern opened the Garvik plant four years ago and has since moved some of its production there.', 'The union has called a protest march through Merrit for Saturday.'],
      ['{4}', 'That figure, from the plant\'s internal monthly reports for last year, is hard to square with the company\'s account of a factory that can no longer pay its way.', 'Halvern did not respond to questions about the figures on Wednesday.'],
      ['Nor is it the first time the company and the region have talked about Merrit.', '{3}', 'Halvern said on Wednesday that the package would not have covered the plant\'s losses.', 'The regional economy minister, Tove Lindahl, said she was "angry and disappointed" and would meet the company and the unions next week.'],
      ['For the workers, the question now is whether there will be anything else for them in Merrit.', 'The town\'s only other large employer, a dairy, has about 300 staff.', 'Many of those who lose their jobs are in their fifties and have never worked anywhere else.', '[1]'],
    ],
    claims: [
      ['Halvern Glass will close its bottle factory in Merrit by the end of next year, with the loss of 1,150 jobs.', 'confirmed',
        { 'Radio Kestmark': 'discuss', 'Saltmarsh Press Agency': 'confirm', 'Industry Ledger': 'confirm' }],
      ['The company blamed the cost of energy, which it said had tripled since 2022.', 'confirmed',
        { 'Saltmarsh Press Agency': 'confirm', 'Industry Ledger': 'confirm' }],
      ['The work done in Merrit will move to Halvern\'s newer plant in Garvik, across the border, where energy is cheaper.', 'disputed',
        { 'Saltmarsh Press Agency': 'discuss', 'Industry Ledger': 'dispute' }],
      ['The regional government offered the company 20 million crowns last autumn to keep the plant open, but Halvern turned the money down.', 'conflicting',
        { 'Saltmarsh Press Agency': 'confirm', 'The Norrow Daily': 'dispute' }],
      ['The Merrit plant made a profit of about 6 million crowns last year, according to figures seen by the Post.', 'disputed',
        { 'Radio Kestmark': 'discuss', 'The Norrow Daily': 'dispute' }],
    ],
    notClaims: ['It is hard to imagine Merrit without the glow of its furnaces over the rooftops.', 'What is a glass town without its glass?'],
  },
  {
    slug: 'aurelia-dawn-outbreak', outlet: 'The Porthaven Chronicle', domain: 'www.porthaven-chronicle.example', date: '2026-04-16T07:00:00+02:00',
    headline: 'Sick ship: the Aurelia Dawn turned away with hundreds ill on board', standfirst: 'A dream holiday has become a week in a cabin for 1,900 passengers, most of them pensioners.',
    dateline: 'PORTHAVEN — ',
    paragraphs: [
      ['{0}', 'The outbreak began on Sunday, a day after the ship left the port of Olvenna, and spread within days through the ship\'s decks and its crew quarters.'],
      ['The Aurelia Dawn, operated by Solenne Cruises, left Porthaven twelve days ago on a two-week voyage along the coast.', 'Most of its passengers are retired couples, many of them from this city, and several families here have spent the week on the telephone to relatives on board.'],
      ['{4}', 'The ship\'s restaurants, bars and theatre are closed, and crew members in masks and gloves are disinfecting handrails, lifts and door handles around the clock.', '"It is like a hospital at sea," said one passenger, a retired nurse from Porthaven, in a message to her daughter.'],
      ['{1}', 'The port authority there said on Wednesday evening that it would not take the risk of the illness spreading on shore.', 'The voyage to Veshen will take about a day and a half.'],
      ['{2}', 'His wife, who is also on board, has been told she can stay with the ship\'s doctor until it reaches port.', 'Solenne Cruises said its thoughts were with the family and that it could not say more for reasons of privacy.'],
      ['[0]'],
      ['{3}', 'Several passengers said they had fallen ill within a day of eating at the buffet, which was held in a marquee on the quay.', 'The Ostrane Health Agency said it had taken food samples from the ship and would have results within days.'],
      ['Norovirus spreads very easily in closed places such as ships, schools and care homes.', 'It causes vomiting and diarrhoea, and most people recover within two or three days, but it can be dangerous for the very old and for people who are already ill.'],
      ['{5}', 'The company said then that it had cleaned the ship from top to bottom and changed the way food was served on board.', 'Solenne Cruises did not answer questions on Wednesday about whether the same steps had been taken this time.', '[1]'],
    ],
    claims: [
      ['More than 200 passengers and crew on the cruise ship Aurelia Dawn have fallen ill with norovirus.', 'confirmed',
        { 'Saltmarsh Press Agency': 'confirm', 'Radio Kestmark': 'confirm', 'Travel Health Monitor': 'confirm' }],
      ['The ship was refused permission to dock at Calder on Wednesday and is now sailing back to its home port of Veshen.', 'conflicting',
        { 'Saltmarsh Press Agency': 'confirm', 'The Norrow Daily': 'dispute' }],
      ['An 81-year-old passenger who had caught the virus died on board on Wednesday.', 'conflicting',
        { 'Radio Kestmark': 'confirm', 'Travel Health Monitor': 'dispute' }],
      ['Health officials believe the outbreak began with oysters served at a buffet during the ship\'s stop in Olvenna on Saturday.', 'unverified',
        { 'Saltmarsh Press Agency': 'discuss', 'Travel Health Monitor': 'discuss' }],
      ['Passengers have been told to stay in their cabins, and meals are being left at their doors.', 'confirmed',
        { 'Saltmarsh Press Agency': 'confirm', 'Radio Kestmark': 'confirm' }],
      ['The Aurelia Dawn had a smaller norovirus outbreak last November, when about 90 people fell ill.', 'conflicting',
        { 'Travel Health Monitor': 'confirm', 'The Norrow Daily': 'dispute' }],
    ],
    notClaims: ['No one who saves for years for the holiday of a lifetime deserves to spend it like this.', 'Why were the passengers not warned about the ship\'s record?'],
  },
];

writeNewsSet(import.meta.dirname, { domains, corpus, pages });
