import type { CheckedClaim } from '@/utils/types';
import { OutletList } from './OutletList';
import { VerdictBadge } from './VerdictBadge';
import { stanceSummary } from './stance-summary';
import { cutText } from '@/utils/text/cut';

type Props = {
  /** The claim the reader clicked or focused. */
  claim: CheckedClaim;
  /** Closes the popover. */
  onClose: () => void;
  /** The reader says this is not a claim: stop highlighting it on this page. */
  onDismiss?: () => void;
};

/** Characters of a claim shown in the popover: a very long sentence is cut, so the outlets show without scrolling through it. */
export const SHOWN_CLAIM_CHARS = 300;

/** A claim's text as the popover shows it: cut after about SHOWN_CLAIM_CHARS characters, at a space when there is one near, with an ellipsis. */
export function shownClaim(text: string, max = SHOWN_CLAIM_CHARS): string {
  if (text.length <= max) return text;
  const cut = cutText(text, max);
  const space = cut.lastIndexOf(' ');
  return `${(space >= max * 0.7 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/** What outlets say about one highlighted claim, shown next to it on the page. */
export function ClaimPopover({ claim, onClose, onDismiss }: Props) {
  return (
    <div class="cc-popover" role="dialog" aria-label="What other outlets say about this claim" tabIndex={-1}>
      <header class="cc-popover-head">
        <VerdictBadge verdict={claim.verdict} />
        <span class="cc-popover-sub">{stanceSummary(claim.outlets)}</span>
        <button type="button" class="cc-close" aria-label="Close" onClick={onClose}>
          ×
        </button>
      </header>
      <p class="cc-popover-claim" dir="auto">
        {shownClaim(claim.text)}
      </p>
      <OutletList outlets={claim.outlets} />
      <footer class="cc-popover-foot">
        <span>Crosscheck · from your local corpus · Esc to close</span>
        {onDismiss && (
          <button type="button" class="cc-dismiss" onClick={onDismiss} title="Stop highlighting this sentence on this page">
            Not a claim
          </button>
        )}
      </footer>
    </div>
  );
}
