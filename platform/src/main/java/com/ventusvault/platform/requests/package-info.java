/** Facts about the HTTP request behind a GraphQL operation: request id, client IP, user agent. */
package com.ventusvault.platform.requests;
