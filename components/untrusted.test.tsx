// @vitest-environment happy-dom
import { render, type ComponentChild } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import type { CheckedClaim, OutletFinding, Verdict } from '@/utils/types';
import { expectInert, HOSTILE_TEXTS, HOSTILE_URLS } from '@/tests/hostile-inputs';
import { ClaimCard } from './ClaimCard';
import { ClaimPopover, shownClaim } from './ClaimPopover';
import { OutletList } from './OutletList';
import { VerdictBadge } from './VerdictBadge';
import { VerdictCounts } from './VerdictCounts';

/**
 * Text from articles, imports and pages is hostile until shown otherwise: markup, script,
 * event handlers and script addresses in every field must come out as text, never as elements,
 * attributes or links that run anything.
 */

/** Elements these components may create. */
const ALLOWED_TAGS = new Set(['DIV', 'SPAN', 'P', 'OL', 'UL', 'LI', 'BLOCKQUOTE', 'A', 'HEADER', 'FOOTER', 'ARTICLE', 'BUTTON', 'DETAILS', 'SUMMARY']);

let container: HTMLElement;

function mount(node: ComponentChild): HTMLElement {
  container = document.createElement('div');
  document.body.append(container);
  act(() => render(node, container));
  return container;
}

afterEach(() => {
  if (container) {
    render(null, container);
    container.remove();
  }
  delete (window as { __pwned?: unknown }).__pwned;
});

function finding(over: Partial<OutletFinding> = {}): OutletFinding {
  return {
    outlet: 'Harbour Gazette',
    stance: 'confirm',
    confidence: 0.8,
    url: 'https://harbour-gazette.example/story',
    title: 'Council approves the new bridge',
    published: '2026-03-12',
    evidence: 'The council approved the bridge on Tuesday.',
    sameOutlet: false,
    copies: [],
    ...over,
  };
}

function claim(over: Partial<CheckedClaim> = {}, outlets: OutletFinding[] = [finding()]): CheckedClaim {
  return { text: 'The council approved the bridge.', start: 0, end: 32, score: 0.9, verdict: 'confirmed', outlets, ...over };
}

describe('OutletList shows article fields as text', () => {
  it.each(HOSTILE_TEXTS.map((text) => ({ text, name: text.slice(0, 60) })))('in every field: $name', ({ text }) => {
    const root = mount(
      <OutletList
        outlets={[
          finding({ outlet: text, title: text, evidence: text, copies: [text, `${text} two`] }),
          finding({ outlet: `${text} copy`, url: 'https://copy.example/x', copyOf: text, title: '' }),
          finding({ outlet: `${text} own`, url: 'https://own.example/x', sameOutlet: true }),
        ]}
      />,
    );
    expectInert(root, ALLOWED_TAGS);
    expect(root.querySelector('.cc-outlet-name')!.textContent).toBe(text);
    expect(root.querySelector('.cc-evidence')!.textContent).toBe(text);
    expect(root.querySelector('a.cc-link')!.textContent).toBe(text);
    expect(root.querySelector('.cc-copies')!.textContent).toContain(`${text}, ${text} two`);
    expect(root.querySelectorAll('.cc-copies')[1].textContent).toContain(text);
    expect((root.querySelector('.cc-outlet') as HTMLElement).dataset.outlet).toBe(text);
  });

  it.each(HOSTILE_URLS.map((url) => ({ url })))('never links to $url, and shows it as text', ({ url }) => {
    const root = mount(<OutletList outlets={[finding({ url, title: '' }), finding({ url, title: 'A title', outlet: 'Second' })]} />);
    expectInert(root, ALLOWED_TAGS);
    expect(root.querySelectorAll('a')).toHaveLength(0);
    const texts = [...root.querySelectorAll('.cc-link-text')].map((el) => el.textContent);
    expect(texts).toEqual([url, 'A title']);
  });

  it('links a safe address, opening it in a new tab without a referrer or opener', () => {
    const root = mount(<OutletList outlets={[finding({ url: 'https://harbour-gazette.example/a?q=<b>' })]} />);
    expectInert(root, ALLOWED_TAGS);
    const link = root.querySelector('a')!;
    expect(link.getAttribute('href')).toBe('https://harbour-gazette.example/a?q=%3Cb%3E');
    expect(link.textContent).toBe('Council approves the new bridge');
  });

  it('isolates each run of article text, so direction overrides cannot reorder the rest', () => {
    const text = '\u202Eevil\u202C';
    const root = mount(<OutletList outlets={[finding({ outlet: text, title: text, evidence: text, copies: [text], url: 'javascript:x' })]} />);
    for (const selector of ['.cc-outlet-name', '.cc-evidence', '.cc-link-text', '.cc-copies span']) {
      const el = root.querySelector(selector)!;
      expect(el.getAttribute('dir'), selector).toBe('auto');
      expect(el.textContent, selector).toBe(text);
    }
  });
});

