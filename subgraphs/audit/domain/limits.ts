/** Bounds on what one recordAuditEntries call may carry; the gateway's plugin stays inside them. */
export const MAX_ENTRIES_PER_CALL = 100;
/** 200 field paths plus the `… N more` marker the gateway appends when it cut the list. */
export const MAX_FIELDS = 201;
export const MAX_FIELD_PATH = 500;
export const MAX_CUSTOMER_IDS = 1000;
export const MAX_TEXT = 200;
/** A mutation's masked arguments, as JSON; the gateway cuts longer ones. */
export const MAX_ARGUMENTS = 4000;
