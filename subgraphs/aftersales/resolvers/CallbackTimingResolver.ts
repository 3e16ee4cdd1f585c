import { FieldResolver, Resolver, Root } from "type-graphql";
import { lateness } from "../../kit";
import { keptLateText } from "../mutations/settleCallbackPromise";
import { Callback } from "../types/Callback";

/** A promise's timing in words (issue 14): how late an open one is, and whether a kept one came late. */
@Resolver(() => Callback)
export class CallbackTimingResolver {
  @FieldResolver(() => Boolean, { description: "Kept, but after its due time" })
  keptLate(@Root() callback: Callback): boolean {
    return callback.status === "KEPT" && !!callback.doneAt && keptLateText(callback.dueAt, callback.doneAt) !== null;
  }

  @FieldResolver(() => String, { nullable: true, description: 'In words: "3 hours late" while open past due, "kept 2 hours late" when kept after it; null when on time' })
  lateText(@Root() callback: Callback): string | null {
    if (callback.status === "OPEN") {
      const minutes = Math.floor((Date.now() - Date.parse(callback.dueAt)) / 60_000);
      return minutes > 0 ? lateness(minutes) : null;
    }
    if (callback.status === "KEPT" && callback.doneAt) return keptLateText(callback.dueAt, callback.doneAt);
    return null;
  }
}
