import { Directive, Field, ID, ObjectType } from "type-graphql";

/** The maker's case (aftersales owns it); the retailer adds the services sold inside it. */
@Directive('@key(fields: "number")')
@ObjectType()
export class ServiceCase {
  @Field(() => ID) number!: string;
}
