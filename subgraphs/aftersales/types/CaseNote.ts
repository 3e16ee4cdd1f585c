import { Field, ID, ObjectType } from "type-graphql";
import { Actor } from "../../kit";

@ObjectType({ description: "A note on a service case: SHARED with every party, or INTERNAL to the author's organization." })
export class CaseNote {
  @Field(() => ID) id!: string;
  @Field() text!: string;
  @Field({ description: "INTERNAL (the author's organization only) or SHARED (every party to the case)" }) visibility!: string;
  @Field(() => Actor) author!: Actor;
  @Field() createdAt!: string;
  /** The maker registration (not in the schema): the owner for the audit trail. */
  ownerId?: string;
}
