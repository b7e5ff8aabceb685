package com.ventusvault.accounts.tokens;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPrivateCrtKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.asn1.pkcs.RSAPrivateKey;

/**
 * Reads the signing key file named by {@code ventus.accounts.tokens.signing-key-path}: PEM (PKCS#8 or PKCS#1) or
 * JSON (one JWK, or a JWK set whose first key signs). Keys without a {@code kid} get their RFC 7638 thumbprint, so
 * the same file always yields the same kid. Every failure names the file and what is wrong with it, never the key.
 */
public final class SigningKeyReader {

    private static final Pattern PEM = Pattern.compile(
            "-----BEGIN ([A-Z ]+)-----([A-Za-z0-9+/=\\s]+)-----END \\1-----");

    private SigningKeyReader() {
    }

    public static SigningKeys read(Path path) {
        String text;
        try {
            text = Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read the token signing key " + path + ": " + e.getMessage(), e);
        }
        try {
            return parse(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("The token signing key " + path + " is not usable: " + e.getMessage(), e);
        }
    }

    /** Parses the content of a key file; {@link IllegalArgumentException} says what is wrong. */
    public static SigningKeys parse(String text) {
        String trimmed = text.strip();
        List<RSAKey> keys = trimmed.startsWith("{") ? fromJson(trimmed) : List.of(fromPem(trimmed));
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("the JWK set holds no RSA key");
        }
        keys.forEach(SigningKeyReader::checkSize);
        return new SigningKeys(keys.getFirst(), keys.subList(1, keys.size()));
    }

    private static List<RSAKey> fromJson(String json) {
        try {
            List<JWK> jwks = json.contains("\"keys\"") ? JWKSet.parse(json).getKeys() : List.of(JWK.parse(json));
            List<RSAKey> keys = new ArrayList<>();
            for (JWK jwk : jwks) {
                if (!(jwk instanceof RSAKey rsa)) {
                    throw new IllegalArgumentException("only RSA keys can sign RS256 tokens, found " + jwk.getKeyType());
                }
                keys.add(rsa.getKeyID() == null ? withThumbprintId(rsa) : rsa);
            }
            return keys;
        } catch (ParseException e) {
            throw new IllegalArgumentException("not a JWK or JWK set (" + e.getMessage() + ")");
        }
    }

    private static RSAKey fromPem(String pem) {
        Matcher block = PEM.matcher(pem);
        if (!block.find()) {
            throw new IllegalArgumentException("expected a PEM private key or a JWK");
        }
        byte[] der = Base64.getMimeDecoder().decode(block.group(2));
        try {
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            RSAPrivateCrtKey privateKey = switch (block.group(1)) {
                case "PRIVATE KEY" -> (RSAPrivateCrtKey) rsa.generatePrivate(new PKCS8EncodedKeySpec(der));
                case "RSA PRIVATE KEY" -> (RSAPrivateCrtKey) rsa.generatePrivate(pkcs1(der));
                default -> throw new IllegalArgumentException("expected 'BEGIN PRIVATE KEY' or 'BEGIN RSA PRIVATE KEY', found 'BEGIN "
                        + block.group(1) + "'");
            };
            RSAPublicKey publicKey = (RSAPublicKey) rsa.generatePublic(
                    new RSAPublicKeySpec(privateKey.getModulus(), privateKey.getPublicExponent()));
            return withThumbprintId(new RSAKey.Builder(publicKey).privateKey(privateKey).build());
        } catch (GeneralSecurityException | ClassCastException e) {
            throw new IllegalArgumentException("not an RSA private key (" + e.getClass().getSimpleName() + ")");
        }
    }

    private static RSAPrivateCrtKeySpec pkcs1(byte[] der) {
        RSAPrivateKey key = RSAPrivateKey.getInstance(der);
        return new RSAPrivateCrtKeySpec(key.getModulus(), key.getPublicExponent(), key.getPrivateExponent(),
                key.getPrime1(), key.getPrime2(), key.getExponent1(), key.getExponent2(), key.getCoefficient());
    }

    private static RSAKey withThumbprintId(RSAKey key) {
        try {
            return new RSAKey.Builder(key).keyUse(KeyUse.SIGNATURE).keyIDFromThumbprint().build();
        } catch (JOSEException e) {
            throw new IllegalArgumentException("cannot compute the key thumbprint (" + e.getMessage() + ")");
        }
    }

    private static void checkSize(RSAKey key) {
        BigInteger modulus = key.getModulus().decodeToBigInteger();
        if (modulus.bitLength() < SigningKeys.MIN_KEY_BITS) {
            throw new IllegalArgumentException("RSA keys must have at least " + SigningKeys.MIN_KEY_BITS
                    + " bits, key " + key.getKeyID() + " has " + modulus.bitLength());
        }
    }
}
