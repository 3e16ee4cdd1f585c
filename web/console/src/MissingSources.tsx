import { partyOf } from "./parties";

/** The banner a rep cannot miss: which party did not answer, so an empty section is not read as "nothing there". */
export function MissingSources({ sources }: { sources: string[] }) {
  const unique = [...new Set(sources)];
  if (!unique.length) return null;
  return (
    <div className="banner missing" role="status" data-testid="missing-sources">
      <strong>Not answered:</strong> {unique.map((s) => `${partyOf(s)} [${s}]`).join("; ")}. What they hold is missing from this view; the rest stands.
    </div>
  );
}
