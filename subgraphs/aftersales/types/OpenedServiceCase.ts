import { Field, ObjectType } from "type-graphql";
import { ServiceCase } from "./ServiceCase";
import { Visit } from "./Visit";

@ObjectType({ description: "What openServiceCase did: the case and, when one was booked, its visit." })
export class OpenedServiceCase {
  @Field(() => ServiceCase) serviceCase!: ServiceCase;
  @Field(() => Visit, { nullable: true }) visit!: Visit | null;

  ownerId!: string;
}
