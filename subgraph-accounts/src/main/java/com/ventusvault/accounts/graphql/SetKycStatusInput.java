package com.ventusvault.accounts.graphql;

import com.ventusvault.accounts.domain.KycStatus;

/** The {@code SetKycStatusInput} GraphQL input. */
public record SetKycStatusInput(String userId, KycStatus status, String reason) {
}
