import { beijingTime, utcTime } from "./beijingTime";

/** An instant on the Beijing clock, with UTC on hover. */
export function Time({ iso }: { iso: string | null | undefined }) {
  if (!iso) return null;
  return (
    <time dateTime={iso} title={utcTime(iso)}>
      {beijingTime(iso)}
    </time>
  );
}
