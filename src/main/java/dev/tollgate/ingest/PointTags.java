package dev.tollgate.ingest;

import java.util.Map;

/** The limits on the tags of a point (API.md, "Conventions"), whichever format brought them. */
final class PointTags {

    static final int MAX_COUNT = 16;
    static final int MAX_KEY_LENGTH = 64;
    static final int MAX_VALUE_LENGTH = 256;

    private PointTags() {
    }

    /** What is wrong with these tags, or null when nothing is. */
    static String problemWith(Map<String, String> tags) {
        if (tags.size() > MAX_COUNT) {
            return "has " + tags.size() + " tags besides service, team and stage; at most " + MAX_COUNT + " are allowed";
        }
        for (Map.Entry<String, String> tag : tags.entrySet()) {
            if (tag.getKey().length() > MAX_KEY_LENGTH) {
                return "tag key " + BadLine.quote(tag.getKey()) + " is longer than " + MAX_KEY_LENGTH + " characters";
            }
            if (tag.getValue().length() > MAX_VALUE_LENGTH) {
                return "tag " + BadLine.quote(tag.getKey()) + " has a value longer than " + MAX_VALUE_LENGTH
                        + " characters";
            }
        }
        return null;
    }
}
