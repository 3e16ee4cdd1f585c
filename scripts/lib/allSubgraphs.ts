import type { SubgraphDefinition } from "../../subgraphs/kit";
import { analyticsSubgraph } from "../../subgraphs/analytics/subgraph";
import { aftersalesSubgraph } from "../../subgraphs/aftersales/subgraph";
import { auditSubgraph } from "../../subgraphs/audit/subgraph";
import { billingSubgraph } from "../../subgraphs/billing/subgraph";
import { customersSubgraph } from "../../subgraphs/customers/subgraph";
import { fieldserviceSubgraph } from "../../subgraphs/fieldservice/subgraph";
import { ordersSubgraph } from "../../subgraphs/orders/subgraph";
import { securitySubgraph } from "../../subgraphs/security/subgraph";

/**
 * Our five subgraphs' definitions, for tools that work on their databases (the seed
 * generator). Safe in one process as long as nothing builds their schemas here.
 */
export const ALL_SUBGRAPHS: SubgraphDefinition<any, any>[] = [customersSubgraph, ordersSubgraph, aftersalesSubgraph, billingSubgraph, securitySubgraph, auditSubgraph, fieldserviceSubgraph, analyticsSubgraph];
