import { VERDICTS, type Verdict } from '@/utils/types';
import { VerdictBadge } from './VerdictBadge';

type Props = {
  /** Number of claims per verdict. */
  counts: Record<Verdict, number>;
};

/** The page's claims counted by verdict. */
export function VerdictCounts({ counts }: Props) {
  return (
    <ul class="cc-counts">
      {VERDICTS.map((v) => (
        <li key={v} data-verdict={v}>
          <VerdictBadge verdict={v} count={counts[v]} />
        </li>
      ))}
    </ul>
  );
}
