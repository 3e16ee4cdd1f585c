import { registerEnumType } from "type-graphql";

export enum OrderChannel {
  ONLINE = "ONLINE",
  STORE = "STORE",
}

registerEnumType(OrderChannel, { name: "OrderChannel", description: "Where the order was placed: the online mall or a Yougou store." });
