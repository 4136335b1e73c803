package dev.tollgate.catalog;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import dev.tollgate.api.InvalidInputException;
import dev.tollgate.security.CurrentCaller;

/** Applies the document named by {@code tollgate.config-file} at every start; a bad one stops the start. */
@Component
@Order(10)
class CatalogConfigFile implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(CatalogConfigFile.class);

    private final CatalogAsCode catalog;
    private final CurrentCaller callers;
    private final String configFile;

    CatalogConfigFile(CatalogAsCode catalog, CurrentCaller callers,
            @Value("${tollgate.config-file:}") String configFile) {
        this.catalog = catalog;
        this.callers = callers;
        this.configFile = configFile;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        if (configFile.isBlank()) {
            return;
        }
        Path path = Path.of(configFile);
        if (!Files.isReadable(path)) {
            throw new IllegalStateException("tollgate.config-file names " + path.toAbsolutePath() + ", which cannot be read");
        }
        byte[] body = Files.readAllBytes(path);
        boolean json = path.getFileName().toString().toLowerCase().endsWith(".json");
        try {
            CatalogChanges changes = callers.runAsSystem(() -> catalog.apply(catalog.parse(body, !json)));
            log.info("Applied the catalog in {}: {}", path, changes);
        } catch (InvalidInputException e) {
            throw new IllegalStateException("The catalog in " + path + " was not applied: " + e.violations().stream()
                    .map(v -> v.pointer() + " " + v.message()).collect(Collectors.joining("; ")), e);
        }
    }
}
