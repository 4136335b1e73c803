package dev.tollgate.delivery;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A package URL ({@code pkg:type/namespace/name@version?qualifiers#subpath}), as CDEvents names
 * artifacts: {@code pkg:oci/checkout@sha256%3A0b31…?tag=1.4.2}, {@code pkg:maven/dev.acme/checkout@1.4.2}.
 * Only what Tollgate needs is read: type, name, version and qualifiers, percent-decoded.
 */
record PackageUrl(String type, String name, String version, Map<String, String> qualifiers) {

    PackageUrl {
        qualifiers = Map.copyOf(qualifiers);
    }

    /** The purl in {@code text}, or empty when it is none. */
    static Optional<PackageUrl> parse(String text) {
        if (text == null || !text.regionMatches(true, 0, "pkg:", 0, 4)) {
            return Optional.empty();
        }
        String rest = text.substring(4);
        int hash = rest.indexOf('#');
        if (hash >= 0) {
            rest = rest.substring(0, hash);
        }
        Map<String, String> qualifiers = new HashMap<>();
        int question = rest.indexOf('?');
        if (question >= 0) {
            for (String pair : rest.substring(question + 1).split("&")) {
                int equals = pair.indexOf('=');
                if (equals > 0) {
                    qualifiers.put(pair.substring(0, equals).toLowerCase(Locale.ROOT), decode(pair.substring(equals + 1)));
                }
            }
            rest = rest.substring(0, question);
        }
        while (rest.startsWith("/")) {
            rest = rest.substring(1);
        }
        String version = null;
        int at = rest.lastIndexOf('@');
        if (at >= 0) {
            version = decode(rest.substring(at + 1));
            rest = rest.substring(0, at);
        }
        while (rest.endsWith("/")) {
            rest = rest.substring(0, rest.length() - 1);
        }
        int firstSlash = rest.indexOf('/');
        if (firstSlash <= 0 || firstSlash == rest.length() - 1) {
            return Optional.empty();
        }
        String type = rest.substring(0, firstSlash).toLowerCase(Locale.ROOT);
        String name = decode(rest.substring(rest.lastIndexOf('/') + 1));
        return Optional.of(new PackageUrl(type, name, version == null || version.isEmpty() ? null : version, qualifiers));
    }

    /**
     * The version a pipeline would call this artifact by. For an OCI image that is its tag when
     * the purl carries one: the purl's own version is the image digest.
     */
    Optional<String> releaseVersion() {
        if ("oci".equals(type) && qualifiers.get("tag") != null && !qualifiers.get("tag").isEmpty()) {
            return Optional.of(qualifiers.get("tag"));
        }
        return Optional.ofNullable(version);
    }

    /** Percent-decoding as purls use it: no '+' for a space, since versions hold '+'. */
    private static String decode(String text) {
        if (text.indexOf('%') < 0) {
            return text;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int i = 0;
        while (i < text.length()) {
            if (text.charAt(i) == '%' && i + 2 < text.length() && Character.digit(text.charAt(i + 1), 16) >= 0
                    && Character.digit(text.charAt(i + 2), 16) >= 0) {
                bytes.write(Character.digit(text.charAt(i + 1), 16) * 16 + Character.digit(text.charAt(i + 2), 16));
                i += 3;
            } else {
                int codePoint = text.codePointAt(i);
                bytes.writeBytes(new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8));
                i += Character.charCount(codePoint);
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
