package com.ventusvault.accounts.tokens;

import static org.assertj.core.api.Assertions.assertThat;

import com.ventusvault.accounts.domain.Role;
import java.util.List;
import org.junit.jupiter.api.Test;

class RoleScopesTests {

    @Test
    void customersAreGrantedNoScope() {
        assertThat(RoleScopes.claimFor(List.of(Role.CUSTOMER))).isNull();
    }

    @Test
    void supportReadsUsersAndTheLedgerAndChangesKyc() {
        assertThat(RoleScopes.claimFor(List.of(Role.CUSTOMER, Role.SUPPORT))).isEqualTo("users:read kyc:write ledger:read");
    }

    @Test
    void adminsAlsoChangeRolesAndReadTheAuditLog() {
        assertThat(RoleScopes.claimFor(List.of(Role.ADMIN, Role.CUSTOMER)))
                .isEqualTo("users:read kyc:write ledger:read roles:write audit:read");
        assertThat(RoleScopes.claimFor(List.of(Role.ADMIN, Role.SUPPORT)))
                .isEqualTo("users:read kyc:write ledger:read roles:write audit:read");
    }
}
