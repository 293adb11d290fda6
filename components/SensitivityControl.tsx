import { useStorageItem } from './hooks';
import { sensitivityItem } from '@/utils/extension/settings';

type Props = {
  /** Shown above the slider. */
  label?: string;
};

/** Fewer or more claims: the check-worthiness threshold, saved at once; open pages re-check. */
export function SensitivityControl({ label = 'Claims to highlight' }: Props) {
  const value = useStorageItem(sensitivityItem);
  if (value === undefined) return null;
  return (
    <label class="cc-sensitivity">
      <span>{label}</span>
      <span class="cc-sensitivity-row">
        <small>fewer</small>
        <input
          type="range"
          min={0}
          max={1}
          step={0.1}
          value={value}
          aria-label={label}
          data-testid="sensitivity"
          onChange={(e) => void sensitivityItem.setValue(Number((e.currentTarget as HTMLInputElement).value))}
        />
        <small>more</small>
      </span>
    </label>
  );
}
