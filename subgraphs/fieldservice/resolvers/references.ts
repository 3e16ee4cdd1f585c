import type { ReferenceResolvers } from "../../kit";
import type { Context } from "../context";
import { assertMayRead } from "../domain/access";
import { toFieldJob } from "../domain/mapping";

/** Loaded by key value, with nothing awaited first: one statement for every job in an _entities call. */
export const referenceResolvers: ReferenceResolvers = {
  FieldJob: {
    __resolveReference: (reference: { id: string }, ctx: Context) =>
      ctx.loaders.job.load(reference.id).then((row) => {
        if (!row) return null;
        assertMayRead(ctx.caller, row);
        return toFieldJob(row, ctx.caller);
      }),
  },
  // Any visit id can be asked about; whether a job exists is Visit.fieldJob's answer.
  Visit: { __resolveReference: (reference: { id: string }) => ({ id: reference.id }) },
};
