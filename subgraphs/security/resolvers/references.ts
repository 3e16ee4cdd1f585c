import type { ReferenceResolvers } from "../../kit";
import type { Context } from "../context";
import { toLogin } from "../domain/mapping";

/** Loaded by key value, with nothing awaited first: one statement for every login in an _entities call. */
export const referenceResolvers: ReferenceResolvers = {
  SecurityLogin: {
    __resolveReference: (reference: { id: string }, context: Context) =>
      context.loaders.login.load(reference.id).then((row) => (row ? toLogin(row) : null)),
  },
};
