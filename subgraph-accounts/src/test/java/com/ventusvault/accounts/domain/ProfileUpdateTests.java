package com.ventusvault.accounts.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ProfileUpdateTests {

    private static final ProfileUpdate.RawAddress ADDRESS =
            new ProfileUpdate.RawAddress(" 1 High St ", " ", "London", null, "SW1A 1AA", "gb");

    @Test
    void keepsWhatIsLeftOutClearsWhatIsNullAndNormalisesWhatIsSet() {
        ProfileUpdate update = valid(ProfileUpdate.validate(Change.keep(), Change.set("+44 (20) 7946-0958"),
                Change.set(ADDRESS)));

        assertThat(update.displayName()).isEqualTo(Change.keep());
        assertThat(update.phone()).isEqualTo(Change.set("+442079460958"));
        assertThat(update.address()).isEqualTo(Change.set(new Address("1 High St", null, "London", null, "SW1A 1AA", "GB")));
        assertThat(update.changedFields()).containsExactly("phone", "address");
        assertThat(update.displayName().applyTo("Old")).isEqualTo("Old");
        assertThat(valid(ProfileUpdate.validate(Change.keep(), Change.clear(), Change.clear())).phone().applyTo("+1"))
                .isNull();
    }

    @Test
    void aBlankPhoneClearsIt() {
        assertThat(valid(ProfileUpdate.validate(Change.keep(), Change.set("  "), Change.keep())).phone())
                .isEqualTo(Change.clear());
    }

    @Test
    void reportsEveryBrokenRuleWithItsField() {
        var checked = ProfileUpdate.validate(Change.clear(), Change.set("12345"),
                Change.set(new ProfileUpdate.RawAddress("", null, " ", "r".repeat(201), null, "XX")));

        assertThat(checked).isInstanceOf(ProfileUpdate.Invalid.class);
        List<Violation> violations = ((ProfileUpdate.Invalid) checked).violations();
        assertThat(violations).extracting(Violation::code).containsExactly("DISPLAY_NAME_REQUIRED", "INVALID_PHONE",
                "ADDRESS_LINE1_REQUIRED", "ADDRESS_CITY_REQUIRED", "ADDRESS_FIELD_TOO_LONG", "INVALID_COUNTRY");
        assertThat(violations.get(4).field()).containsExactly("input", "address", "region");
    }

    @Test
    void anEmptyUpdateChangesNothing() {
        assertThat(valid(ProfileUpdate.validate(Change.keep(), Change.keep(), Change.keep())).changedFields()).isEmpty();
    }

    private static ProfileUpdate valid(ProfileUpdate.Checked checked) {
        assertThat(checked).isInstanceOf(ProfileUpdate.Valid.class);
        return ((ProfileUpdate.Valid) checked).update();
    }
}
