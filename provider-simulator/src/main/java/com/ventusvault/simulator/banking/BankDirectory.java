package com.ventusvault.simulator.banking;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The simulated banking system behind both providers: a small bank list and a deterministic account register.
 * An account exists when its number is 10 digits and does not start with {@code 000}; its holder's name is derived
 * from a hash of bank code and number, so the same account always resolves to the same name, at both providers.
 */
@Component
public class BankDirectory {

    private static final List<Bank> BANKS = List.of(
            new Bank(1, "044", "Access Bank", "access-bank"),
            new Bank(2, "058", "Guaranty Trust Bank", "guaranty-trust-bank"),
            new Bank(3, "011", "First Bank of Nigeria", "first-bank-of-nigeria"),
            new Bank(4, "033", "United Bank For Africa", "united-bank-for-africa"),
            new Bank(5, "057", "Zenith Bank", "zenith-bank"),
            new Bank(6, "232", "Sterling Bank", "sterling-bank"));

    private static final List<String> FIRST = List.of("Adaeze", "Babatunde", "Chinedu", "Damilola", "Emeka", "Folake",
            "Gbenga", "Halima", "Ifeoma", "Jide", "Kemi", "Lanre", "Musa", "Ngozi", "Oluwaseun", "Tobi");
    private static final List<String> LAST = List.of("Adeyemi", "Bello", "Chukwu", "Danjuma", "Eze", "Fashola",
            "Garba", "Ibrahim", "Johnson", "Kalu", "Lawal", "Mohammed", "Nwosu", "Okafor", "Salami", "Uche");

    /** Every bank, in a stable order. */
    public List<Bank> banks() {
        return BANKS;
    }

    public Optional<Bank> bank(String code) {
        return BANKS.stream().filter(b -> b.code().equals(code)).findFirst();
    }

    /** The holder of this account, or empty when the bank is unknown or no such account exists. */
    public Optional<String> holder(String bankCode, String accountNumber) {
        if (bank(bankCode).isEmpty() || accountNumber == null || !accountNumber.matches("\\d{10}")
                || accountNumber.startsWith("000")) {
            return Optional.empty();
        }
        byte[] hash = sha256(bankCode + ":" + accountNumber);
        String first = FIRST.get(Byte.toUnsignedInt(hash[0]) % FIRST.size());
        String last = LAST.get(Byte.toUnsignedInt(hash[1]) % LAST.size());
        return Optional.of((last + " " + first).toUpperCase(java.util.Locale.ROOT));
    }

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
