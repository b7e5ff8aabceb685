/**
 * The document stage: parses the client's document, validates it against the API schema, selects the operation
 * and coerces its variables. Parsed, validated documents are cached by their text.
 */
package com.ventusvault.gateway.document;
