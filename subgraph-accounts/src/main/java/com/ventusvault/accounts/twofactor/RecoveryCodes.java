package com.ventusvault.accounts.twofactor;

import com.ventusvault.accounts.credentials.RandomSecrets;
import com.ventusvault.accounts.credentials.SecretDigest;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

/**
 * A fresh set of recovery codes: shown to the user once, stored only as digests. Each code is 16 characters of the
 * typeable base32 alphabet (80 bits, so the SHA-256 digests cannot be reversed by trying codes) written as
 * {@code XXXX-XXXX-XXXX-XXXX}. A code is read back leniently: case, dashes and spaces do not matter, and O, I and L
 * (not in the alphabet) are read as 0, 1 and 1.
 */
record RecoveryCodes(List<String> codes, List<byte[]> digests) {

    static final int COUNT = 10;

    static RecoveryCodes generate(RandomSecrets random) {
        List<String> codes = IntStream.range(0, COUNT).mapToObj(i -> random.typeableCode(4)).toList();
        return new RecoveryCodes(codes, codes.stream().map(RecoveryCodes::digest).toList());
    }

    /** The digest a code typed by the user is stored under. */
    static byte[] digest(String typed) {
        String compact = typed.toUpperCase(Locale.ROOT).replaceAll("[\\s-]", "")
                .replace('O', '0').replace('I', '1').replace('L', '1');
        return SecretDigest.of("recovery:" + compact);
    }

    @Override
    public String toString() {
        return "RecoveryCodes[" + codes.size() + "]";
    }
}
