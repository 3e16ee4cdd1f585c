import type { ApolloServerPlugin } from "@apollo/server";
import { codedError, ErrorCode } from "../../common/errorCodes";
import type { TrustedDocuments } from "../trustedDocuments";

/**
 * TRUSTED_DOCUMENTS=enforce: only operations in the manifest run. Checked once the document
 * is parsed and validated (Apollo catches errors thrown here and answers them coded; an
 * earlier hook would turn them into a 500), so the armor limits still bound what parsing an
 * untrusted document costs. A request passes when its hash is in the manifest, or when the
 * operation it selects, printed canonically, is -- so clients may send the text, reformatted,
 * or the hash alone (APQ).
 */
export function enforceTrustedDocumentsPlugin(trusted: TrustedDocuments): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ queryHash, document, request }) {
          if (trusted.isTrusted(queryHash, document, request.operationName)) return;
          throw codedError(ErrorCode.OPERATION_NOT_TRUSTED, "this operation is not in the trusted documents manifest", { http: { status: 400 } });
        },
      };
    },
  };
}
