import { Field, Float, ObjectType } from "type-graphql";

@ObjectType({ description: "Where the technician was last seen by the contractor's dispatch app." })
export class TechnicianPosition {
  @Field(() => Float, { description: "Latitude, WGS 84" }) lat!: number;
  @Field(() => Float, { description: "Longitude, WGS 84" }) lng!: number;
  @Field(() => String, { description: "When the position was reported (ISO 8601)" }) updatedAt!: string;
}
