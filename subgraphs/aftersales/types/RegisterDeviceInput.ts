import { Field, InputType } from "type-graphql";

@InputType({ description: "The owner a maker registers a device for: matched to the maker's registration by mobile, else created." })
export class DeviceOwnerInput {
  @Field({ description: "At most 60 characters" }) name!: string;
  @Field(() => String, { nullable: true, description: "Latin spelling (Wang Lei)" }) nameLatin?: string | null;
  @Field({ description: "Mobile, any common form (138 0719 1234, +86 138-0719-1234)" }) mobile!: string;
  @Field(() => String, { nullable: true }) email?: string | null;
  @Field({ description: "City (武汉, Wuhan)" }) city!: string;
  @Field(() => String, { nullable: true, description: "Service address, at most 200 characters" }) address?: string | null;
  @Field(() => Boolean, { nullable: true, description: "The owner says the number is a household's/shared phone" }) sharedPhone?: boolean | null;
}

@InputType({ description: "A device the maker registers (warranty registration) for its owner." })
export class RegisterDeviceInput {
  @Field({ description: "The maker's organization code (aolan); a partner registers only its own organization's devices" }) maker!: string;
  @Field({ description: "Model (AL-EH60)" }) model!: string;
  @Field({ description: "Serial number (AL-EH60-88001); unique per device" }) serial!: string;
  @Field(() => String, { nullable: true, description: "Product name as the maker writes it; the model when omitted" }) productName?: string | null;
  @Field(() => String, { nullable: true, description: "ISO 8601 purchase time; now when omitted" }) purchasedAt?: string | null;
  @Field(() => String, { nullable: true, description: "The retailer's order it was sold with (YG-...)" }) purchaseOrderNumber?: string | null;
  @Field(() => DeviceOwnerInput) owner!: DeviceOwnerInput;
  @Field({ description: "Repeating with the same key returns the same answer" }) idempotencyKey!: string;
}
