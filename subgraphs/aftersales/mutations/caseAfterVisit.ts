import type { Transaction } from "kysely";
import type { DB } from "../db/tables";

/** A case waiting for a visit that no longer exists is open again, not "scheduled". */
export async function reopenCaseWithoutVisits(trx: Transaction<DB>, caseNumber: string): Promise<void> {
  await trx
    .updateTable("service_cases")
    .set({ status: "OPEN" })
    .where("number", "=", caseNumber)
    .where("status", "=", "SCHEDULED")
    .where((eb) => eb.not(eb.exists(eb.selectFrom("visits").select("id").where("case_number", "=", caseNumber).where("status", "=", "SCHEDULED"))))
    .execute();
}
