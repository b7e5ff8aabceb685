/** The error model: one code list, client-actionable messages, no leaked internals. */
package com.ventusvault.platform.errors;
