package com.ventusvault.accounts.audit;

import com.ventusvault.platform.errors.ApiException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The opaque {@code after} cursor of {@code auditLog}: the id of the last entry of the previous page (keyset paging:
 * the next page is the entries with smaller ids, so entries written meanwhile neither shift nor repeat a page).
 */
final class AuditCursor {

    private static final String PREFIX = "audit:";

    private AuditCursor() {
    }

    static String encode(long id) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((PREFIX + id).getBytes(StandardCharsets.UTF_8));
    }

    /** The entry id in the cursor; BAD_REQUEST (field {@code after}) when the cursor is not one of ours. */
    static long decode(String cursor) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor.strip()), StandardCharsets.UTF_8);
            if (text.startsWith(PREFIX)) {
                long id = Long.parseLong(text.substring(PREFIX.length()));
                if (id > 0) {
                    return id;
                }
            }
        } catch (IllegalArgumentException e) {
            // falls through to the error below (NumberFormatException is an IllegalArgumentException)
        }
        throw ApiException.badInput("after is not a cursor of auditLog: " + cursor, "after");
    }
}
