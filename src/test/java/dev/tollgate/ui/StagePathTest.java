package dev.tollgate.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class StagePathTest {

    @Test
    void reads_stages_separated_by_commas_spaces_or_arrows_in_the_order_typed() {
        assertThat(StagePath.parse("beta, gamma, prod")).containsExactly("beta", "gamma", "prod");
        assertThat(StagePath.parse(" beta gamma  prod ")).containsExactly("beta", "gamma", "prod");
        assertThat(StagePath.parse("beta -> gamma → prod")).containsExactly("beta", "gamma", "prod");
    }

    @Test
    void keeps_hyphens_inside_stage_names() {
        assertThat(StagePath.parse("pre-prod, prod")).containsExactly("pre-prod", "prod");
    }

    @Test
    void drops_empty_items_and_leaves_the_rest_for_the_service_to_judge() {
        assertThat(StagePath.parse("beta,, Prod ,")).containsExactly("beta", "Prod");
        assertThat(StagePath.parse("   ")).isEmpty();
        assertThat(StagePath.parse(null)).isEmpty();
    }

    @Test
    void shows_a_path_with_arrows_and_edits_it_with_commas() {
        List<String> path = List.of("beta", "gamma", "prod");
        assertThat(StagePath.display(path)).isEqualTo("beta → gamma → prod");
        assertThat(StagePath.parse(StagePath.editable(path))).isEqualTo(path);
    }
}
