import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from "type-graphql";
import type { Context } from "../context";
import { detailView } from "../domain/access";
import { toAttempt, toLockout, toLogin, toNotification } from "../domain/mapping";
import { checkFirst, checkLoginId } from "../domain/validation";
import { SecurityLoginStatus } from "../types/enums";
import { Lockout } from "../types/Lockout";
import { LoginAttempt } from "../types/LoginAttempt";
import { SecurityLogin } from "../types/SecurityLogin";
import { SecurityNotification } from "../types/SecurityNotification";

const DETAIL = "Security detail: needs an active identity verification by this caller (analysts: IPs masked). Null with a VERIFICATION_REQUIRED error otherwise.";

@Resolver(() => SecurityLogin)
export class SecurityLoginResolver {
  @Query(() => SecurityLogin, { nullable: true, description: "A platform login by id (u-lina); null when there is none" })
  async securityLogin(@Arg("id", () => ID) id: string, @Ctx() context: Context): Promise<SecurityLogin | null> {
    const row = await context.loaders.login.load(checkLoginId(id));
    return row ? toLogin(row) : null;
  }

  @FieldResolver(() => Boolean, { description: "Locked right now (visible without verification)" })
  isLocked(@Root() login: SecurityLogin): boolean {
    return login.status === SecurityLoginStatus.LOCKED;
  }

  @FieldResolver(() => [LoginAttempt], { nullable: true, description: `Recent login attempts, newest first. ${DETAIL}` })
  async attempts(
    @Root() login: SecurityLogin,
    @Arg("first", () => Int, { defaultValue: 20 }) first: number,
    @Ctx() context: Context,
  ): Promise<LoginAttempt[]> {
    checkFirst(first);
    const view = await detailView(context, login.id);
    const rows = await context.loaders.attempts(first).load(login.id);
    return rows.map((row) => toAttempt(row, view));
  }

  @FieldResolver(() => [Lockout], { nullable: true, description: `Lockouts, newest first. ${DETAIL}` })
  async lockouts(
    @Root() login: SecurityLogin,
    @Arg("first", () => Int, { defaultValue: 20 }) first: number,
    @Ctx() context: Context,
  ): Promise<Lockout[]> {
    checkFirst(first);
    await detailView(context, login.id);
    return (await context.loaders.lockouts(first).load(login.id)).map(toLockout);
  }

  @FieldResolver(() => Lockout, { nullable: true, description: `The lockout in force, if any. ${DETAIL}` })
  async activeLockout(@Root() login: SecurityLogin, @Ctx() context: Context): Promise<Lockout | null> {
    await detailView(context, login.id);
    const row = await context.loaders.activeLockout.load(login.id);
    return row ? toLockout(row) : null;
  }

  @FieldResolver(() => [SecurityNotification], {
    nullable: true,
    description: `Security messages the platform really sent, newest first: tells whether an SMS the customer got was ours. ${DETAIL}`,
  })
  async notifications(
    @Root() login: SecurityLogin,
    @Arg("first", () => Int, { defaultValue: 20 }) first: number,
    @Ctx() context: Context,
  ): Promise<SecurityNotification[]> {
    checkFirst(first);
    await detailView(context, login.id);
    return (await context.loaders.notifications(first).load(login.id)).map(toNotification);
  }
}
