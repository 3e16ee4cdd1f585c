import type { Caller } from "../../common/caller";
import type { ActorInput } from "./customer360/writes";

/** Timeline actors are the verified caller, never what the request says about itself. */
export function actorOf(caller: Caller): ActorInput {
  return { name: caller.name, role: caller.role, organization: caller.organization };
}
