import { useState, type ReactNode } from "react";
import { ErrorList } from "./ErrorList";
import type { GraphError } from "./graphqlClient";

export interface ActionOutcome {
  errors: GraphError[];
  /** What changed, in words, when it worked. */
  done?: string;
}

/**
 * A change to customer data in two steps: the rep opens it, reads what will happen, fills in
 * the fields and confirms. A refusal stays on screen in words with its code.
 */
export function ConfirmAction(props: {
  label: string;
  question: ReactNode;
  children?: ReactNode;
  confirmLabel: string;
  testId: string;
  run: () => Promise<ActionOutcome>;
}) {
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<ActionOutcome | null>(null);
  if (!open) {
    return (
      <div className="action" data-testid={props.testId}>
        <button type="button" onClick={() => (setOpen(true), setOutcome(null))}>
          {props.label}
        </button>
        {outcome?.done && <p className="done" role="status">{outcome.done}</p>}
      </div>
    );
  }
  return (
    <div className="action confirm" data-testid={props.testId}>
      <p className="question">{props.question}</p>
      {props.children}
      <button
        type="button"
        className="danger"
        disabled={busy}
        onClick={async () => {
          setBusy(true);
          const result = await props.run();
          setBusy(false);
          setOutcome(result);
          if (!result.errors.length) setOpen(false);
        }}
      >
        {props.confirmLabel}
      </button>{" "}
      <button type="button" disabled={busy} onClick={() => setOpen(false)}>
        Back
      </button>
      {outcome && <ErrorList errors={outcome.errors} title="Refused:" />}
    </div>
  );
}
