package dev.tollgate.storage;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DatabaseUrlsTest {

    @Test
    void an_h2_file_is_one_this_process_opens_on_its_own_disk() {
        assertThat(DatabaseUrls.isH2File("jdbc:h2:retry:file:./data/tollgate;MODE=PostgreSQL;WRITE_DELAY=0")).isTrue();
        assertThat(DatabaseUrls.isH2File("jdbc:h2:file:/var/lib/tollgate/tollgate")).isTrue();
        assertThat(DatabaseUrls.isH2File("jdbc:h2:file:./data/tollgate;AUTO_SERVER=TRUE")).isTrue();
        assertThat(DatabaseUrls.isH2File("jdbc:h2:mem:tests;DB_CLOSE_DELAY=-1")).isFalse();
        assertThat(DatabaseUrls.isH2File("jdbc:h2:tcp://db.example/file:/data/tollgate")).isFalse();
        assertThat(DatabaseUrls.isH2File("jdbc:postgresql://db.example/tollgate")).isFalse();
        assertThat(DatabaseUrls.isH2File("")).isFalse();
    }

    @Test
    void only_an_h2_file_without_auto_server_has_this_process_as_its_one_writer() {
        assertThat(DatabaseUrls.isH2FileOfOneWriter("jdbc:h2:retry:file:./data/tollgate;MODE=PostgreSQL")).isTrue();
        assertThat(DatabaseUrls.isH2FileOfOneWriter("jdbc:h2:file:./data/tollgate;auto_server=true")).isFalse();
        assertThat(DatabaseUrls.isH2FileOfOneWriter("jdbc:h2:mem:tests")).isFalse();
        assertThat(DatabaseUrls.isH2FileOfOneWriter("jdbc:postgresql://db.example/tollgate")).isFalse();
    }
}
