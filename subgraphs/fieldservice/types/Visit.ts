import { Directive, Field, ID, ObjectType } from "type-graphql";

/** The maker's visit (aftersales owns it); field service adds the job that carries it out. */
@Directive('@key(fields: "id")')
@ObjectType()
export class Visit {
  @Field(() => ID) id!: string;
}
