import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { decodeMattersKey, encodeKey, type MattersQuery } from "../../kit";
import type { Context } from "../context";
import { toIdentityIds } from "../mappers";
import { openMattersResult } from "../merge/openMattersResult";
import { Customer } from "../types/Customer";
import { OpenMattersResult, OpenMattersView } from "../types/OpenMattersView";

@Resolver(() => Customer)
export class CustomerOpenMattersResolver {
  @FieldResolver(() => OpenMattersView, { description: "Who is handling each open matter right now, from every system. Select `result`." })
  async openMatters(@Root() customer: Customer, @Ctx() ctx: Context): Promise<OpenMattersView> {
    const links = await ctx.loaders.links.load(customer.id);
    const query: MattersQuery = { customerId: customer.id, ids: toIdentityIds(customer.id, links) };
    return { key: encodeKey(query) } as OpenMattersView;
  }
}

@Resolver(() => OpenMattersView)
export class OpenMattersResolver {
  @FieldResolver(() => OpenMattersResult)
  async result(@Root() root: OpenMattersView, @Ctx() ctx: Context): Promise<OpenMattersResult> {
    return openMattersResult(ctx, root as unknown as Record<string, unknown>, decodeMattersKey(root.key));
  }
}
