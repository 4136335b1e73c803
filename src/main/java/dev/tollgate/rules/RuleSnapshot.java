package dev.tollgate.rules;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Every stored rule as read at one {@link dev.tollgate.catalog.CatalogStamp catalog stamp}, indexed
 * by scope so that a promotion finds its own in a few map reads.
 */
record RuleSnapshot(long stamp, List<StoredRule> everyService, Map<String, List<StoredRule>> byTeam,
        Map<String, List<StoredRule>> byService) {

    static final RuleSnapshot NONE = of(Long.MIN_VALUE, List.of());

    static RuleSnapshot of(long stamp, List<StoredRule> rules) {
        List<StoredRule> every = new ArrayList<>();
        Map<String, List<StoredRule>> byTeam = new HashMap<>();
        Map<String, List<StoredRule>> byService = new HashMap<>();
        for (StoredRule rule : rules) {
            if (rule.service() != null) {
                byService.computeIfAbsent(rule.service(), any -> new ArrayList<>()).add(rule);
            }
            if (rule.team() != null) {
                byTeam.computeIfAbsent(rule.team(), any -> new ArrayList<>()).add(rule);
            }
            if (rule.service() == null && rule.team() == null) {
                every.add(rule);
            }
        }
        return new RuleSnapshot(stamp, List.copyOf(every), Map.copyOf(byTeam), Map.copyOf(byService));
    }

    /**
     * The rules a promotion of {@code service} (of {@code team}, null when unowned) may be gated
     * by: its own, its team's and those of every service, in id order, each once.
     */
    List<StoredRule> applicable(String team, String service) {
        Map<String, StoredRule> rules = new TreeMap<>();
        for (StoredRule rule : everyService) {
            rules.put(rule.id(), rule);
        }
        for (StoredRule rule : byService.getOrDefault(service, List.of())) {
            rules.put(rule.id(), rule);
        }
        if (team != null) {
            for (StoredRule rule : byTeam.getOrDefault(team, List.of())) {
                rules.put(rule.id(), rule);
            }
        }
        return List.copyOf(rules.values());
    }
}
