import type { Customer360Tables } from "../../kit";

/**
 * A contractor's job for one of a maker's visits. The contractor works for the maker, so
 * its customer is the maker's registration (owner_id = MR-...), not a person of its own.
 */
export interface FieldJobsTable {
  id: string;
  /** The maker's Visit id (aftersales). A visit may have had earlier, cancelled jobs. */
  visit_id: string;
  /** The maker's registration id (aftersales MakerCustomer), e.g. MR-AOLAN-5001. */
  owner_id: string;
  /** Organization code of the maker the job is done for (aolan, hengtong, ...). */
  maker_org: string;
  /** ASSIGNED, EN_ROUTE, ON_SITE, COMPLETED, CANCELLED */
  status: string;
  technician_name: string;
  technician_phone: string;
  /** Position in micro-degrees: integers keep the same value on SQLite and PostgreSQL. */
  lat_e6: number | null;
  lng_e6: number | null;
  position_at: string | null;
  eta: string | null;
  cancel_reason: string | null;
  created_at: string;
  updated_at: string;
}

export interface JobNotesTable {
  id: string;
  job_id: string;
  at: string;
  author: string;
  text: string;
}

export interface FieldServiceTables {
  field_jobs: FieldJobsTable;
  job_notes: JobNotesTable;
}

export type DB = FieldServiceTables & Customer360Tables;
