import { Directive, Field, ID, ObjectType } from "type-graphql";
import type { OutagesTable } from "../db/tables";

@Directive('@key(fields: "id")')
@ObjectType({ description: "A network outage and the lines it hit." })
export class Outage {
  @Field(() => ID) id!: string;
  @Field(() => String) provider!: string;
  @Field(() => String) area!: string;
  @Field(() => String, { nullable: true }) areaLatin!: string | null;
  @Field(() => String) from!: string;
  @Field(() => String, { nullable: true, description: "Null while ongoing" }) to!: string | null;
  @Field(() => String, { nullable: true, description: "What engineering recorded as the cause" }) cause!: string | null;
  @Field(() => String, { nullable: true, description: "What customers were told; null: no explanation given yet" }) explanation!: string | null;
  @Field(() => String, { description: "ONGOING or RESOLVED" }) status!: string;
}

export function toOutage(row: OutagesTable): Outage {
  return {
    id: row.id,
    provider: row.provider,
    area: row.area,
    areaLatin: row.area_latin,
    from: row.started_at,
    to: row.ended_at,
    cause: row.cause,
    explanation: row.explanation,
    status: row.status,
  };
}
