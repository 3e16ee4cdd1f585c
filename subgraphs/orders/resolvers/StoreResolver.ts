import { Arg, Ctx, ID, Query, Resolver } from "type-graphql";
import type { Context } from "../context";
import { toStore } from "../mappers";
import { Store } from "../types/Store";
import { parseId } from "../validate";

@Resolver(() => Store)
export class StoreResolver {
  @Query(() => Store, { nullable: true, description: "A Yougou store by id (ST-NJ-XJK); null when unknown." })
  async store(@Arg("id", () => ID) id: string, @Ctx() ctx: Context): Promise<Store | null> {
    const row = await ctx.loaders.store.load(parseId("storeId", id, "id"));
    return row && toStore(row);
  }
}
