import { CallbackTimingResolver } from "./resolvers/CallbackTimingResolver";
import { CaseOwnershipMutationResolver } from "./resolvers/CaseOwnershipMutationResolver";
import { CaseOwnershipResolver } from "./resolvers/CaseOwnershipResolver";
import { CaseWorkMutationResolver } from "./resolvers/CaseWorkMutationResolver";
import { EngineeringTaskDueResolver } from "./resolvers/EngineeringTaskDueResolver";
import { ReturnRequestCaseResolver, returnRequestReference } from "./resolvers/ReturnRequestCaseResolver";
import { CaseNote } from "./types/CaseNote";
import { CaseTransfer } from "./types/CaseTransfer";
import { ReturnRequest } from "./types/ReturnRequest";

/** Issue 14 (hand-over workflows): what subgraph.ts adds, in one place so its edit stays one line each. */
export const handOverResolvers = [CaseOwnershipMutationResolver, CaseWorkMutationResolver, CaseOwnershipResolver, CallbackTimingResolver, EngineeringTaskDueResolver, ReturnRequestCaseResolver] as const;
export const handOverTypes = [ReturnRequest, CaseNote, CaseTransfer];
export const handOverReferenceResolvers = returnRequestReference;
