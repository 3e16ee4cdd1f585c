import { Field, ID, ObjectType } from "type-graphql";

@ObjectType({ description: "The maker's knowledge of a model's known issue, for the frontline (S5)." })
export class KnownIssue {
  @Field(() => ID) id!: string;
  @Field() model!: string;
  @Field() symptom!: string;
  @Field({ description: "What to try, e.g. re-pair the remote with OK+Back for 5 s" }) hint!: string;
  @Field(() => String, { nullable: true, description: "Where the manual explains it" }) manualRef!: string | null;
}
