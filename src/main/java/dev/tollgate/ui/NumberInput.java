package dev.tollgate.ui;

import dev.tollgate.api.Violations;

/**
 * A number typed into a text field (the committed frontend bundle has no number field): blank is
 * no number, left for the service to call required; anything else must read as one.
 */
final class NumberInput {

    private NumberInput() {
    }

    /** A number as it is edited: every digit it has, none it has not ("12.5", "1200", never "1,200"). */
    static String text(double value) {
        return java.math.BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    /**
     * The number in {@code text}, or null: blank is none; text that is no number is named at
     * {@code pointer}. A decimal comma is refused rather than guessed, since "1,200" could be either.
     */
    static Double parse(Violations violations, String pointer, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            double value = Double.parseDouble(text.strip());
            if (Double.isFinite(value)) {
                return value;
            }
        } catch (NumberFormatException e) {
            // Named below, with the field.
        }
        violations.add(pointer, "must be a number, such as 12 or 99.5");
        return null;
    }
}
