package dev.tollgate.demo;

import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import dev.tollgate.catalog.ServiceCatalog;
import dev.tollgate.catalog.ServiceDraft;
import dev.tollgate.catalog.TeamCatalog;
import dev.tollgate.catalog.TeamDraft;
import dev.tollgate.security.CurrentCaller;
import dev.tollgate.security.Role;
import dev.tollgate.security.UserAccounts;

/**
 * Six teams of an online shop and their eighteen services, with their rules and a month of
 * deployments, metrics, gate answers and operational reviews, seeded on the first start only
 * (when the catalog has no team yet), so that a demo never overwrites what a user changed. Runs
 * after the catalog file, which wins when both are given.
 */
@Component
@Order(20)
@ConditionalOnBooleanProperty("tollgate.demo.enabled")
class DemoCatalog implements ApplicationRunner {

    /** The README states these logins; the admin's password is set by the demo profile. */
    static final String DEMO_PASSWORD = "tollgate-demo";

    private static final Logger log = LoggerFactory.getLogger(DemoCatalog.class);

    private static final List<String> THREE_STAGES = List.of("beta", "gamma", "prod");

    record DemoTeam(String id, String name, String description, List<DemoService> services) {
    }

    record DemoService(String id, String name, List<String> stages) {
    }

    static final List<DemoTeam> TEAMS = List.of(
            new DemoTeam("payments", "Payments", "Takes the money: card and wallet payments, refunds and the ledger",
                    List.of(new DemoService("payment-gateway", "Payment gateway", THREE_STAGES),
                            new DemoService("ledger", "Ledger", THREE_STAGES),
                            new DemoService("fraud-scoring", "Fraud scoring", List.of("beta", "gamma", "prod-eu", "prod-us")))),
            new DemoTeam("checkout", "Checkout", "From basket to order confirmation",
                    List.of(new DemoService("cart", "Cart", THREE_STAGES),
                            new DemoService("checkout-api", "Checkout API", THREE_STAGES),
                            new DemoService("promotions", "Promotions", List.of("beta", "prod")))),
            new DemoTeam("catalog", "Catalog", "Products, prices and their pictures",
                    List.of(new DemoService("product-catalog", "Product catalog", THREE_STAGES),
                            new DemoService("pricing", "Pricing", THREE_STAGES),
                            new DemoService("media-store", "Media store", List.of("dev", "beta", "prod")))),
            new DemoTeam("search", "Search", "Finding the right product: search, ranking and recommendations",
                    List.of(new DemoService("search-api", "Search API", THREE_STAGES),
                            new DemoService("indexer", "Indexer", List.of("beta", "prod")),
                            new DemoService("recommendations", "Recommendations", THREE_STAGES))),
            new DemoTeam("identity", "Identity", "Sign-in, accounts and sessions",
                    List.of(new DemoService("auth", "Authentication", List.of("beta", "gamma", "prod-eu", "prod-us")),
                            new DemoService("accounts", "Accounts", THREE_STAGES),
                            new DemoService("sessions", "Sessions", THREE_STAGES))),
            new DemoTeam("fulfilment", "Fulfilment", "Orders, stock and shipping",
                    List.of(new DemoService("orders", "Orders", THREE_STAGES),
                            new DemoService("inventory", "Inventory", THREE_STAGES),
                            new DemoService("shipping", "Shipping", List.of("staging", "prod")))));

    private final TeamCatalog teams;
    private final ServiceCatalog services;
    private final UserAccounts users;
    private final CurrentCaller callers;
    private final DemoMetrics metrics;
    private final DemoDeployments deployments;
    private final DemoRules rules;
    private final DemoGateHistory gateHistory;
    private final DemoReviews reviews;
    private final DemoGoals goals;

    DemoCatalog(TeamCatalog teams, ServiceCatalog services, UserAccounts users, CurrentCaller callers,
            DemoMetrics metrics, DemoDeployments deployments, DemoRules rules, DemoGateHistory gateHistory,
            DemoReviews reviews, DemoGoals goals) {
        this.reviews = reviews;
        this.deployments = deployments;
        this.rules = rules;
        this.gateHistory = gateHistory;
        this.goals = goals;
        this.teams = teams;
        this.services = services;
        this.users = users;
        this.callers = callers;
        this.metrics = metrics;
    }

    @Override
    public void run(ApplicationArguments args) {
        callers.runAsSystem(() -> {
            if (teams.count() > 0) {
                return;
            }
            long started = System.nanoTime();
            for (DemoTeam team : TEAMS) {
                teams.put(team.id(), new TeamDraft(team.name(), team.description()));
                for (DemoService service : team.services()) {
                    services.put(service.id(), new ServiceDraft(team.id(), service.name(), service.stages()));
                }
            }
            users.ensureDemoUser("lead", "Lena Lead", Role.TEAM_LEAD, Set.of("payments", "checkout"), DEMO_PASSWORD);
            users.ensureDemoUser("viewer", "Victor Viewer", Role.VIEWER, Set.of(), DEMO_PASSWORD);
            users.ensureDemoUser("principal", "Priya Principal", Role.PRINCIPAL, Set.of(), DEMO_PASSWORD);
            log.info("Seeded {} demo rules and {} input goals", rules.seed(TEAMS), goals.seed(TEAMS));
            // Deployments first: the metrics leave the store flushing their rollups for a while. The
            // gate is asked last, about deployments and metrics that are all there.
            DemoDeployments.Releases releases = deployments.seed(TEAMS);
            log.info("Seeded {} demo deployments, {} of the versions bad", releases.deployments(),
                    releases.badVersions().size());
            metrics.seed(TEAMS, releases.badVersions());
            gateHistory.seed(releases.asks());
            log.info("Seeded {} demo operational reviews", reviews.seed(TEAMS));
            log.info("Seeded the demo catalog in {} ms: {} teams, {} services; sign in as admin, lead, principal or viewer with password '{}'",
                    (System.nanoTime() - started) / 1_000_000, TEAMS.size(),
                    TEAMS.stream().mapToInt(team -> team.services().size()).sum(), DEMO_PASSWORD);
        });
    }
}
