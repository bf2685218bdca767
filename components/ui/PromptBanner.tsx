/** A one-time offer at the top of the room list (notifications, the app lock): what and why, yes, not now. */
export function PromptBanner({
  title,
  text,
  testId,
  accept,
  decline,
}: {
  title: string;
  text: string;
  testId: string;
  accept: { label: string; onClick: () => void };
  decline: { label: string; onClick: () => void };
}) {
  return (
    <div role="region" aria-label={title} data-testid={testId} className="flex flex-col gap-2 border-b border-line bg-surface-alt p-3 text-sm">
      <p>{text}</p>
      <div className="flex gap-2">
        <button className="rounded bg-brand px-3 py-1 text-white" onClick={accept.onClick}>
          {accept.label}
        </button>
        <button className="rounded border border-line px-3 py-1" onClick={decline.onClick}>
          {decline.label}
        </button>
      </div>
    </div>
  );
}
