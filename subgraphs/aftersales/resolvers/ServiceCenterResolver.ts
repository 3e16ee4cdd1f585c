import { Arg, Ctx, Query, Resolver } from "type-graphql";
import type { Context } from "../context";
import { toServiceCenter } from "../mappers";
import { pickNearest } from "../nearest";
import { ServiceCenter } from "../types/ServiceCenter";
import { city as cityName, makerCode } from "../validation";

@Resolver(() => ServiceCenter)
export class ServiceCenterResolver {
  @Query(() => ServiceCenter, {
    nullable: true,
    description: "The maker's service center nearest to a city: one in the same city first, else the closest (S7). Null when the maker has none.",
  })
  async nearestServiceCenter(
    @Arg("city", () => String, { description: "Chinese or Latin name: 南京, Nanjing" }) city: string,
    @Arg("maker", () => String, { description: "Maker organization code, e.g. huawei" }) maker: string,
    @Ctx() ctx: Context,
  ): Promise<ServiceCenter | null> {
    const typedCity = cityName(city);
    const makerOrg = makerCode(maker);
    const chinese = typedCity.replace(/市$/u, "");
    const [centers, cityRow] = await Promise.all([
      ctx.db.selectFrom("service_centers").selectAll().where("maker", "=", makerOrg).execute(),
      ctx.db
        .selectFrom("cities")
        .selectAll()
        .where((eb) => eb.or([eb("name", "=", chinese), eb(eb.fn("lower", ["name_latin"]), "=", typedCity.toLowerCase())]))
        .executeTakeFirst(),
    ]);
    const nearest = pickNearest(centers, typedCity, cityRow);
    return nearest ? toServiceCenter(nearest) : null;
  }
}
