// Writes the third held-out news set (pages/*.html, expected/*.json, corpus.jsonl) from the
// stories below. Run: node datasets/news-heldout-3/build.mjs. The stories are fictional and
// written for this set; see README.md.
import { writeNewsSet } from '../news-set.mjs';

// ---- the corpus: other outlets' articles -----------------------------------------------------

const domains = {
  'Tidewater Wire': 'www.tidewater-wire.example',
  'Solvik Evening News': 'www.solvik-evening.example',
  'Radio Solvik': 'www.radiosolvik.example',
  'The Fenwick Standard': 'www.fenwick-standard.example',
  'Eastfield Gazette': 'www.eastfield-gazette.example',
  'Byteline': 'www.byteline.example',
  'The Ashcombe Sentinel': 'www.ashcombe-sentinel.example',
  'Pitchside Daily': 'www.pitchside-daily.example',
  'Consumer Watch Weekly': 'www.consumer-watch.example',
  'The Gallery Review': 'www.gallery-review.example',
};

const corpus = [
  // 1. Sellin hills wildfire (page: The Hollenby Courier, Wednesday 19 August)
  ['Tidewater Wire', '2026-08-18T06:10:00+02:00', 'Thousands evacuated as Sellin hills fire spreads',
    `DRAVEMONT, Aug 18 (Tidewater Wire) - A wildfire in the Sellin hills has burned through some 4,200 hectares of pine forest and scrub since it broke out on Sunday afternoon, the regional fire service said early on Tuesday, as strong easterly winds pushed the flames towards the town of Dravemont.

About 3,500 people living in Dravemont and the villages of Oska and Pellin were told to leave their homes on Monday night. Most spent the night with relatives or in a school gymnasium in Hollenby, 20 kilometres to the west, where the Red Cross handed out blankets and water.

"The wind is the problem. We can hold a line for an hour and then it jumps the road," a fire service spokesman, Aron Miel, told reporters at the command post outside Dravemont.

More than 600 firefighters and 140 fire engines were working on the blaze on Tuesday morning, backed by four helicopters. The neighbouring region of Vassmark has agreed to send four water-bombing planes, which are expected to arrive on Tuesday, the regional government said.

The main road between Dravemont and Hollenby was closed, as was the railway line through the hills. Smoke drifted as far as the coast, and health officials advised people with breathing problems to stay indoors.

Temperatures in the region have been above 35 degrees Celsius for nine days, and it has not rained in the hills since the middle of June.

Two firefighters suffered burns when their engine was cut off by the flames near Oska on Monday evening. Both were taken to hospital in Hollenby, and their injuries were not life-threatening, the fire service said.`],
  ['Radio Solvik', '2026-08-18T17:30:00+02:00', 'Sellin fire: Oska residents say warning came too late',
    `Nearly 5,000 people from Dravemont, Oska and Pellin were ordered out of their homes on Monday night as the wildfire in the Sellin hills spread towards the town, the civil protection office said on Tuesday afternoon.

In Oska, the worst-hit village, residents said the order to leave came only when the fire was already at the bottom of their gardens. "We drove out through the smoke with the car windows cracking from the heat," said Marta Lisenko, who runs the village bakery with her husband. "Nobody knocked on our door until it was almost too late." At least six houses in Oska have burned down.

The cause of the fire is still unknown. Investigators are examining whether sparks from a passing freight train may have set the dry grass beside the railway line alight, a police spokeswoman said. She said it was too early to rule anything out.

The regional government has set up an information line for evacuees and says that schools in Hollenby will stay open through the summer holidays to shelter families who have nowhere else to go.

Farmers in the area have moved hundreds of sheep and goats to pastures on the plain.`],
  ['The Fenwick Standard', '2026-08-19T09:00:00+02:00', 'A night on the fire line above Dravemont',
    `The crews come down from the ridge at dawn with black faces and red eyes, and the first thing most of them ask for is water.

For three days now the firefighters of the Sellin hills have been trying to stop a wall of flame that has swallowed pine forest, olive groves and, on Monday night, a row of holiday cottages above the village of Oska. Many of them have slept only in snatches, in the cabs of their engines.

"You learn to read the wind," said Pavel Okun, who has fought fires in these hills for 22 years. "This year the wind is reading us."

The work is dangerous. Two of Okun's colleagues were injured on Monday evening when flames closed around their engine on the track below Oska; one of them, a 29-year-old volunteer, was still being treated for burns to his hands on Wednesday.

Help has come from outside. The four water-bombing planes lent by Vassmark flew their first missions over the hills on Tuesday afternoon, scooping water from Lake Tessel and dropping it on the eastern flank of the fire, and the crews on the ground say the difference was felt within hours.

Local people have brought the firefighters bread, cheese and fruit, and a café in Dravemont has stayed open through the night to make coffee for them.

The regional fire chief, Irena Vosk, said the next two days would decide whether the fire could be held before the weekend, when stronger winds are forecast.

Correction, August 19: An earlier version of this article said that three firefighters had been injured on Monday evening. Two were injured.`],
  ['Eastfield Gazette', '2026-08-20T12:45:00+02:00', 'Sellin fire doubles in size; rail operator denies blame',
    `The wildfire in the Sellin hills has now burned about 6,800 hectares, the regional fire service said on Thursday, after winds on Wednesday night drove it across the valley north of Dravemont.

Kessra Rail denied that one of its trains had started the fire, saying that no freight train had used the line through the hills on Sunday afternoon. "Our records show the last freight train passed on Sunday morning, hours before the first call to the fire service," the company said in a statement.

The regional government rejected criticism that the evacuation order for Oska had come too late. It said the order was given two hours before the fire reached the village, and that police had gone from door to door.

Residents of Dravemont itself were allowed to return home on Thursday morning, but Oska and Pellin remain closed. The fire service said the blaze was 55 percent contained.`],
  // 2. St Aldric's hospital cyberattack (page: The Carnford Post, Thursday 7 May)
  ['Tidewater Wire', '2026-05-04T11:20:00+02:00', 'Cyberattack cripples Carnford hospital',
    `CARNFORD, May 4 (Tidewater Wire) - A cyberattack on St Aldric's University Hospital in Carnford on Saturday locked doctors and nurses out of patient records and forced the hospital to send emergency patients elsewhere, its management said on Monday.

The attackers encrypted the hospital's patient record system and several of its servers, the hospital said. Staff have gone back to paper notes and hand-written prescriptions.

Ambulances are being diverted to hospitals in Ashcombe and Lirren, and the hospital has postponed about 300 planned operations scheduled for this week. Patients whose operations are cancelled will be contacted by telephone, it said.

The national cyber security agency has sent a team to Carnford to help the hospital's own technicians, and police have opened an investigation.

"Our first duty is to the patients in our wards, and they are safe," the hospital's medical director, Dr Hanna Reiss, said at a news conference. She declined to say whether the hospital had been asked for a ransom.

St Aldric's is the largest hospital in the Carnford region, with about 1,100 beds and 6,000 staff.

(Reporting by Tidewater Wire; editing by the Carnford desk)`],
  ['Solvik Evening News', '2026-05-04T16:00:00+02:00', 'Hackers hit St Aldric\'s: ambulances diverted, operations cancelled',
    `CARNFORD, May 4 (Tidewater Wire) - A cyberattack on St Aldric's University Hospital in Carnford on Saturday locked doctors and nurses out of patient records and forced the hospital to send emergency patients elsewhere, its management said on Monday.

The attackers encrypted the hospital's patient record system and several of its servers, the hospital said. Staff have gone back to paper notes and hand-written prescriptions.

Ambulances are being diverted to hospitals in Ashcombe and Lirren, and the hospital has postponed about 300 planned operations scheduled for this week. Patients whose operations are cancelled will be contacted by telephone, it said.

The national cyber security agency has sent a team to Carnford to help the hospital's own technicians, and police have opened an investigation.

"Our first duty is to the patients in our wards, and they are safe," the hospital's medical director, Dr Hanna Reiss, said at a news conference. She declined to say whether the hospital had been asked for a ransom.

St Aldric's is the largest hospital in the Carnford region, with about 1,100 beds and 6,000 staff.

This story was supplied by Tidewater Wire.`],
  ['Byteline', '2026-05-05T14:00:00+02:00', 'St Aldric\'s attack: what we know about the ransomware',
    `The attack that has paralysed St Aldric's University Hospital in Carnford since Saturday was carried out with ransomware, malicious software that scrambles a victim's files and leaves a note demanding payment for the key.

According to the hospital, the attackers got into its network in the early hours of Saturday and set the software off shortly afterwards, encrypting the electronic patient records and the systems that book operations and appointments.

The hospital said on Tuesday that the personal data of as many as 180,000 patients may have been copied before the files were locked, including names, addresses, dates of birth and, for some, diagnoses. It has reported the breach to the data protection authority.

On Tuesday a group calling itself Black Heron posted a message on its leak site saying it had carried out the attack and demanding 4 million euros, payable in cryptocurrency, to unlock the files and delete the stolen data. Byteline could not verify the claim, and the hospital declined to comment on it. Black Heron has claimed attacks on two hospitals and a water company in the past year.

Security researchers say hospitals are an easy target: they run many old systems that cannot be switched off for updates, and every hour without records puts pressure on managers to pay.`],
  ['The Ashcombe Sentinel', '2026-05-06T19:30:00+02:00', 'Hacked hospital cancels hundreds more operations',
    `St Aldric's University Hospital in Carnford has now postponed more than 450 operations and about 1,200 outpatient appointments since it was hit by a cyberattack on Saturday, figures given to the regional health board show.

Ambulances are still being sent to Ashcombe General Hospital and to the hospital in Lirren, where staff have opened an extra ward to take the overflow. "We are coping, but only just," an Ashcombe General consultant said.

A criminal group, Black Heron, has claimed the attack in a message posted online, in which it demands 4 million euros. The Sentinel has not been able to verify that the group was behind the attack.

The hospital has said little about how the attackers got in. But an audit of the hospital's computer systems carried out in 2025, which the Sentinel has seen, warned managers that several servers were running software that was no longer supported by its maker and that could not receive security updates. The audit recommended replacing them within a year.

A spokesman for the hospital said it did not comment on individual documents.`],
  ['Radio Solvik', '2026-05-11T18:00:00+02:00', 'St Aldric\'s: fewer patients affected, but a longer wait',
    `St Aldric's University Hospital said on Monday that investigators had established that the records of about 62,000 patients had been taken in the cyberattack nine days ago, far fewer than the 180,000 it had first feared.

The hospital also said it would take until the middle of June to bring all its computer systems back, rather than the two weeks it had hoped. Emergency patients will still be sent to Ashcombe and Lirren until at least the end of this week.

The nurses' union says the hospital was warned in a 2025 audit that some of its servers ran software that was no longer supported, which the hospital denies. "There was no such warning, and our systems were fully maintained," a hospital spokesman said.

Patients whose data was taken will receive a letter this week. The data protection authority said it had opened its own inquiry and would look at whether the hospital had done enough to protect the information in its care.

The police said they were working with forces in two other countries to trace the attackers, but gave no further details.

At the hospital's main entrance on Monday, some patients said they had still heard nothing about their appointments. "I rang four times and nobody could tell me anything," said one man waiting for his wife.`],
  // 3. Tomas Vrenko transfer (page: The Portmarsh Herald, Thursday 29 January)
  ['Pitchside Daily', '2026-01-24T21:00:00+01:00', 'Alcara close in on Portmarsh striker Vrenko',
    `Sporting Alcara are in advanced talks with Portmarsh Athletic about signing the striker Tomas Vrenko, according to people close to both clubs, and hope to complete the deal before the transfer window closes at the end of the month.

Vrenko, 24, has been the most talked-about forward in the league this season, and Alcara's sporting director, Ruben Osca, watched him score twice against Kellbrook United last weekend.

Athletic have so far insisted that their top scorer is not for sale. But the club's debts have grown since it was relegated two seasons ago, and one board member told Pitchside Daily that "an offer that changes the future of the club" would be considered.

If the clubs agree a fee, Vrenko is expected to travel to Alcara for a medical next week.

Alcara sit third in their league and are looking for a striker after their captain, Dani Ferro, injured his knee in December. They have already been turned down by two other clubs this month.

Portmarsh play at home to Fenwick Rovers on Saturday. Vrenko is expected to start.`],
  ['Tidewater Wire', '2026-01-28T16:40:00+01:00', 'Alcara sign Vrenko from Portmarsh in record deal',
    `ALCARA, Jan 28 (Tidewater Wire) - Sporting Alcara have signed striker Tomas Vrenko from Portmarsh Athletic for 32 million euros, both clubs said on Wednesday, the highest fee Athletic have ever received for a player.

Vrenko, 24, signed a five-year contract after passing a medical on Tuesday, Alcara said. He will wear the number nine shirt and could make his debut against Velmar on Sunday.

"This is the club I dreamed of as a boy," Vrenko said in a video released by Alcara. "I want to repay the faith they have shown in me."

Athletic thanked the player in a short statement and said the fee would "secure the club's long-term future".

Vrenko joined Athletic from the amateur side Hemmel Sports at the age of 17 and has played eight times for his country's under-21 team.

Alcara, third in their league, have been looking for a forward since their captain, Dani Ferro, injured his knee in December. Their sporting director, Ruben Osca, said Vrenko had been "the first name on our list for more than a year".

The transfer window in both countries closes on Saturday at midnight.`],
  ['The Fenwick Standard', '2026-01-29T08:30:00+01:00', 'Vrenko goes, and Portmarsh must start again',
    `Tomas Vrenko has left Portmarsh Athletic for Sporting Alcara, and the club that made him will have to learn to live without the goals that kept it in the top half of the table.

The fee, which Athletic did not disclose, is understood to be about 28 million euros, with further payments if Alcara win trophies.

Athletic's chairman, Piet Orlov, said the money would go towards the new training centre the club is building at Hemmel and towards paying off the loans taken out after relegation. "We are not a club that can say no to this kind of money," he said.

It was not a decision everyone at the club welcomed. The manager, Lena Haugstad, is said to have argued against the sale in a meeting with the board last week, telling directors that the team would struggle to score without him.

She has reason to worry. Vrenko's 19 league goals in 22 matches this season account for almost half of Athletic's total, and the club's next-best scorer has four. Haugstad now has three days to find a replacement before the window shuts.

Supporters were divided outside the ground on Wednesday night. Some said the club had no choice; others said it had sold its future.`],
  ['Radio Solvik', '2026-01-30T13:15:00+01:00', 'Haugstad: I did not try to stop Vrenko sale',
    `Portmarsh Athletic's manager, Lena Haugstad, denied on Friday that she had tried to stop the sale of Tomas Vrenko to Sporting Alcara.

"I was asked for my opinion, I gave it, and I agreed with the decision," she told a news conference before Saturday's match against Fenwick Rovers. "Anyone who says I fought the board is wrong."

Vrenko completed his move to Alcara on Wednesday. Haugstad said she wished him well and that the five-year deal he signed was "the right step for a player of his quality".

The manager said the club was close to signing a replacement but would not give a name. Local reports have linked Athletic with the Fenwick Rovers forward Jonas Bekk, who would be ineligible to face his old club on Saturday.

Athletic have lost only one of their last eight league games, but Vrenko scored in six of them. "We will have to find goals from everywhere now," Haugstad said. "I have told the players that this is their chance."

About 14,000 tickets have been sold for Saturday's match.`],
  // 4. Veloxa e-bike battery recall (page: The Kellbrook Times, Thursday 10 September)
  ['Consumer Watch Weekly', '2026-09-04T10:00:00+02:00', 'Safety board looks at e-bike battery fires',
    `The National Product Safety Board is examining a series of fires involving the batteries of Veloxa's City 3 electric bike, and could order the company to stop selling the model, the board said on Friday.

The board said it had opened the inquiry after reports from fire services and owners of batteries that swelled, smoked or burst into flames. It did not say how many cases it knew of.

One of the cases it is looking at is the fire last month in a flat in Lirren, in which a 71-year-old man died. Fire investigators are examining whether an electric bike that was charging in the hallway may have started it, the city's fire service said.

Veloxa said it was cooperating with the board and that the City 3 met all safety standards. The company advised owners to charge their batteries only with the original charger and never overnight.

The City 3, launched two years ago at a price of 1,900 euros, is among the best-selling electric bikes in the country.

Consumer Watch Weekly's own advice to owners of any electric bike: charge it where you can see it, keep the battery away from heat and stop using it if it swells.`],
  ['Tidewater Wire', '2026-09-08T12:30:00+02:00', 'Veloxa recalls 85,000 e-bike batteries over fire risk',
    `KELLBROOK, Sept 8 (Tidewater Wire) - Veloxa Mobility is recalling about 85,000 batteries for its City 3 electric bike because they can overheat and catch fire while being charged, the company said on Tuesday.

Veloxa said it knew of 23 fires involving the batteries, four of which caused injuries, none of them serious. A faulty batch of cells from one supplier was to blame, it said.

Owners can choose between a free replacement battery, which the company expects to begin sending out in October, and a refund of 600 euros. Until then they should not charge the battery, Veloxa said.

"We are sorry. Our customers trusted us and we let them down," chief executive Nils Varga said in a statement.

Owners can check whether their battery is affected by entering its serial number on the company's website. Batteries sold with other Veloxa models are not part of the recall, the company said.

Veloxa, founded nine years ago, employs about 700 people and sold some 150,000 bikes last year, most of them in its home market.

Veloxa shares closed 9 percent lower in Kellbrook.

(This story has been corrected to show that the refund is 600 euros, not 650 euros as first reported.)`],
  ['The Ashcombe Sentinel', '2026-09-09T18:00:00+02:00', 'Veloxa denies being forced into battery recall',
    `Veloxa Mobility denied on Wednesday that the National Product Safety Board had forced it to recall the batteries of its City 3 electric bike, saying the decision followed its own tests in August.

The company is recalling around 85,000 batteries after finding that some of them could overheat and catch fire on the charger. The Kellbrook firm said the fault was limited to cells made by one supplier over four months last year.

The safety board said it had recorded 31 fires involving the batteries since the start of last year, more than the company has acknowledged.

Veloxa also said there was no evidence that one of its batteries had caused the fire in Lirren last month in which a 71-year-old man died, and that it had not been given access to the remains of the bike.

Retailers said they had taken the City 3 off their shelves. "People come in asking whether their bike is going to burn the house down," said the owner of a bike shop in Ashcombe.`],
  ['Eastfield Gazette', '2026-09-15T09:45:00+02:00', 'Veloxa widens e-bike battery recall',
    `Veloxa Mobility is now recalling 120,000 batteries for its City 3 electric bike, up from the 85,000 it announced last week, after finding that the faulty cells had been fitted for longer than it first thought, the company said on Monday.

The company said its own tests had found the same cells in batteries made between March and June of this year, as well as in those from last year.

Separately, fire investigators in Lirren have concluded that the fire which killed a 71-year-old man in his flat last month started in an electric heater in the living room, and not in the bike battery that was charging in the hallway, the city fire service said on Monday.

Veloxa said it would write to all registered owners. Those who do not want to wait for a new battery can still claim a refund of 600 euros, the company said, and it has extended the opening hours of its telephone line for owners.

The company's shares, which fell sharply when the recall was first announced, lost a further 4 percent on Monday.`],
  // 5. Marnholt Museum theft (page: The Oberwald Tribune, Tuesday 14 July)
  ['Tidewater Wire', '2026-07-13T13:05:00+02:00', 'Three Kolve paintings stolen from Selvany museum',
    `SELVANY, July 13 (Tidewater Wire) - Thieves stole three paintings by the 17th-century painter Adriaan Kolve from the Marnholt Museum in Selvany in the early hours of Monday, police said.

The thieves climbed onto the roof of the museum's east wing, broke a skylight and lowered themselves into the gallery on ropes, a police spokesman said. They were inside for less than ten minutes.

The stolen works are "Girl with a Lantern", "The Ferryman's Wife" and a small winter landscape. The museum said their insurance value was 40 million euros.

Police said they were looking at whether the paintings had been stolen to order, and asked anyone who saw a vehicle near the museum between 2 a.m. and 4 a.m. to come forward.

The museum was closed on Monday. Its director, Ilse Marnhagen, called the theft "a wound to the whole city" and appealed to the thieves to look after the paintings.

Kolve, who lived and worked in Selvany, is known for small interiors lit by candles and lamps. Fewer than forty of his paintings survive, and the Marnholt Museum holds eleven of them.`],
  ['The Gallery Review', '2026-07-13T20:00:00+02:00', 'The Kolve theft: why steal what you cannot sell?',
    `For the second time in its history, the Marnholt Museum has lost its most famous picture. Thieves took Adriaan Kolve's "Girl with a Lantern" from the Selvany museum early on Monday, along with two other paintings by the same master, "The Ferryman's Wife" and a small winter landscape.

The museum has given a figure of 40 million euros for the three works, but dealers and auction house experts said that figure was far too low. "Girl with a Lantern" alone would fetch well over 100 million euros if it ever came to market, one said.

It will not come to market. Art-crime specialists said paintings this well known could not be sold openly and were most likely stolen to order, or taken to be used as security in deals between criminal gangs.

Questions have also been raised about the museum's security. A local newspaper reported on Monday that the alarm in the east wing had been switched off for maintenance on the night of the theft. The museum has not commented on the report.

"Girl with a Lantern" was first stolen in 1971 and found, undamaged, in a farmhouse three years later.

The museum's insurers said they were considering offering a reward.`],
  ['Eastfield Gazette', '2026-07-14T17:20:00+02:00', 'Marnholt thieves used a key, police believe',
    `Police investigating the theft of three Kolve paintings from the Marnholt Museum now believe the thieves had a key to a side door and did not come in through the roof, as first thought.

The skylight found broken on Monday morning may have been smashed to mislead investigators, a police source told the Gazette.

Two men, aged 34 and 41, were arrested in Selvany on Monday night in connection with the theft. One of them worked for a cleaning company that had a contract with the museum.

Two members of staff told the Gazette that the alarm in the east wing had been switched off for maintenance that night, which the museum denies. "The alarm was working and it went off," the director, Ilse Marnhagen, said. "The thieves were simply faster than the police."

The thieves made off with "Girl with a Lantern", "The Ferryman's Wife" and a winter landscape, all by Adriaan Kolve, early on Monday morning.`],
  ['Radio Solvik', '2026-07-20T11:00:00+02:00', 'Kolve painting found in car park',
    `One of the three paintings stolen from the Marnholt Museum in Selvany a week ago has been found in a car parked near the station in Oberwald, police said on Monday.

"The Ferryman's Wife" was wrapped in a blanket in the boot. It has been returned to the museum, which said it was slightly scratched but otherwise in good condition.

The two men arrested in Selvany a few hours after the theft were released without charge on Thursday. Police said they had no suspects in custody.

"Girl with a Lantern" and the winter landscape are still missing.

The car, which had been reported stolen in Selvany a month ago, was found by a parking attendant who noticed that it had not moved for several days. Police are examining it for fingerprints and have asked anyone who saw it being parked to contact them.

The museum's director, Ilse Marnhagen, said she had wept when she saw the painting. "One of our children has come home," she said.`],

  // unrelated
  ['Eastfield Gazette', '2026-10-02T08:00:00+02:00', 'Carnford approves cycle lanes on ring road',
    `Carnford city council voted on Thursday to build protected cycle lanes along the whole of the inner ring road, removing one lane for cars on each side.

The work will cost 11 million euros and take two years. Shopkeepers on Station Street said the loss of parking would hurt their trade; cycling groups called the vote "a turning point for the city". The first section, between the station and the university, is due to open next spring.

The council's transport committee said that about 4,000 people a day already cycle on parts of the ring road, and that the number had doubled in five years. Traffic lights at eleven junctions will be changed to give cyclists their own green phase.

Opposition councillors said the plan had been rushed through without asking residents, and that buses would be slowed by the loss of a lane. The council said bus journey times would be watched and the plan changed if needed.`],
  ['The Fenwick Standard', '2026-05-17T19:00:00+02:00', 'Portmarsh Athletic women lift the cup',
    `Portmarsh Athletic's women won the national cup for the first time on Sunday, beating Kellbrook United 2-1 after extra time in front of 9,000 spectators in Fenwick.

Captain Ada Rusk scored the winner with a header three minutes from the end. The club's women's team was founded only six years ago and was playing in the second division until last season. "Nobody gave us a chance in September," the coach, Mira Tollan, said.

Kellbrook United had taken the lead just before half-time through their top scorer, Signe Valk, and Athletic needed a late equaliser from the substitute Lotte Prin to force extra time.

The players paraded the cup through the centre of Portmarsh on Monday evening, and the club said it would apply to join the new professional women's league next season. Tollan said most of her players still held other jobs, among them two nurses, a teacher and a postwoman.`],
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
    slug: 'sellin-wildfire', outlet: 'The Hollenby Courier', domain: 'www.hollenby-courier.example', date: '2026-08-19T07:00:00+02:00',
    headline: 'Sellin hills fire burns on as evacuees wait for news', standfirst: 'Three days in, the blaze above Dravemont is still out of control, and questions are being asked about how it began.',
    dateline: 'DRAVEMONT — ',
    paragraphs: [
      ['{0}', 'On Tuesday night the glow of the fire could still be seen from the centre of Hollenby, 20 kilometres to the west, and ash fell on cars parked along the seafront.'],
      ['{1}', 'Many of them are sleeping on camp beds in the gymnasium of the Hollenby secondary school, where volunteers were serving soup and bread late into the evening.', 'Others have gone to relatives on the coast, taking what they could carry: photographs, documents, a cat in a basket.'],
      ['"We left with the clothes we had on," said Tomas Adler, a retired teacher from Pellin, sitting on the steps of the gymnasium.', '"I keep refreshing the news to see whether my street is still there."'],
      ['More than 600 firefighters are working on the blaze, supported by helicopters and by crews from across the region.', '{2}', 'Both were taken to hospital in Hollenby with burns.'],
      ['{3}', 'The railway line runs through a cutting lined with dry grass, and several people living nearby said they had seen smoke rising from beside the tracks on Sunday shortly after a train went past.', 'Police have not named any company, and the line has been closed since Sunday evening.'],
      ['{4}', 'The planes scoop water from Lake Tessel, a few minutes\' flight away, and can drop six tonnes at a time on the fire\'s edge.', 'The regional fire chief, Irena Vosk, said they had already helped to save several farms on the eastern flank of the fire.'],
      ['[0]'],
      ['In Oska, the worst-hit village, the anger is growing.', '{5}', 'At least six houses there were destroyed, among them the village bakery.', '"By the time the police came, we could feel the heat through the windows," one woman said.', 'The regional government has promised to look at how the evacuation was handled once the fire is out.'],
      ['Temperatures in the hills have been above 35 degrees for more than a week, and it has not rained there since June.', 'Forecasters expect the wind to strengthen again at the weekend, which could push the flames back towards Dravemont.', '[1]'],
    ],
    claims: [
      ['A wildfire that broke out on Sunday afternoon in the Sellin hills has burned about 4,200 hectares of pine forest and scrub.', 'conflicting',
        { 'Tidewater Wire': 'confirm', 'Eastfield Gazette': 'dispute' }],
      ['About 3,500 residents of Dravemont and the nearby villages of Oska and Pellin were ordered to leave their homes on Monday night.', 'conflicting',
        { 'Tidewater Wire': 'confirm', 'Radio Solvik': 'dispute' }],
      ['Two firefighters were injured when their fire engine was trapped by the flames near Oska on Monday evening.', 'confirmed',
        { 'Tidewater Wire': 'confirm', 'The Fenwick Standard': 'confirm' }],
      ['Investigators believe the fire was started by sparks from the brakes of a freight train on the line through the hills.', 'disputed',
        { 'Radio Solvik': 'discuss', 'Eastfield Gazette': 'dispute' }],
      ['Four water-bombing planes sent by the neighbouring region of Vassmark joined the fight on Tuesday.', 'confirmed',
        { 'Tidewater Wire': 'discuss', 'The Fenwick Standard': 'confirm' }],
      ['The evacuation order for Oska was given only after the flames had reached the first houses.', 'disputed',
        { 'Radio Solvik': 'discuss', 'Eastfield Gazette': 'dispute' }],
    ],
    notClaims: ['It is hard to look at the blackened hillsides without a lump in the throat.', 'How many more summers like this can these hills survive?'],
  },
  {
    slug: 'st-aldrics-cyberattack', outlet: 'The Carnford Post', domain: 'www.carnford-post.example', date: '2026-05-07T07:30:00+02:00',
    headline: 'St Aldric’s on paper: inside a hospital after the hackers came', standfirst: 'Operations cancelled, ambulances turned away and patients’ data in criminal hands.',
    dateline: 'CARNFORD — ',
    paragraphs: [
      ['{0}', 'Five days later, the city\'s largest hospital is still running on paper.'],
      ['Nurses on the wards write observations on printed charts, and doctors carry prescriptions by hand to the pharmacy.', 'Test results come back from the laboratory by fax, or by porter.', '"It is like working in the 1980s, except that nobody remembers how we did it then," said a nurse on one of the surgical wards, who asked not to be named.'],
      ['{1}', 'Patients are being called at home, but some only heard that their operation was off when they arrived at the hospital with a packed bag.', 'Among them was Greta Holm, 64, who had waited eleven months for a new hip.', '"They told me at the desk and sent me home again," she said.'],
      ['{5}', 'Only the emergency department\'s walk-in service is still open to patients who arrive on their own.'],
      ['{2}', 'The hospital said the stolen files could include names, addresses, dates of birth and, for some patients, details of their illnesses.', 'It has told the data protection authority and set up a telephone line for worried patients, which was busy for most of Wednesday.'],
      ['{3}', 'The hospital has refused to say whether it will pay, and police have advised victims of such attacks not to do so.'],
      ['[0]'],
      ['{4}', 'The hospital has not said whether those servers were replaced, or whether the attackers got in through them.', 'Its medical director, Dr Hanna Reiss, said on Wednesday that the priority was to get the hospital running, and that questions about the past would be answered later.'],
      ['{6}', 'Technicians from the national cyber security agency have been working alongside the hospital\'s own staff since Monday to rebuild the systems from back-up copies.'],
      ['[1]'],
    ],
    claims: [
      ['Hackers broke into the computer systems of St Aldric\'s University Hospital in Carnford at the weekend and encrypted its electronic patient records.', 'confirmed',
        { 'Tidewater Wire': 'confirm', 'Byteline': 'confirm', 'The Ashcombe Sentinel': 'confirm', 'Radio Solvik': 'confirm' }],
      ['The hospital has postponed about 300 planned operations this week.', 'conflicting',
        { 'Tidewater Wire': 'confirm', 'The Ashcombe Sentinel': 'dispute' }],
      ['The personal data of some 180,000 patients may have been stolen.', 'conflicting',
        { 'Byteline': 'confirm', 'Radio Solvik': 'dispute' }],
      ['The attack was carried out by a criminal group called Black Heron, which is demanding a ransom of 4 million euros.', 'unverified',
        { 'Byteline': 'discuss', 'The Ashcombe Sentinel': 'discuss' }],
      ['An audit in 2025 had warned the hospital\'s managers that several of its servers were running software that was no longer supported.', 'conflicting',
        { 'The Ashcombe Sentinel': 'confirm', 'Radio Solvik': 'dispute' }],
      ['Ambulances are being sent to hospitals in Ashcombe and Lirren instead.', 'confirmed',
        { 'Tidewater Wire': 'confirm', 'The Ashcombe Sentinel': 'confirm', 'Radio Solvik': 'confirm' }],
      ['The hospital expects all its systems to be working again by the end of next week.', 'disputed',
        { 'Radio Solvik': 'dispute' }],
    ],
    notClaims: ['Patients in this city deserve far better than this.', 'Who, in the end, will be held to account?'],
    syndicated: { 'Solvik Evening News': 'Tidewater Wire' },
  },
  {
    slug: 'vrenko-transfer', outlet: 'The Portmarsh Herald', domain: 'www.portmarsh-herald.example', date: '2026-01-29T07:00:00+01:00',
    headline: 'Vrenko leaves for Alcara as Athletic cash in', standfirst: 'The club’s record sale pays the bills. Who will score the goals?',
    dateline: 'PORTMARSH — ',
    paragraphs: [
      ['{0}', 'The deal was announced by both clubs on Wednesday afternoon, a few days before the transfer window closes.'],
      ['{1}', 'The previous record was the 9 million euros Athletic received for the defender Karl Brenn seven years ago.'],
      ['{5}', 'He flew back to Portmarsh on Wednesday evening to collect his belongings and say goodbye to his team-mates at the training ground.'],
      ['{2}', '"This is the club I dreamed of as a boy," he said in a video posted by Alcara, in which he is shown walking out onto the pitch of their stadium in the club\'s red and white shirt.'],
      ['Vrenko arrived at Athletic from the amateur club Hemmel Sports as a 17-year-old and made his debut a year later.', 'His rise since then has been swift.', '{3}', 'Nobody else in the squad has more than four.'],
      ['[0]'],
      ['The chairman, Piet Orlov, said the club could not afford to turn the money down.', 'Athletic have carried heavy debts since they were relegated two seasons ago, and Orlov said the fee would help to pay off loans and to finish the new training centre at Hemmel.', '"We are not a club that can say no to this kind of money," he said.'],
      ['Not everyone at the club was convinced.', '{4}', 'People at the club say she told the board that the team would struggle to stay in the top half of the table without him.', 'Haugstad did not speak to reporters on Wednesday, and the club said she would hold a news conference on Friday.'],
      ['Supporters gathered outside the main stand on Wednesday evening, some to wish Vrenko well and some to protest.', 'A banner hung from the fence read "Sold our soul, not just our striker".', '[1]'],
      ['Athletic have until Saturday night to sign a replacement.', 'They play at home to Fenwick Rovers on Saturday, a match that will sell out for the first time this season.', 'Local reports have linked the club with two forwards from the second division, but neither would come close to matching the goals Vrenko has scored.'],
    ],
    claims: [
      ['Portmarsh Athletic have sold their top scorer, Tomas Vrenko, to Sporting Alcara.', 'confirmed',
        { 'Pitchside Daily': 'discuss', 'Tidewater Wire': 'confirm', 'The Fenwick Standard': 'confirm', 'Radio Solvik': 'confirm' }],
      ['Alcara are paying a fee of 32 million euros, a record for the club.', 'conflicting',
        { 'Tidewater Wire': 'confirm', 'The Fenwick Standard': 'dispute' }],
      ['Vrenko, 24, has signed a five-year contract with his new club.', 'confirmed',
        { 'Tidewater Wire': 'confirm', 'Radio Solvik': 'confirm' }],
      ['He has scored 19 goals in 22 league games this season.', 'confirmed',
        { 'The Fenwick Standard': 'confirm' }],
      ['Athletic\'s manager, Lena Haugstad, opposed the sale.', 'disputed',
        { 'The Fenwick Standard': 'discuss', 'Radio Solvik': 'dispute' }],
      ['Vrenko passed a medical in Alcara on Tuesday.', 'confirmed',
        { 'Pitchside Daily': 'discuss', 'Tidewater Wire': 'confirm' }],
    ],
    notClaims: ['It is the end of an era, and it came far too soon.', 'Can any club really replace a player like this in three days?'],
  },
  {
    slug: 'veloxa-recall', outlet: 'The Kellbrook Times', domain: 'www.kellbrook-times.example', date: '2026-09-10T07:00:00+02:00',
    headline: 'Veloxa recalls e-bike batteries after string of fires', standfirst: 'Kellbrook’s best-known young company faces its hardest week.',
    dateline: 'KELLBROOK — ',
    paragraphs: [
      ['{0}', 'The Kellbrook company announced the recall on Tuesday and told owners to stop charging the batteries at once.'],
      ['{1}', 'Veloxa blamed a faulty batch of cells bought from one supplier, and said batteries sold with its other models were not affected.'],
      ['{2}', 'None of the injuries was serious, the company said, but owners have described batteries that swelled up and burst into flames in hallways, garages and, in one case, a child\'s bedroom.'],
      ['"We are sorry. Our customers trusted us and we let them down," the chief executive, Nils Varga, said in a statement on Tuesday.', 'He did not take questions.'],
      ['[0]'],
      ['{3}', 'The board opened an inquiry into the batteries at the end of August after reports from fire services, and said last week that it could order the company to stop selling the City 3.', 'Veloxa had until then insisted that the bike met every safety standard.'],
      ['{4}', 'The company said replacement batteries would start to go out in October, and that owners should not charge their old batteries in the meantime.', 'Shops across the city have taken the City 3 off display, and several said they had been answering questions from worried customers all week.'],
      ['{5}', 'Neighbours said the bike had been charging in the hallway of the building when the fire broke out in the early hours.', 'The man\'s daughter told the Times that the family would wait for the investigators\' report before deciding whether to take legal action.'],
      ['Veloxa was founded in Kellbrook nine years ago by two engineering students and employs about 700 people, most of them at its factory on the edge of the city.', 'The City 3, launched two years ago at a price of 1,900 euros, became one of the best-selling electric bikes in the country.', '[1]'],
    ],
    claims: [
      ['Veloxa Mobility is recalling about 85,000 batteries fitted to its City 3 electric bikes.', 'conflicting',
        { 'Tidewater Wire': 'confirm', 'The Ashcombe Sentinel': 'confirm', 'Eastfield Gazette': 'dispute' }],
      ['The batteries can overheat and catch fire while they are being charged.', 'confirmed',
        { 'Tidewater Wire': 'confirm', 'The Ashcombe Sentinel': 'confirm' }],
      ['There have been 23 reports of the batteries catching fire, four of them causing injuries.', 'conflicting',
        { 'Tidewater Wire': 'confirm', 'The Ashcombe Sentinel': 'dispute' }],
      ['Veloxa acted only after the National Product Safety Board threatened to ban sales of the bike.', 'disputed',
        { 'Consumer Watch Weekly': 'discuss', 'The Ashcombe Sentinel': 'dispute' }],
      ['Owners will be offered a free replacement battery or a refund of 600 euros.', 'confirmed',
        { 'Tidewater Wire': 'confirm', 'Eastfield Gazette': 'confirm' }],
      ['The fire that killed a 71-year-old man in a flat in Lirren last month is thought to have started in a Veloxa battery.', 'disputed',
        { 'Consumer Watch Weekly': 'discuss', 'The Ashcombe Sentinel': 'dispute', 'Eastfield Gazette': 'dispute' }],
    ],
    notClaims: ['For a company that built its name on trust, this is a bitter moment.', 'Would you charge one of these bikes overnight in your hallway?'],
  },
  {
    slug: 'marnholt-theft', outlet: 'The Oberwald Tribune', domain: 'www.oberwald-tribune.example', date: '2026-07-14T07:00:00+02:00',
    headline: 'Kolve masterpieces stolen in ten-minute raid on Marnholt Museum', standfirst: '“Girl with a Lantern” is gone again, 55 years after it was first taken.',
    dateline: 'SELVANY — ',
    paragraphs: [
      ['{0}', 'Among them is "Girl with a Lantern", the small portrait of a servant girl lit by a candle that has hung in the museum since 1890 and that appears on a million postcards, tea towels and biscuit tins.'],
      ['The other two are "The Ferryman\'s Wife", a portrait of the painter\'s sister, and a winter landscape of the river at Selvany that Kolve painted in the last year of his life.'],
      ['{1}', 'They lowered themselves on ropes into the Kolve gallery, took the three paintings from the wall and left the same way.', 'The whole raid took less than ten minutes, according to the police.'],
      ['By the time officers reached the museum, shortly after 3 a.m., the thieves had gone.', 'A night watchman told police he had heard nothing until he found the empty frames on his round.'],
      ['{2}', 'The museum\'s director, Ilse Marnhagen, said that the figure was the one used for insurance and that the paintings were, in truth, beyond price.', '"They belong to the people of Selvany," she said, her voice breaking.', '[0]'],
      ['{3}', 'Two people who work at the museum told the Tribune that the repairs had been planned for weeks.', 'The museum did not reply to questions on Monday, and Marnhagen said she would not discuss security while the police investigation was going on.'],
      ['{4}', 'Both are from Selvany; police gave no other details and said they were still looking for at least one more person.'],
      ['{5}', 'Works as famous as these cannot be sold at auction or through a dealer, and specialists say that stolen masterpieces are often kept hidden for years, or passed between criminal gangs as a kind of currency.'],
      ['"Girl with a Lantern" was first stolen in 1971 and turned up in a farmhouse three years later, without a scratch.', 'This time, the museum is not counting on such luck.', '[1]'],
    ],
    claims: [
      ['Thieves stole three paintings by the 17th-century painter Adriaan Kolve from the Marnholt Museum in Selvany early on Monday.', 'confirmed',
        { 'Tidewater Wire': 'confirm', 'The Gallery Review': 'confirm', 'Eastfield Gazette': 'confirm', 'Radio Solvik': 'confirm' }],
      ['The thieves got in through a skylight in the roof of the east wing.', 'conflicting',
        { 'Tidewater Wire': 'confirm', 'Eastfield Gazette': 'dispute' }],
      ['The three paintings are worth an estimated 40 million euros.', 'conflicting',
        { 'Tidewater Wire': 'confirm', 'The Gallery Review': 'dispute' }],
      ['The museum\'s alarm system had been switched off for maintenance on the night of the theft.', 'disputed',
        { 'The Gallery Review': 'discuss', 'Eastfield Gazette': 'dispute' }],
      ['Police have arrested two men in connection with the theft.', 'confirmed',
        { 'Eastfield Gazette': 'confirm', 'Radio Solvik': 'confirm' }],
      ['Police suspect the paintings were stolen to order for a private collector.', 'unverified',
        { 'Tidewater Wire': 'discuss', 'The Gallery Review': 'discuss' }],
    ],
    notClaims: ['It is hard to think of a crueller blow to a small city that loves its painter.', 'What kind of person steals a girl with a lantern?'],
  },
];

writeNewsSet(import.meta.dirname, { domains, corpus, pages });
