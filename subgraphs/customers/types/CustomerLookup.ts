import { Directive, Field, ObjectType } from "type-graphql";
import { Customer } from "./Customer";

@ObjectType({ description: "A customer the identifier points to, and through what." })
export class CustomerCandidate {
  @Field(() => Customer) customer!: Customer;
  @Field(() => [String], { description: "phone, email, order, case, serial, account, line, login, ..." }) matchedBy!: string[];
}

@ObjectType()
export class CustomerLookupResult {
  @Field({ description: "The identifier as normalized" }) normalized!: string;
  @Field({ description: "phone, email or reference" }) kind!: string;
  @Field(() => [CustomerCandidate], { description: "Empty when nothing matched; several for a shared (family) phone" }) candidates!: CustomerCandidate[];
  @Field(() => [String]) missingSources!: string[];
}

@Directive('@key(fields: "key")')
@ObjectType({ description: "A lookup by phone, email, order, account, case number or device serial." })
export class CustomerLookup {
  @Field({ description: "Encodes the query; opaque to clients" }) key!: string;

  @Field(() => CustomerLookupResult)
  result!: CustomerLookupResult;
}
