package com.ventusvault.accounts.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A checked change to a user's own profile: the display name (never cleared), the phone (E.164) and the postal address.
 * Build one with {@link #validate}, which reports every broken rule at once.
 *
 * @param displayName Keep or Set: a name cannot be cleared
 */
public record ProfileUpdate(Change<String> displayName, Change<String> phone, Change<Address> address) {

    public ProfileUpdate {
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(phone, "phone");
        Objects.requireNonNull(address, "address");
    }

    /** The outcome of {@link #validate}. */
    public sealed interface Checked permits Valid, Invalid {
    }

    /** Every rule holds. */
    public record Valid(ProfileUpdate update) implements Checked {
    }

    /** At least one rule is broken. */
    public record Invalid(List<Violation> violations) implements Checked {
        public Invalid {
            violations = List.copyOf(violations);
        }
    }

    /** The raw address input, before {@link Address#validate}. */
    public record RawAddress(String line1, String line2, String city, String region, String postalCode, String country) {
    }

    /** Checks raw changes (a cleared display name counts as an empty one, which is refused). */
    public static Checked validate(Change<String> rawDisplayName, Change<String> rawPhone, Change<RawAddress> rawAddress) {
        List<Violation> violations = new ArrayList<>();
        Change<String> displayName = switch (rawDisplayName) {
            case Change.Keep<String> keep -> keep;
            case Change.Clear<String> clear -> checkedName("", violations);
            case Change.Set<String> set -> checkedName(set.value(), violations);
        };
        Change<String> phone = switch (rawPhone) {
            case Change.Keep<String> keep -> keep;
            case Change.Clear<String> clear -> clear;
            case Change.Set<String> set -> {
                String normalised = PhoneNumber.normalise(set.value());
                if (normalised == null) {
                    yield Change.clear();
                }
                PhoneNumber.check(normalised, List.of("input", "phone")).ifPresent(violations::add);
                yield Change.set(normalised);
            }
        };
        Change<Address> address = switch (rawAddress) {
            case Change.Keep<RawAddress> keep -> Change.keep();
            case Change.Clear<RawAddress> clear -> Change.clear();
            case Change.Set<RawAddress> set -> {
                RawAddress raw = set.value();
                yield switch (Address.validate(raw.line1(), raw.line2(), raw.city(), raw.region(), raw.postalCode(),
                        raw.country(), List.of("input", "address"))) {
                    case Address.Valid valid -> Change.set(valid.address());
                    case Address.Invalid invalid -> {
                        violations.addAll(invalid.violations());
                        yield Change.keep();
                    }
                };
            }
        };
        return violations.isEmpty() ? new Valid(new ProfileUpdate(displayName, phone, address)) : new Invalid(violations);
    }

    private static Change<String> checkedName(String raw, List<Violation> violations) {
        String name = DisplayName.normalise(raw);
        DisplayName.check(name, List.of("input", "displayName")).ifPresent(violations::add);
        return Change.set(name);
    }

    /** The names of the fields this update touches, in input order (for the audit log: names, never values). */
    public List<String> changedFields() {
        List<String> fields = new ArrayList<>();
        if (displayName.changes()) {
            fields.add("displayName");
        }
        if (phone.changes()) {
            fields.add("phone");
        }
        if (address.changes()) {
            fields.add("address");
        }
        return fields;
    }
}
