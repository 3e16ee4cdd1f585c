import { Field, ID, ObjectType } from "type-graphql";
import { Device } from "./Device";

@ObjectType({ description: "What registerDevice did: the device and the maker registration it belongs to." })
export class DeviceRegistration {
  @Field(() => Device) device!: Device;
  @Field(() => ID, { description: "The owner's registration with the maker (MR-...)" }) makerCustomerId!: string;
  @Field({ description: "True when the owner was new to the maker and the registration was created" }) registrationCreated!: boolean;
}
