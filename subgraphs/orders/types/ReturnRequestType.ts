import { registerEnumType } from "type-graphql";

export enum ReturnRequestType {
  REPAIR = "REPAIR",
  REFUND = "REFUND",
  EXCHANGE = "EXCHANGE",
}

registerEnumType(ReturnRequestType, { name: "ReturnRequestType", description: "What the customer asked for after the sale." });
