import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { Context } from "../context";
import { toProduct } from "../mappers";
import { OrderLine } from "../types/OrderLine";
import { Product } from "../types/Product";

@Resolver(() => OrderLine)
export class OrderLineResolver {
  @FieldResolver(() => Product)
  async product(@Root() line: OrderLine, @Ctx() ctx: Context): Promise<Product> {
    const row = await ctx.loaders.product.load(line.sku);
    // order_lines.sku is a foreign key, so the product exists.
    return toProduct(row!);
  }
}
