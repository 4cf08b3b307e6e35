/** A task or step state as a colored label; the color comes from `.status-<state>` in CSS. */
export function StatusBadge({ status }: { status: string }) {
  return (
    <span className={`badge status-${status}`} data-status={status}>
      {status}
    </span>
  );
}
