import { errorInWords } from "./errorWords";
import type { GraphError } from "./graphqlClient";

/** Refusals and failures, each in words first and with its registry code, never a blank panel. */
export function ErrorList({ errors, title }: { errors: GraphError[]; title?: string }) {
  if (!errors.length) return null;
  // One line per distinct code and message: a refusal on four fields reads as one refusal.
  const distinct = [...new Map(errors.map((e) => [`${e.code} ${e.message}`, e])).values()];
  return (
    <div className="errors" role="alert" data-testid="errors">
      {title && <strong>{title}</strong>}
      <ul>
        {distinct.map((error) => (
          <li key={`${error.code} ${error.message}`} data-code={error.code}>
            {errorInWords(error)} <span className="detail">{error.message}</span> <code>{error.code}</code>
          </li>
        ))}
      </ul>
    </div>
  );
}
