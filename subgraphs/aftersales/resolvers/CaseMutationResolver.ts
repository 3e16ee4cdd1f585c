import { Arg, Ctx, Mutation, Resolver } from "type-graphql";
import type { Context } from "../context";
import { resolveCaseByCustomer } from "../mutations/resolveCaseByCustomer";
import { ServiceCase } from "../types/ServiceCase";

@Resolver(() => ServiceCase)
export class CaseMutationResolver {
  @Mutation(() => ServiceCase, {
    description: "The customer fixed it (S5): closes the case and every party's open work on it (visits, callbacks, tasks, promises, owners).",
  })
  async resolveCaseByCustomer(
    @Arg("caseNumber", () => String) caseNumber: string,
    @Arg("note", () => String, { description: "What the customer said, e.g. re-paired the remote himself" }) note: string,
    @Arg("idempotencyKey", () => String) idempotencyKey: string,
    @Ctx() ctx: Context,
  ): Promise<ServiceCase> {
    return resolveCaseByCustomer(ctx, { caseNumber, note, idempotencyKey });
  }
}
