/** A horizontal 0–100 bar beside its number; the bar is decoration, the number is the content. */
export function PercentBar({ value, testId }: { value: number; testId?: string }) {
  return (
    <span className="pbar" data-testid={testId} data-value={value}>
      <span className="pbar-track" aria-hidden="true">
        <span className="pbar-fill" style={{ width: `${Math.min(100, Math.max(0, value))}%` }} />
      </span>
      <span className="pbar-value">{value} %</span>
    </span>
  );
}
