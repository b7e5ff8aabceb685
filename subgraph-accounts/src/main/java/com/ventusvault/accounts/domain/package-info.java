/**
 * What accounts knows about people, free of Spring, R2DBC and GraphQL: users, their roles and KYC status, and the
 * rules a registration must satisfy.
 */
package com.ventusvault.accounts.domain;
