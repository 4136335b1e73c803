package dev.tollgate.storage;

import java.util.EnumSet;
import java.util.Set;

import org.jooq.ExecuteContext;
import org.jooq.ExecuteListener;
import org.jooq.ExecuteType;
import org.jooq.impl.DefaultExecuteListenerProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Refuses every statement that writes, before it reaches the database, while {@link DataFolder}
 * says so. At the level of jOOQ, so that the API, the UI, the metric store's flushes and the demo
 * data are all held back alike; reads pass.
 */
@Configuration(proxyBeanMethods = false)
class DataFolderWriteGuard {

    private static final Set<ExecuteType> WRITES = EnumSet.of(ExecuteType.WRITE, ExecuteType.DDL, ExecuteType.BATCH);

    @Bean
    DefaultExecuteListenerProvider writesRefusedWhileDataFolderFull(DataFolder folder) {
        return new DefaultExecuteListenerProvider(new ExecuteListener() {
            @Override
            public void executeStart(ExecuteContext context) {
                if (WRITES.contains(context.type())) {
                    folder.requireWritable();
                }
            }
        });
    }
}
