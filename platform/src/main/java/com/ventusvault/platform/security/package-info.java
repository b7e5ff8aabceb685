/** Access-token verification every subgraph performs for itself, and the Viewer resolvers act for. */
package com.ventusvault.platform.security;
