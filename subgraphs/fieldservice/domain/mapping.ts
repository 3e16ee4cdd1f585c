import type { Caller } from "../../../common/caller";
import { maskStaffPhoneFor } from "../../kit";
import type { FieldJobsTable, JobNotesTable } from "../db/tables";
import type { FieldJob } from "../types/FieldJob";
import type { JobNote } from "../types/JobNote";

const MICRO = 1_000_000;

/** With `caller`, the technician's mobile is masked for analysts. */
export function toFieldJob(row: FieldJobsTable, caller?: Caller): FieldJob {
  return {
    id: row.id,
    visitId: row.visit_id,
    makerOrganization: row.maker_org,
    ownerId: row.owner_id,
    status: row.status,
    technicianName: row.technician_name,
    technicianPhone: caller ? maskStaffPhoneFor(caller, row.technician_phone)! : row.technician_phone,
    position:
      row.lat_e6 !== null && row.lng_e6 !== null && row.position_at
        ? { lat: Number(row.lat_e6) / MICRO, lng: Number(row.lng_e6) / MICRO, updatedAt: row.position_at }
        : null,
    eta: row.eta,
    cancelReason: row.cancel_reason,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function toJobNote(row: JobNotesTable): JobNote {
  return { id: row.id, at: row.at, author: row.author, text: row.text };
}

export function toMicroDegrees(degrees: number): number {
  return Math.round(degrees * MICRO);
}
