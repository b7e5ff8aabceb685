package com.ventusvault.markets.graphql;

import java.util.List;

/** {@code UserError}: a business refusal returned as data. */
record UserError(String code, String message, List<String> field) {
}
