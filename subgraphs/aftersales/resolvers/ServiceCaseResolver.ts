import { Arg, Ctx, FieldResolver, Query, Resolver, Root } from "type-graphql";
import { Commitment, Handler, Handoff, toCommitment } from "../../kit";
import { authorizeCase } from "../access";
import type { Context } from "../context";
import {
  currentHandler,
  toArrangement,
  toCallback,
  toCaseParty,
  toDevice,
  toEngineeringTask,
  toHandoffs,
  toMakerCustomer,
  toReplacement,
  toServiceCase,
  toServiceCenter,
  toVisit,
} from "../mappers";
import { Callback } from "../types/Callback";
import { CaseParty } from "../types/CaseParty";
import { Device } from "../types/Device";
import { EngineeringTask } from "../types/EngineeringTask";
import { MakerCustomer } from "../types/MakerCustomer";
import { Order } from "../types/Order";
import { ReplacementShipment } from "../types/ReplacementShipment";
import { ServiceArrangement } from "../types/ServiceArrangement";
import { ServiceCase } from "../types/ServiceCase";
import { ServiceCenter } from "../types/ServiceCenter";
import { Visit } from "../types/Visit";
import { identifier } from "../validation";

@Resolver(() => ServiceCase)
export class ServiceCaseResolver {
  @Query(() => ServiceCase, { nullable: true, description: "A service case by number (CS-...); null when unknown" })
  async serviceCase(@Arg("number", () => String) number: string, @Ctx() ctx: Context): Promise<ServiceCase | null> {
    const row = await ctx.loaders.serviceCase.load(identifier(number, "caseNumber", "number"));
    return row ? toServiceCase(await authorizeCase(ctx, row)) : null;
  }

  @FieldResolver(() => MakerCustomer, { nullable: true, description: "The customer's registration with the maker" })
  async customer(@Root() serviceCase: ServiceCase, @Ctx() ctx: Context): Promise<MakerCustomer | null> {
    const row = await ctx.loaders.makerCustomer.load(serviceCase.ownerId);
    return row ? toMakerCustomer(row, ctx.caller) : null;
  }

  @FieldResolver(() => Device, { nullable: true })
  async device(@Root() serviceCase: ServiceCase, @Ctx() ctx: Context): Promise<Device | null> {
    if (!serviceCase.serial) return null;
    const row = await ctx.loaders.device.load(serviceCase.serial);
    return row ? toDevice(row) : null;
  }

  @FieldResolver(() => Order, { nullable: true, description: "The retailer's order behind the case (orders subgraph); null when none" })
  order(@Root() serviceCase: ServiceCase): Order | null {
    return serviceCase.orderNumber ? { number: serviceCase.orderNumber } : null;
  }

  @FieldResolver(() => [CaseParty], { description: "Organizations sharing the case" })
  async parties(@Root() serviceCase: ServiceCase, @Ctx() ctx: Context): Promise<CaseParty[]> {
    return (await ctx.loaders.parties.load(serviceCase.number)).map(toCaseParty);
  }

  @FieldResolver(() => [Visit], { description: "Technician visits, latest window first" })
  async visits(@Root() serviceCase: ServiceCase, @Ctx() ctx: Context): Promise<Visit[]> {
    return (await ctx.loaders.visitsByCase.load(serviceCase.number)).map(toVisit);
  }

  @FieldResolver(() => [Callback], { description: "Promised calls back to the customer, latest due first" })
  async callbacks(@Root() serviceCase: ServiceCase, @Ctx() ctx: Context): Promise<Callback[]> {
    const now = new Date();
    return (await ctx.loaders.callbacksByCase.load(serviceCase.number)).map((row) => toCallback(row, now));
  }

  @FieldResolver(() => [EngineeringTask], { description: "Engineering verification tasks" })
  async tasks(@Root() serviceCase: ServiceCase, @Ctx() ctx: Context): Promise<EngineeringTask[]> {
    return (await ctx.loaders.tasksByCase.load(serviceCase.number)).map(toEngineeringTask);
  }

  @FieldResolver(() => [ReplacementShipment], { description: "Advance replacement shipments" })
  async replacements(@Root() serviceCase: ServiceCase, @Ctx() ctx: Context): Promise<ReplacementShipment[]> {
    return (await ctx.loaders.replacementsByCase.load(serviceCase.number)).map(toReplacement);
  }

  @FieldResolver(() => [ServiceArrangement], { description: "Arrangements made with service centers" })
  async arrangements(@Root() serviceCase: ServiceCase, @Ctx() ctx: Context): Promise<ServiceArrangement[]> {
    return (await ctx.loaders.arrangementsByCase.load(serviceCase.number)).map(toArrangement);
  }

  @FieldResolver(() => ServiceCenter, { nullable: true, description: "The service center responsible for the case" })
  async serviceCenter(@Root() serviceCase: ServiceCase, @Ctx() ctx: Context): Promise<ServiceCenter | null> {
    if (!serviceCase.serviceCenterId) return null;
    const row = await ctx.loaders.serviceCenter.load(serviceCase.serviceCenterId);
    return row ? toServiceCenter(row) : null;
  }

  @FieldResolver(() => Handler, { nullable: true, description: "Who owns the case now (null once closed)" })
  async handler(@Root() serviceCase: ServiceCase, @Ctx() ctx: Context): Promise<Handler | null> {
    return currentHandler(await ctx.loaders.caseHandlers.load(serviceCase.number));
  }

  @FieldResolver(() => [Handoff], { description: "Ownership history: L1 -> L2 -> ..." })
  async handoffs(@Root() serviceCase: ServiceCase, @Ctx() ctx: Context): Promise<Handoff[]> {
    return toHandoffs(await ctx.loaders.caseHandlers.load(serviceCase.number));
  }

  @FieldResolver(() => [Commitment], { description: "Promises made to the customer on this case" })
  async promises(@Root() serviceCase: ServiceCase, @Ctx() ctx: Context): Promise<Commitment[]> {
    const now = new Date();
    return (await ctx.loaders.casePromises.load(serviceCase.number)).map((row) => toCommitment(row, now));
  }
}
