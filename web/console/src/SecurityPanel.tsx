import { useState } from "react";
import {
  ConsoleConfirmVerificationDocument,
  ConsoleSecurityDetailDocument,
  ConsoleStartVerificationDocument,
  type ConsoleCustomerQuery,
  type ConsoleSecurityDetailQuery,
  type ConsoleStartVerificationMutation,
} from "../../../client/generated/graphql";
import { ErrorList } from "./ErrorList";
import { idempotencyKey, request, type GraphError } from "./graphqlClient";
import { Time } from "./Time";

type Login = NonNullable<ConsoleCustomerQuery["customer"]>["securityLogins"][number];
type Challenge = ConsoleStartVerificationMutation["startIdentityVerification"];

/**
 * S2: a login's security detail (attempts, lockout, notifications actually sent). The
 * security subgraph refuses it (VERIFICATION_REQUIRED) until this rep verified the caller
 * with a one-time code sent to the registered phone; the console shows the refusal in words
 * and offers the verification right there.
 */
function LoginDetail({ login, token }: { login: Login; token: string }) {
  const [detail, setDetail] = useState<ConsoleSecurityDetailQuery | null>(null);
  const [errors, setErrors] = useState<GraphError[]>([]);
  const [challenge, setChallenge] = useState<Challenge | null>(null);
  const [code, setCode] = useState("");
  const [busy, setBusy] = useState(false);

  async function load() {
    setBusy(true);
    const answer = await request(ConsoleSecurityDetailDocument, { loginId: login.id }, token);
    setBusy(false);
    setDetail(answer.data);
    setErrors(answer.errors);
  }
  async function start() {
    setBusy(true);
    const answer = await request(ConsoleStartVerificationDocument, { loginId: login.id, idempotencyKey: idempotencyKey("verify") }, token);
    setBusy(false);
    setErrors(answer.errors);
    setChallenge(answer.data?.startIdentityVerification ?? null);
  }
  async function confirm() {
    setBusy(true);
    const answer = await request(ConsoleConfirmVerificationDocument, { challengeId: challenge!.id, code: code.trim() }, token);
    setBusy(false);
    setErrors(answer.errors);
    if (!answer.errors.length) {
      setChallenge(null);
      setCode("");
      await load();
    }
  }

  const refused = errors.some((e) => e.code === "VERIFICATION_REQUIRED");
  const sec = detail?.securityLogin;
  return (
    <article className="login" data-testid={`login-${login.id}`}>
      <h4>
        Login {login.id} · {login.displayName} · {login.status}
        {login.isLocked && <span className="overdue"> locked</span>} · phone {login.maskedPhone}
      </h4>
      <button type="button" onClick={load} disabled={busy} data-testid="show-security-detail">
        Show security detail
      </button>
      <ErrorList errors={errors} title={refused ? "Security detail refused:" : undefined} />
      {refused && !challenge && (
        <button type="button" onClick={start} disabled={busy} data-testid="start-verification">
          Send a verification code to {login.maskedPhone}
        </button>
      )}
      {challenge && (
        <div className="verify" data-testid="verification">
          <p>
            Code sent to {challenge.maskedDestination} (expires <Time iso={challenge.expiresAt} />, {challenge.attemptsAllowed} tries). Ask the customer to read it out.
          </p>
          {challenge.devCode && (
            <p className="dev-code" data-testid="dev-code">
              Development only, not in production: the code is <code>{challenge.devCode}</code>
            </p>
          )}
          <label>
            Code <input value={code} onChange={(e) => setCode(e.target.value)} data-testid="verification-code" inputMode="numeric" />
          </label>{" "}
          <button type="button" onClick={confirm} disabled={busy || !code.trim()} data-testid="confirm-verification">
            Confirm code
          </button>
        </div>
      )}
      {detail?.verificationStatus && (
        <p className="verified" data-testid="verified">
          Verified by {detail.verificationStatus.verifiedByName} until <Time iso={detail.verificationStatus.verifiedUntil} />
        </p>
      )}
      {sec && sec.attempts && (
        <div className="security-detail" data-testid="security-detail">
          {sec.activeLockout && (
            <p className="lockout">
              Locked since <Time iso={sec.activeLockout.since} />: {sec.activeLockout.cause}. To lift: {sec.activeLockout.howToLift}
            </p>
          )}
          <h5>Recent sign-in attempts</h5>
          <table>
            <tbody>
              {sec.attempts.map((a) => (
                <tr key={a.id}>
                  <td>
                    <Time iso={a.at} />
                  </td>
                  <td>{a.result}</td>
                  <td>{a.ip}</td>
                  <td>
                    {a.location.city}, {a.location.country}
                  </td>
                  <td>{a.device}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <h5>Notifications the platform sent</h5>
          <ul>
            {(sec.notifications ?? []).map((n) => (
              <li key={n.id}>
                <Time iso={n.at} /> {n.channel} {n.templateCode} to {n.maskedDestination} ({n.deliveryStatus}): {n.text}
              </li>
            ))}
          </ul>
        </div>
      )}
    </article>
  );
}

export function SecurityPanel({ logins, token }: { logins: Login[]; token: string }) {
  if (!logins.length) return null;
  return (
    <section className="security" data-testid="security">
      <h3>Security</h3>
      {logins.map((login) => (
        <LoginDetail key={login.id} login={login} token={token} />
      ))}
    </section>
  );
}
