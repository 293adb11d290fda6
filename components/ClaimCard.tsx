import type { CheckedClaim } from '@/utils/types';
import { OutletList } from './OutletList';
import { VerdictBadge } from './VerdictBadge';
import { listedSummary, stanceSummary } from './stance-summary';
import { shownClaim } from './ClaimPopover';

type Props = {
  /** The claim and what the outlets say about it. */
  claim: CheckedClaim;
  /** When given, the claim text is a button that shows the claim on the page. */
  onShow?: () => void;
  /** Start with the outlets hidden. */
  collapsed?: boolean;
};

/** One claim: its verdict, its text (a very long sentence cut, as in the popover), and the outlets behind the verdict. */
export function ClaimCard({ claim, onShow, collapsed = false }: Props) {
  return (
    <article class={`cc-claim cc-claim-${claim.verdict}`} data-verdict={claim.verdict}>
      <header class="cc-claim-head">
        <VerdictBadge verdict={claim.verdict} />
        <span class="cc-tally">{stanceSummary(claim.outlets)}</span>
      </header>
      {onShow ? (
        <button type="button" class="cc-claim-text cc-show" onClick={onShow} title="Show on the page" dir="auto">
          {shownClaim(claim.text)}
        </button>
      ) : (
        <p class="cc-claim-text" dir="auto">
          {shownClaim(claim.text)}
        </p>
      )}
      {collapsed ? (
        <details class="cc-details">
          <summary>{listedSummary(claim.outlets)}</summary>
          <OutletList outlets={claim.outlets} />
        </details>
      ) : (
        <OutletList outlets={claim.outlets} />
      )}
    </article>
  );
}
