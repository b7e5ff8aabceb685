/** Typed settings of the payments subgraph and the beans built from them. */
package com.ventusvault.payments.config;
