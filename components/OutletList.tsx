import { Fragment } from 'preact';
import type { OutletFinding } from '@/utils/types';
import { safeHref } from '@/utils/url';
import { STANCE_LABELS } from './VerdictBadge';
import { outletKey } from '@/utils/outlet-key';
import { isDateOnly } from '@/utils/local-day';

type Props = {
  /** Findings in date order, as the pipeline returns them. */
  outlets: readonly OutletFinding[];
  /** Shown when there are none. */
  emptyText?: string;
};

/**
 * Formats an ISO date for a reader ("12 Mar 2026"); unknown dates say so. A date alone is that
 * calendar day; a moment (stored in UTC, "2026-10-15T23:00:00.000Z") is the day it was in the
 * reader's own time zone, as their clock would have shown it.
 */
export function formatDate(iso: string | null, timeZone?: string): string {
  if (!iso) return 'undated';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return 'undated';
  const dayOnly = isDateOnly(iso);
  return d.toLocaleDateString(undefined, { day: 'numeric', month: 'short', year: 'numeric', timeZone: dayOnly ? 'UTC' : timeZone });
}

/**
 * Each outlet with its stance, the sentence it wrote, its date and a link, oldest first. The
 * page's own outlet is listed apart and marked as not independent.
 */
export function OutletList({ outlets, emptyText = 'No other outlet in your corpus reports on this.' }: Props) {
  const independent = outlets.filter((o) => !o.sameOutlet);
  const own = outlets.filter((o) => o.sameOutlet);
  const listed = new Map(outlets.map((o) => [outletKey(o.outlet), o]));
  if (outlets.length === 0) return <p class="cc-empty">{emptyText}</p>;
  return (
    <div class="cc-outlets">
      {independent.length > 0 && (
        <ol class="cc-outlet-list">
          {independent.map((o) => (
            <OutletItem key={o.url} finding={o} listed={listed} />
          ))}
        </ol>
      )}
      {own.length > 0 && (
        <>
          <p class="cc-own-heading">From this page's own outlet (not counted):</p>
          <ol class="cc-outlet-list cc-own">
            {own.map((o) => (
              <OutletItem key={o.url} finding={o} listed={listed} />
            ))}
          </ol>
        </>
      )}
    </div>
  );
}


/**
 * What the small print says about counting a finding that is a syndicated copy, or that others
 * copied. Only independent outlets count (not the page's own, not copies), so "counted once" is
 * said only of a finding that counts, and a copy whose original is not listed is said to count
 * not at all.
 */
function copyNotes(finding: OutletFinding, listed: ReadonlyMap<string, OutletFinding>): { copies?: string; copyOf?: string } {
  const counts = !finding.sameOutlet && !finding.copyOf;
  const notes: { copies?: string; copyOf?: string } = {};
  if (finding.copies.length > 0) {
    notes.copies = counts ? '(counted once)' : finding.sameOutlet ? "(not counted: this page's own outlet's story)" : '(not counted)';
  }
  if (finding.copyOf) {
    const original = listed.get(outletKey(finding.copyOf));
    if (finding.sameOutlet) notes.copyOf = '';
    else if (!original) notes.copyOf = ": not counted (a copy is not an independent report), and that outlet's own article is not among these";
    else if (original.sameOutlet) notes.copyOf = " (this page's own outlet: not counted)";
    else notes.copyOf = ' (not counted again)';
  }
  return notes;
}

function OutletItem({ finding, listed }: { finding: OutletFinding; listed: ReadonlyMap<string, OutletFinding> }) {
  const notes = copyNotes(finding, listed);
  // Everything here comes from articles and imports: shown as text only, each run of it isolated
  // (`dir="auto"`) so direction-changing characters cannot reorder the text around it.
  const href = safeHref(finding.url);
  const label = finding.title || finding.url;
  return (
    <li class={`cc-outlet cc-stance-${finding.stance}`} data-stance={finding.stance} data-outlet={finding.outlet}>
      <div class="cc-outlet-head">
        <span class="cc-outlet-name" dir="auto">
          {finding.outlet}
        </span>{' '}
        <span class={`cc-stance cc-stance-label-${finding.stance}`}>{STANCE_LABELS[finding.stance]}</span>
        <span class="cc-date">{formatDate(finding.published)}</span>
      </div>
      <blockquote class="cc-evidence" dir="auto">
        {finding.evidence}
      </blockquote>
      <div class="cc-outlet-foot">
        {href ? (
          <a class="cc-link" href={href} target="_blank" rel="noopener noreferrer" dir="auto">
            {label}
          </a>
        ) : (
          <span class="cc-link-text" dir="auto">
            {label}
          </span>
        )}
        <span class="cc-confidence" title="How sure Crosscheck is of what this outlet says about the claim (not whether the claim is true)">
          {Math.round(finding.confidence * 100)}% sure
        </span>
      </div>
      {finding.copies.length > 0 && (
        <p class="cc-copies">
          Same story also run by <OutletNames names={finding.copies} /> {notes.copies}.
        </p>
      )}
      {finding.copyOf && (
        <p class="cc-copies">
          A syndicated copy of <span dir="auto">{finding.copyOf}</span>'s story{notes.copyOf}.
        </p>
      )}
    </li>
  );
}

/** Outlet names separated by commas, each isolated from the others. */
function OutletNames({ names }: { names: readonly string[] }) {
  return (
    <>
      {names.map((name, i) => (
        <Fragment key={i}>
          {i > 0 && ', '}
          <span dir="auto">{name}</span>
        </Fragment>
      ))}
    </>
  );
}
