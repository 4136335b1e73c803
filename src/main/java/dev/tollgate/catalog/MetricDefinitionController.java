package dev.tollgate.catalog;

import java.net.URI;
import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/metric-definitions")
class MetricDefinitionController {

    private final MetricCatalog metrics;

    MetricDefinitionController(MetricCatalog metrics) {
        this.metrics = metrics;
    }

    @GetMapping
    List<MetricDefinition> list() {
        return metrics.list();
    }

    @PutMapping("/{metric}")
    ResponseEntity<MetricDefinition> put(@PathVariable String metric, @RequestBody MetricDefinitionDraft draft) {
        Saved<MetricDefinition> saved = metrics.put(metric, draft);
        return saved.created()
                ? ResponseEntity.created(URI.create("/api/v1/metric-definitions/" + metric)).body(saved.value())
                : ResponseEntity.ok(saved.value());
    }
}
