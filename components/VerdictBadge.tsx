import type { Stance, Verdict } from '@/utils/types';

/** Words shown for each verdict. */
export const VERDICT_LABELS: Record<Verdict, string> = {
  confirmed: 'Confirmed',
  disputed: 'Disputed',
  conflicting: 'Conflicting',
  unverified: 'Unverified',
};

/** Words shown for each stance. */
export const STANCE_LABELS: Record<Stance, string> = {
  confirm: 'confirms',
  dispute: 'disputes',
  discuss: 'mentions',
  unrelated: 'unrelated',
};

type Props = {
  /** The verdict to show. */
  verdict: Verdict;
  /** Optional count shown after the label. */
  count?: number;
};

/** A coloured label for a claim's verdict. */
export function VerdictBadge({ verdict, count }: Props) {
  return (
    <span class={`cc-badge cc-verdict-${verdict}`} data-verdict={verdict}>
      {VERDICT_LABELS[verdict]}
      {count !== undefined && <span class="cc-badge-count">{count}</span>}
    </span>
  );
}
