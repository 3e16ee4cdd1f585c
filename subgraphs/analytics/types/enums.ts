import { registerEnumType } from "type-graphql";

export enum MetricsGrouping {
  ORGANIZATION = "ORGANIZATION",
  SOURCE = "SOURCE",
  TIER = "TIER",
  DAY = "DAY",
  CITY = "CITY",
  DEVICE_MODEL = "DEVICE_MODEL",
}

registerEnumType(MetricsGrouping, { name: "MetricsGrouping", description: "What serviceMetrics rows are per (DAY: UTC calendar day)" });
