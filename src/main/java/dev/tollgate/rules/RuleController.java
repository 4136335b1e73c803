package dev.tollgate.rules;

import java.net.URI;
import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

@RestController
@RequestMapping("/api/v1/rules")
class RuleController {

    private final Rules rules;
    private final RuleBacktests backtests;

    RuleController(Rules rules, RuleBacktests backtests) {
        this.rules = rules;
        this.backtests = backtests;
    }

    @GetMapping
    List<ObjectNode> list(@RequestParam(required = false) String team, @RequestParam(required = false) String service) {
        return rules.list(team, service);
    }

    @GetMapping("/{rule}")
    ObjectNode get(@PathVariable String rule) {
        return rules.get(rule);
    }

    @PutMapping("/{rule}")
    ResponseEntity<ObjectNode> put(@PathVariable String rule, @RequestBody JsonNode body) {
        Rules.Written written = rules.put(rule, body);
        return written.created()
                ? ResponseEntity.created(URI.create("/api/v1/rules/" + rule)).body(written.rule())
                : ResponseEntity.ok(written.rule());
    }

    @PostMapping("/backtest")
    Backtest backtest(@RequestBody JsonNode body) {
        return backtests.backtest(body);
    }

    @DeleteMapping("/{rule}")
    ResponseEntity<Void> delete(@PathVariable String rule) {
        rules.delete(rule);
        return ResponseEntity.noContent().build();
    }
}