describe('claim views show claim and outlet text as text', () => {
  it.each(HOSTILE_TEXTS.map((text) => ({ text, name: text.slice(0, 60) })))('ClaimCard, open and collapsed: $name', ({ text }) => {
    const hostile = claim({ text }, [finding({ outlet: text, evidence: text, title: text, url: HOSTILE_URLS[0] })]);
    for (const node of [<ClaimCard claim={hostile} />, <ClaimCard claim={hostile} collapsed onShow={() => {}} />]) {
      const root = mount(node);
      expectInert(root, ALLOWED_TAGS);
      // Shown as text (a very long one cut, with an ellipsis, as in the popover).
      expect(root.querySelector('.cc-claim-text')!.textContent).toBe(shownClaim(text));
      expect(root.querySelector('.cc-outlet-name')!.textContent).toBe(text);
      expect(root.querySelectorAll('a')).toHaveLength(0);
      render(null, root);
      root.remove();
    }
  });

  it.each(HOSTILE_TEXTS.map((text) => ({ text, name: text.slice(0, 60) })))('ClaimPopover: $name', ({ text }) => {
    const hostile = claim({ text }, [finding({ outlet: text, evidence: text, title: text }), finding({ outlet: 'Other', url: HOSTILE_URLS[1] })]);
    const root = mount(<ClaimPopover claim={hostile} onClose={() => {}} onDismiss={() => {}} />);
    expectInert(root, ALLOWED_TAGS);
    // Shown as text (a very long one cut, with an ellipsis).
    expect(root.querySelector('.cc-popover-claim')!.textContent).toBe(shownClaim(text));
    expect(root.querySelector('.cc-evidence')!.textContent).toBe(text);
    expect([...root.querySelectorAll('a')].map((a) => a.getAttribute('href'))).toEqual(['https://harbour-gazette.example/story']);
  });

  it('isolates the claim\'s text and gives it its own direction (a right-to-left claim reads right to left)', () => {
    const rtl = claim({ text: 'قال الجيش إنه سيطر على الوادي.' });
    for (const node of [<ClaimCard claim={rtl} />, <ClaimCard claim={rtl} collapsed onShow={() => {}} />]) {
      const root = mount(node);
      expect(root.querySelector('.cc-claim-text')!.getAttribute('dir')).toBe('auto');
      render(null, root);
      root.remove();
    }
    const root = mount(<ClaimPopover claim={rtl} onClose={() => {}} />);
    expect(root.querySelector('.cc-popover-claim')!.getAttribute('dir')).toBe('auto');
  });

  it('a verdict or stance that is not one of ours adds no markup', () => {
    const verdict = '<img src=x onerror=alert(1)>' as Verdict;
    const root = mount(
      <>
        <VerdictBadge verdict={verdict} count={3} />
        <VerdictCounts counts={{ confirmed: 1, disputed: 2, conflicting: 0, unverified: 4 }} />
        <OutletList outlets={[finding({ stance: '"><svg onload=alert(1)>' as OutletFinding['stance'] })]} />
      </>,
    );
    expectInert(root, ALLOWED_TAGS);
  });
});
