import { Arg, Ctx, Mutation, Resolver } from "type-graphql";
import type { Context } from "../context";
import { openServiceCase } from "../mutations/openServiceCase";
import { registerDevice } from "../mutations/registerDevice";
import { DeviceRegistration } from "../types/DeviceRegistration";
import { OpenedServiceCase } from "../types/OpenedServiceCase";
import { OpenServiceCaseInput } from "../types/OpenServiceCaseInput";
import { RegisterDeviceInput } from "../types/RegisterDeviceInput";

/** Issue 13 item 5: new customers' records through the graph, the maker's part. */
@Resolver()
export class CreationMutationResolver {
  @Mutation(() => DeviceRegistration, { description: "The maker registers a device for its owner; an owner new to the maker (by mobile) gets a registration. Safe to repeat with the same idempotencyKey." })
  async registerDevice(@Arg("input", () => RegisterDeviceInput) input: RegisterDeviceInput, @Ctx() ctx: Context): Promise<DeviceRegistration> {
    return registerDevice(ctx, input);
  }

  @Mutation(() => OpenedServiceCase, { description: "The maker opens a service case for a registered device, optionally booking a technician visit (worked by a field contractor). Safe to repeat with the same idempotencyKey." })
  async openServiceCase(@Arg("input", () => OpenServiceCaseInput) input: OpenServiceCaseInput, @Ctx() ctx: Context): Promise<OpenedServiceCase> {
    return openServiceCase(ctx, input);
  }
}
