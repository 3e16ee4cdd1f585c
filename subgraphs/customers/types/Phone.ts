import { Field, ObjectType } from "type-graphql";

@ObjectType({ description: "A phone number of the customer, normalized (11-digit mobile, or landline with area code)." })
export class Phone {
  @Field() number!: string;
  @Field({ description: "mobile, home, work" }) label!: string;
}
