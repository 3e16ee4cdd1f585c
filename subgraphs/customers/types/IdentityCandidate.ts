import { Field, Int, ObjectType } from "type-graphql";

@ObjectType({ description: "A possible match the identity graph did not merge (docs/IDENTITY.md): for a supervisor to link, merge or leave." })
export class IdentityCandidate {
  @Field() id!: string;
  @Field() createdAt!: string;
  @Field({ description: "System of the identity (orders, aftersales, ...)" }) system!: string;
  @Field() identityId!: string;
  @Field({ description: "The person the identity was given" }) personId!: string;
  @Field({ description: "The existing person it may be" }) candidatePersonId!: string;
  @Field({ description: "SHARED_PHONE, SHARED_EMAIL or MOBILE_EMAIL_DISAGREE" }) rule!: string;
  @Field({ description: "The key that matched (phone masked for non-supervisors)" }) matchedKey!: string;
  @Field({ description: "The identity.registered event behind it" }) eventId!: string;
  @Field({ description: "OPEN, LINKED" }) status!: string;
}

@ObjectType({ description: "A page of open identity candidates, oldest first." })
export class IdentityCandidatePage {
  @Field(() => [IdentityCandidate]) entries!: IdentityCandidate[];
  @Field(() => String, { nullable: true }) endCursor!: string | null;
  @Field() hasMore!: boolean;
  @Field(() => Int) returned!: number;
}
