import path from "node:path";
import { SignJWT } from "jose";
import { isRole, ROLES } from "../common/caller";
import { DEV_ALGORITHM, loadOrCreateDevKeys } from "../gateway/auth/devKeys";

const CLIENT_ROLES = ROLES.filter((r) => r !== "system");
const USAGE = `usage: npm run -s token -- --role <${CLIENT_ROLES.join("|")}> --org <organization> [--sub id] [--name "display name"] [--ttl 8h]

Mints a development bearer token signed with the development key under DATA_DIR/keys
(created on first use; the gateway refuses it when NODE_ENV=production). --ttl is at most the
gateway's JWT_MAX_LIFETIME_SECONDS (12 h by default). Prints the token only.
Example: curl -H "authorization: Bearer $(npm run -s token -- --role rep --org yougou)" ...`;

function arg(args: string[], flag: string): string | undefined {
  const index = args.indexOf(flag);
  return index >= 0 ? args[index + 1] : undefined;
}

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  if (args.includes("--help") || args.includes("-h")) {
    console.log(USAGE);
    return 0;
  }
  const role = arg(args, "--role") ?? "rep";
  const org = arg(args, "--org");
  if (!isRole(role) || role === "system") {
    console.error(`--role must be one of ${CLIENT_ROLES.join(", ")} ("system" is the gateway's own, never a client's), got "${role}"\n\n${USAGE}`);
    return 2;
  }
  if (!org || !/^[a-z][a-z0-9-]{1,40}$/.test(org)) {
    console.error(`--org must be an organization code such as yougou, aolan, unicom, platform\n\n${USAGE}`);
    return 2;
  }
  const sub = arg(args, "--sub") ?? `${role}-${org}-dev`;
  const name = arg(args, "--name") ?? `${role} (${org})`;
  const keys = await loadOrCreateDevKeys(path.resolve(process.env.DATA_DIR ?? "data"));
  const token = await new SignJWT({ role, org, name })
    .setProtectedHeader({ alg: DEV_ALGORITHM, kid: keys.kid })
    .setSubject(sub)
    .setIssuer(process.env.JWT_ISSUER ?? "customer-360-dev")
    .setAudience(process.env.JWT_AUDIENCE ?? "customer-360")
    .setIssuedAt()
    .setExpirationTime(arg(args, "--ttl") ?? "8h")
    .sign(keys.privateKey);
  console.log(token);
  return 0;
}

main().then((code) => (process.exitCode = code), (error: Error) => {
  console.error(`token: ${error.message}`);
  process.exitCode = 1;
});
