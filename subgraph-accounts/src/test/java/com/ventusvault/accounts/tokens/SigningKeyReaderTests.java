package com.ventusvault.accounts.tokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SigningKeyReaderTests {

    @TempDir
    Path directory;

    @Test
    void readsAPkcs8PemAndNamesTheKeyByItsThumbprint() throws Exception {
        RSAKey key = new RSAKeyGenerator(2048).generate();
        Path file = write("key.pem", pem("PRIVATE KEY", key.toRSAPrivateKey().getEncoded()));

        SigningKeys keys = SigningKeyReader.read(file);

        assertThat(keys.signingKey().getModulus()).isEqualTo(key.getModulus());
        assertThat(keys.signingKey().getKeyID()).isEqualTo(key.computeThumbprint().toString());
        assertThat(SigningKeyReader.read(file).signingKey().getKeyID()).as("stable kid").isEqualTo(keys.signingKey().getKeyID());
        assertThat(keys.publicKeys().getKeys()).singleElement().satisfies(jwk -> assertThat(jwk.isPrivate()).isFalse());
    }

    @Test
    void readsAPkcs1Pem() throws Exception {
        RSAKey key = new RSAKeyGenerator(2048).generate();
        byte[] pkcs1 = PrivateKeyInfo.getInstance(key.toRSAPrivateKey().getEncoded()).parsePrivateKey()
                .toASN1Primitive().getEncoded();

        SigningKeys keys = SigningKeyReader.parse(pem("RSA PRIVATE KEY", pkcs1));

        assertThat(keys.signingKey().getModulus()).isEqualTo(key.getModulus());
        assertThat(keys.signingKey().isPrivate()).isTrue();
    }

    @Test
    void aJwkSetSignsWithItsFirstKeyAndStillPublishesTheOthers() throws Exception {
        RSAKey current = new RSAKeyGenerator(2048).keyID("2026-11").generate();
        RSAKey previous = new RSAKeyGenerator(2048).keyID("2026-10").generate();
        Path file = write("keys.json", new JWKSet(List.of(current, previous)).toString(false));

        SigningKeys keys = SigningKeyReader.read(file);

        assertThat(keys.signingKey().getKeyID()).isEqualTo("2026-11");
        assertThat(keys.publicKeys().getKeys()).extracting(jwk -> jwk.getKeyID()).containsExactly("2026-11", "2026-10");
        assertThat(keys.publicKeys().getKeys()).noneMatch(jwk -> jwk.isPrivate());
    }

    @Test
    void refusesKeysShorterThan2048Bits() throws Exception {
        RSAKey weak = new RSAKeyGenerator(1024, true).generate();

        assertThatThrownBy(() -> SigningKeyReader.parse(weak.toJSONString()))
                .hasMessageContaining("at least 2048 bits");
    }

    @Test
    void refusesAPublicKeyWithoutLeakingTheFileContent() throws Exception {
        RSAKey key = new RSAKeyGenerator(2048).generate();
        Path file = write("public.json", key.toPublicJWK().toJSONString());

        assertThatThrownBy(() -> SigningKeyReader.read(file))
                .hasMessageContaining(file.toString())
                .hasMessageContaining("no private part")
                .hasMessageNotContaining(key.getModulus().toString());
    }

    private Path write(String name, String content) throws Exception {
        return Files.writeString(directory.resolve(name), content);
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}
