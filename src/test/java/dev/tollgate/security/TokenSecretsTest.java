package dev.tollgate.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

class TokenSecretsTest {

    @Test
    void secrets_carry_the_tg_prefix_and_256_random_bits_in_url_safe_characters() {
        String secret = TokenSecrets.newSecret();

        assertThat(secret).startsWith("tg_").hasSize(3 + 43).matches("tg_[A-Za-z0-9_-]{43}");
    }

    @Test
    void secrets_are_never_repeated() {
        Set<String> secrets = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            secrets.add(TokenSecrets.newSecret());
        }

        assertThat(secrets).hasSize(10_000);
    }

    @Test
    void the_hash_is_the_sha_256_of_the_secret_in_hex() {
        // FIPS 180-2 test vector.
        assertThat(TokenSecrets.hash("abc")).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void the_hash_of_a_secret_is_stable_and_differs_between_secrets() {
        String secret = TokenSecrets.newSecret();

        assertThat(TokenSecrets.hash(secret)).isEqualTo(TokenSecrets.hash(secret)).hasSize(64).doesNotContain(secret);
        assertThat(TokenSecrets.hash(secret)).isNotEqualTo(TokenSecrets.hash(TokenSecrets.newSecret()));
        assertThat(TokenSecrets.hash(secret)).isNotEqualTo(TokenSecrets.hash(secret + " "));
    }

    @Test
    void compares_hashes_exactly() {
        String hash = TokenSecrets.hash("abc");
        String lastCharacterChanged = hash.substring(0, 63) + (hash.endsWith("a") ? "b" : "a");

        assertThat(TokenSecrets.sameHash(hash, TokenSecrets.hash("abc"))).isTrue();
        assertThat(TokenSecrets.sameHash(hash, lastCharacterChanged)).isFalse();
        assertThat(TokenSecrets.sameHash(hash, hash.substring(0, 63))).isFalse();
        assertThat(TokenSecrets.sameHash(hash, hash.toUpperCase())).isFalse();
    }

    @Test
    void a_bootstrap_token_must_be_at_least_32_characters_as_api_md_says() {
        assertThat(TokenSecrets.MIN_BOOTSTRAP_LENGTH).isEqualTo(32);
    }
}
