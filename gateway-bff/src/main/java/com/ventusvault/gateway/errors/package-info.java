/** The gateway's error model: one code enum, errors as GraphQL-over-HTTP error objects. */
package com.ventusvault.gateway.errors;
