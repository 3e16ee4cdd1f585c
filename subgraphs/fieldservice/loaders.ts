import type DataLoader from "dataloader";
import { sql, type Kysely } from "kysely";
import { groupLoader, rowLoader } from "../kit";
import type { DB, FieldJobsTable, JobNotesTable } from "./db/tables";

/**
 * The newest `first` notes of each job in ONE statement (row_number per job, standard SQL on
 * SQLite >= 3.25 and PostgreSQL): a job with 300 notes costs what one with 3 does.
 */
function newestNotes(db: Kysely<DB>, first: number): DataLoader<string, JobNotesTable[]> {
  return groupLoader<string, JobNotesTable>(async (jobIds) => {
    const rows = await db
      .selectFrom((eb) =>
        eb
          .selectFrom("job_notes")
          .selectAll()
          .select(sql<number>`row_number() over (partition by job_id order by at desc, id desc)`.as("rn"))
          .where("job_id", "in", jobIds)
          .as("ranked"),
      )
      .select(["id", "job_id", "at", "author", "text"])
      .where("rn", "<=", first)
      .orderBy("at", "desc")
      .orderBy("id", "desc")
      .execute();
    return rows;
  }, (row) => row.job_id);
}

export function createLoaders(db: Kysely<DB>) {
  const notesByFirst = new Map<number, DataLoader<string, JobNotesTable[]>>();
  return {
    job: rowLoader<string, FieldJobsTable>((ids) => db.selectFrom("field_jobs").selectAll().where("id", "in", ids).execute(), (row) => row.id),
    /** Every job of each visit, newest first: the first is the one that counts now. */
    jobsOfVisit: groupLoader<string, FieldJobsTable>(
      (visitIds) => db.selectFrom("field_jobs").selectAll().where("visit_id", "in", visitIds).orderBy("created_at", "desc").orderBy("id", "desc").execute(),
      (row) => row.visit_id,
    ),
    /** One loader per page size asked in this request (almost always one). */
    notes(first: number): DataLoader<string, JobNotesTable[]> {
      let loader = notesByFirst.get(first);
      if (!loader) notesByFirst.set(first, (loader = newestNotes(db, first)));
      return loader;
    },
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
