/**
 * Access tokens: the RSA signing key (loaded from a file or generated), minting RS256 JWTs, and publishing the public
 * keys as a JWKS for every subgraph and the gateway to verify against.
 */
package com.ventusvault.accounts.tokens;
