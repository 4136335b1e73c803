package dev.tollgate.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class PackageUrlTest {

    @Test
    void reads_an_oci_image_with_its_digest_and_tag() {
        PackageUrl purl = PackageUrl.parse("pkg:oci/checkout@sha256%3A0b31b1c0?repository_url=ghcr.io/acme&tag=1.4.2")
                .orElseThrow();

        assertThat(purl.type()).isEqualTo("oci");
        assertThat(purl.name()).isEqualTo("checkout");
        assertThat(purl.version()).isEqualTo("sha256:0b31b1c0");
        assertThat(purl.qualifiers()).isEqualTo(Map.of("repository_url", "ghcr.io/acme", "tag", "1.4.2"));
    }

    @Test
    void an_image_is_called_by_its_tag_and_anything_else_by_its_version() {
        assertThat(PackageUrl.parse("pkg:oci/checkout@sha256%3Aabc?tag=1.4.2").orElseThrow().releaseVersion()).contains("1.4.2");
        assertThat(PackageUrl.parse("pkg:oci/checkout@sha256%3Aabc").orElseThrow().releaseVersion()).contains("sha256:abc");
        assertThat(PackageUrl.parse("pkg:maven/dev.acme/checkout@2.0.1?tag=x").orElseThrow().releaseVersion())
                .contains("2.0.1");
        assertThat(PackageUrl.parse("pkg:npm/checkout").orElseThrow().releaseVersion()).isEmpty();
    }

    @Test
    void takes_the_name_after_the_namespace_and_decodes_it() {
        PackageUrl purl = PackageUrl.parse("pkg:npm/%40acme/check%20out@1.0.0-rc.1+build.5#dist/index.js").orElseThrow();

        assertThat(purl.name()).isEqualTo("check out");
        assertThat(purl.version()).as("a '+' is no space in a purl").isEqualTo("1.0.0-rc.1+build.5");
    }

    @Test
    void accepts_the_scheme_in_any_case_and_slashes_after_it() {
        assertThat(PackageUrl.parse("PKG://golang/github.com/acme/ledger@v1.2.3").orElseThrow())
                .satisfies(purl -> {
                    assertThat(purl.type()).isEqualTo("golang");
                    assertThat(purl.name()).isEqualTo("ledger");
                    assertThat(purl.version()).isEqualTo("v1.2.3");
                });
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = { "checkout", "oci/checkout@1.0", "pkg:", "pkg:oci", "pkg:oci/", "https://example.com/x@1" })
    void is_empty_for_what_is_no_package_url(String text) {
        assertThat(PackageUrl.parse(text)).isEmpty();
    }

    @Test
    void keeps_a_percent_sign_that_encodes_nothing() {
        assertThat(PackageUrl.parse("pkg:generic/ledger@100%25-ready%2").orElseThrow().version()).isEqualTo("100%-ready%2");
    }
}
