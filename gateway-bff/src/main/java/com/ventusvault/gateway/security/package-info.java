/**
 * The security stage: the caller's access token verified before anything else ({@link
 * com.ventusvault.gateway.security.TokenAuthentication}, HTTP 401 for a refused token), and the supergraph's
 * {@code @authenticated}/{@code @requiresScopes} enforced before planning ({@link
 * com.ventusvault.gateway.security.AccessControl}).
 */
package com.ventusvault.gateway.security;
