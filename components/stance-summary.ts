import type { OutletFinding } from '@/utils/types';
import { counted } from '@/utils/plural';

/**
 * What the independent outlets (not the page's own, not copies: those the verdict counts) say of a
 * claim, in words that say what is counted: "2 outlets confirm it, 1 disputes it · 1 only
 * mentions it", or "3 outlets mention it, none takes a side" — never a bare "3 outlets", which
 * reads as if they all backed it.
 */
export function stanceSummary(outlets: OutletFinding[]): string {
  const independent = outlets.filter((o) => !o.sameOutlet && !o.copyOf);
  const count = (stance: OutletFinding['stance']) => independent.filter((o) => o.stance === stance).length;
  const confirm = count('confirm');
  const dispute = count('dispute');
  const mention = count('discuss');
  const verb = (n: number, one: string, many: string) => (n === 1 ? one : many);
  if (confirm + dispute === 0) {
    if (mention === 0) return 'No independent outlet confirms or disputes it';
    return `${counted(mention, 'outlet')} ${verb(mention, 'mentions', 'mention')} it, none takes a side`;
  }
  const sides: string[] = [];
  if (confirm > 0) sides.push(`${counted(confirm, 'outlet')} ${verb(confirm, 'confirms', 'confirm')} it`);
  if (dispute > 0) sides.push(`${confirm > 0 ? dispute : counted(dispute, 'outlet')} ${verb(dispute, 'disputes', 'dispute')} it`);
  const mentions = mention > 0 ? ` · ${mention} only ${verb(mention, 'mentions', 'mention')} it` : '';
  return `${sides.join(', ')}${mentions}`;
}

/**
 * How many outlets a claim's list shows, saying how many of them are not counted (the page's own
 * outlet, copies): "4 outlets" beside "1 outlet mentions it" read as a contradiction.
 */
export function listedSummary(outlets: readonly OutletFinding[]): string {
  const notCounted = outlets.filter((o) => o.sameOutlet || o.copyOf).length;
  const listed = counted(outlets.length, 'outlet');
  return notCounted === 0 ? listed : `${listed} listed, ${notCounted} not counted`;
}
