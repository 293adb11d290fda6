import type { OutletFinding } from '@/utils/types';

/** An outlet's finding for component tests: a confirmation of a bridge story, changed by `over`. */
export const finding = (outlet: string, over: Partial<OutletFinding> = {}): OutletFinding => ({
  outlet,
  stance: 'confirm',
  confidence: 0.9,
  url: `https://${outlet.toLowerCase().replace(/\W/g, '')}.example/story`,
  title: `${outlet} story`,
  published: '2026-03-02',
  evidence: 'The bridge will close on Monday.',
  sameOutlet: false,
  copies: [],
  ...over,
});
