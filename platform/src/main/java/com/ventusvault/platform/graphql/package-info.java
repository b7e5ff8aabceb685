/** What makes a Spring Boot app a Federation 2 subgraph of VentusVault: SDL, scalars, entity wiring. */
package com.ventusvault.platform.graphql;
