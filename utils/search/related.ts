/**
 * A small hand-written table of words that news reports use interchangeably for the same event,
 * so that "seized the valley" can find "took control of the province". Each line is a group;
 * every word in a group is related to every other. Queries add related terms at a lower weight
 * (see QUERY_WEIGHTS.related), so an exact word always counts more than a stand-in.
 */
import { stem } from './stem';

const GROUPS = `
seize capture overrun occupy conquer grab retake recapture storm control takeover overran
deny denial reject dismiss refute rebuff disavow contradict dispute
kill killed dead death toll die fatal fatality fatalities slain slay massacre perish lives bodies
injure injured wound wounded hurt injury injuries casualty casualties
attack strike assault raid bombing bomb shelling shell airstrike offensive
arrest detain apprehend custody jail imprison detention
announce declare unveil
resign quit step stepped
win victory triumph winner beat
increase rise surge jump soar climb growth grow hike
decrease decline drop plunge slump fall cut shrink reduce
protest protester demonstration demonstrator rally march
flee fled evacuate evacuation escape displace displaced refugee
ban prohibit outlaw forbid
agreement deal accord pact treaty
election vote ballot poll elect
sack oust fire dismissal
province region valley district territory area
city town
army military troops soldiers forces
rebel insurgent militant fighters militia
government authorities officials administration ministry
company firm corporation
buy acquire purchase acquisition
sue lawsuit litigation
hurricane storm cyclone typhoon
earthquake quake tremor
flood flooding inundate deluge
blaze fire wildfire
crash collide collision
missing disappear vanish
child kid children kids minor
residents civilians inhabitants locals
hospital clinic
doctor physician
police officers
chief head leader
president leader
minister secretary
spokesman spokeswoman spokesperson
said told stated
claim allege assert
confirm verify corroborate
hoax fake false fabricated
explosion blast explode
shoot shooting gunman gunfire shot
hostage captive abduct kidnap
ceasefire truce
sanction penalty
spy espionage
drone unmanned
virus outbreak epidemic infection
vaccine vaccination jab
strike walkout
price cost
profit earnings
layoff layoffs redundancy
plane aircraft jet airliner
ship vessel boat
car vehicle
phone smartphone handset
`;

const table = new Map<string, string[]>();
for (const line of GROUPS.trim().split('\n')) {
  const stems = [...new Set(line.trim().split(/\s+/).map((w) => stem(w.toLowerCase())))];
  for (const s of stems) {
    const list = table.get(s) ?? [];
    for (const o of stems) if (o !== s && !list.includes(o)) list.push(o);
    table.set(s, list);
  }
}

const NONE: readonly string[] = [];

/** Stems related to a stem (not including itself). */
export function relatedTerms(stemmed: string): readonly string[] {
  return table.get(stemmed) ?? NONE;
}
