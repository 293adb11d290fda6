// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import type { CheckedClaim, OutletFinding, Stance } from '@/utils/types';
import { ClaimCard } from './ClaimCard';
import { ClaimPopover } from './ClaimPopover';
import { stanceSummary } from './stance-summary';
import { finding as outletFinding } from './test-findings';

/** `test-findings`' finding with its stance given. */
const finding = (outlet: string, stance: Stance, over: Partial<OutletFinding> = {}): OutletFinding => outletFinding(outlet, { stance, ...over });

const claim = (outlets: OutletFinding[]): CheckedClaim => ({ start: 0, end: 30, text: 'The bridge will close on Monday.', score: 0.9, verdict: 'unverified', outlets });

const mentionOnly = [finding('North Post', 'discuss'), finding('South Herald', 'discuss'), finding('East Wire', 'discuss')];

describe('stanceSummary', () => {
  it('says that outlets only mentioning a claim take no side', () => {
    expect(stanceSummary(mentionOnly)).toBe('3 outlets mention it, none takes a side');
    expect(stanceSummary(mentionOnly.slice(0, 1))).toBe('1 outlet mentions it, none takes a side');
  });
  it('counts the outlets taking a side apart from those only mentioning it', () => {
    expect(stanceSummary([finding('A', 'confirm'), finding('B', 'confirm'), finding('C', 'dispute'), finding('D', 'discuss')])).toBe('2 outlets confirm it, 1 disputes it · 1 only mentions it');
    expect(stanceSummary([finding('A', 'dispute')])).toBe('1 outlet disputes it');
    expect(stanceSummary([finding('A', 'confirm'), finding('B', 'discuss'), finding('C', 'discuss')])).toBe('1 outlet confirms it · 2 only mention it');
  });
  it('leaves out the page\'s own outlet and copies, as the verdict does', () => {
    const outlets = [finding('Own', 'confirm', { sameOutlet: true }), finding('A', 'confirm', { copies: ['B'] }), finding('B', 'confirm', { copyOf: 'A' })];
    expect(stanceSummary(outlets)).toBe('1 outlet confirms it');
    expect(stanceSummary([finding('Own', 'confirm', { sameOutlet: true })])).toBe('No independent outlet confirms or disputes it');
  });
});

describe('the side panel\'s folded list of outlets', () => {
  let root: HTMLElement;
  afterEach(() => {
    render(null, root);
    root.remove();
  });
  it('says how many of the outlets listed are not counted, so its number agrees with the tally beside it', () => {
    root = document.createElement('div');
    document.body.append(root);
    const outlets = [finding('A', 'discuss'), finding('Own', 'discuss', { sameOutlet: true })];
    act(() => render(<ClaimCard claim={claim(outlets)} collapsed />, root));
    expect(root.querySelector('.cc-tally')?.textContent).toBe('1 outlet mentions it, none takes a side');
    expect(root.querySelector('summary')?.textContent).toBe('2 outlets listed, 1 not counted');
    act(() => render(<ClaimCard claim={claim([finding('A', 'confirm', { copies: ['B'] }), finding('B', 'confirm', { copyOf: 'A' }), finding('C', 'dispute')])} collapsed />, root));
    expect(root.querySelector('summary')?.textContent).toBe('3 outlets listed, 1 not counted');
    act(() => render(<ClaimCard claim={claim([finding('A', 'confirm'), finding('C', 'dispute')])} collapsed />, root));
    expect(root.querySelector('summary')?.textContent).toBe('2 outlets');
  });
});

describe('the popover and the side panel\'s card say what the outlets do', () => {
  let root: HTMLElement;
  afterEach(() => {
    render(null, root);
    root.remove();
  });
  const shown = (node: preact.ComponentChild) => {
    root = document.createElement('div');
    document.body.append(root);
    act(() => render(node, root));
    return root.textContent ?? '';
  };

  it('popover: three outlets that only mention the claim are not "3 independent outlets"', () => {
    const text = shown(<ClaimPopover claim={claim(mentionOnly)} onClose={() => {}} />);
    expect(text).toContain('3 outlets mention it, none takes a side');
    expect(text).not.toMatch(/3 independent outlets/);
  });

  it('side panel card: the same words', () => {
    expect(shown(<ClaimCard claim={claim(mentionOnly)} />)).toContain('3 outlets mention it, none takes a side');
  });
});
