/** Matter kind of an undelivered value-added service (open matters, handlers, promises). */
export const VAS_MATTER_KIND = "VALUE_ADDED_SERVICE";

/** The value-added services a rep may sell inside a case (S6), and how soon each is due. */
export interface VasService {
  code: string;
  name: string;
  nameZh: string;
  priceFen: number;
  /** From ordering to the promised delivery. */
  dueHours: number;
}

export const VAS_CATALOG: readonly VasService[] = [
  { code: "ONSITE_2H", name: "2-hour on-site visit", nameZh: "2小时上门服务", priceFen: 19900, dueHours: 2 },
  { code: "ONSITE_EVENING", name: "evening on-site visit", nameZh: "晚间上门服务", priceFen: 14900, dueHours: 24 },
  { code: "UPGRADE_PACK", name: "upgrade pack", nameZh: "升级服务包", priceFen: 29900, dueHours: 72 },
];

export function vasService(code: string): VasService | undefined {
  return VAS_CATALOG.find((service) => service.code === code);
}
