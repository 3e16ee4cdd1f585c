import type { ApolloServerPlugin } from "@apollo/server";
import { Kind, type ASTVisitor, type DocumentNode, type ValidationContext } from "graphql";
import { codedError, ErrorCode } from "../../common/errorCodes";
import type { TrustedDocuments } from "../trustedDocuments";

/** Parsed documents found untrusted before validation; skipValidationOfUntrustedRule empties them. */
const untrusted = new WeakSet<DocumentNode>();

/**
 * TRUSTED_DOCUMENTS=enforce: only operations in the manifest run. A request passes when its
 * hash is in the manifest, or when the operation it selects, printed canonically, is -- so
 * clients may send the text, reformatted, or the hash alone (APQ).
 *
 * The verdict is taken when validation starts (the document is parsed, under the token cap;
 * looking it up is a hash, or one linear print), and an untrusted document is then not
 * validated at all: validation is where a crafted document costs CPU (overlapping-field
 * checks are quadratic), and a document that will be refused anyway must not get to spend
 * it. The refusal itself is thrown from didResolveOperation, the first hook whose errors
 * Apollo answers as coded 400s (an earlier hook's throw becomes a 500).
 */
export function enforceTrustedDocumentsPlugin(trusted: TrustedDocuments): ApolloServerPlugin {
  return {
    async requestDidStart() {
      let refused = false;
      return {
        async validationDidStart({ queryHash, document, request }) {
          if (!trusted.isTrusted(queryHash, document, request.operationName)) {
            refused = true;
            untrusted.add(document);
          }
        },
        async didResolveOperation({ queryHash, document, request }) {
          if (!refused && trusted.isTrusted(queryHash, document, request.operationName)) return;
          throw codedError(ErrorCode.OPERATION_NOT_TRUSTED, "this operation is not in the trusted documents manifest", { http: { status: 400 } });
        },
      };
    },
  };
}

/**
 * First of the validation rules in enforce mode: for a document the plugin found untrusted,
 * hands every rule an empty document to walk (a visitor returning a node replaces it), so no
 * rule visits its selections; the plugin then refuses the request.
 */
export function skipValidationOfUntrustedRule(context: ValidationContext): ASTVisitor {
  return {
    Document(document) {
      if (!untrusted.has(context.getDocument())) return undefined;
      const empty: DocumentNode = { kind: Kind.DOCUMENT, definitions: [] };
      return empty;
    },
  };
}
