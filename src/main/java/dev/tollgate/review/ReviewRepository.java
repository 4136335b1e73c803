package dev.tollgate.review;

import static dev.tollgate.db.Tables.ACTION_ITEM;
import static dev.tollgate.db.Tables.OPERATIONAL_REVIEW;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

import dev.tollgate.api.GeneratedIds;
import dev.tollgate.db.tables.records.ActionItemRecord;
import dev.tollgate.db.tables.records.OperationalReviewRecord;

/** Reviews ({@code operational_review}) and their action items ({@code action_item}). */
@Repository
class ReviewRepository {

    private final DSLContext db;

    ReviewRepository(DSLContext db) {
        this.db = db;
    }

    void insert(OperationalReview review) {
        db.insertInto(OPERATIONAL_REVIEW)
                .set(OPERATIONAL_REVIEW.ID, review.id())
                .set(OPERATIONAL_REVIEW.TEAM_ID, review.team())
                .set(OPERATIONAL_REVIEW.SERVICE_ID, review.service())
                .set(OPERATIONAL_REVIEW.WEEK, review.week())
                .set(OPERATIONAL_REVIEW.REVIEWED_AT, review.reviewedAt())
                .set(OPERATIONAL_REVIEW.REVIEWER, review.reviewer())
                .set(OPERATIONAL_REVIEW.NOTES, review.notes())
                .execute();
    }

    Optional<OperationalReview> findReview(String id) {
        if (!GeneratedIds.isValid(id)) {
            return Optional.empty();
        }
        return db.selectFrom(OPERATIONAL_REVIEW).where(OPERATIONAL_REVIEW.ID.eq(id))
                .fetchOptional(ReviewRepository::toReview);
    }

    boolean deleteReview(String id) {
        return db.deleteFrom(OPERATIONAL_REVIEW).where(OPERATIONAL_REVIEW.ID.eq(id)).execute() > 0;
    }

    /**
     * Reviews newest first: of {@code teams} when not null, of one {@code team} and one
     * {@code week} when set.
     */
    List<OperationalReview> findReviews(Collection<String> teams, String team, LocalDate week, int limit) {
        Condition where = DSL.noCondition();
        if (teams != null) {
            where = where.and(OPERATIONAL_REVIEW.TEAM_ID.in(teams));
        }
        if (team != null) {
            where = where.and(OPERATIONAL_REVIEW.TEAM_ID.eq(team));
        }
        if (week != null) {
            where = where.and(OPERATIONAL_REVIEW.WEEK.eq(week));
        }
        return db.selectFrom(OPERATIONAL_REVIEW).where(where)
                .orderBy(OPERATIONAL_REVIEW.REVIEWED_AT.desc(), OPERATIONAL_REVIEW.ID.desc())
                .limit(limit).fetch(ReviewRepository::toReview);
    }

    void insert(ActionItem item) {
        db.insertInto(ACTION_ITEM)
                .set(ACTION_ITEM.ID, item.id())
                .set(ACTION_ITEM.TEAM_ID, item.team())
                .set(ACTION_ITEM.SERVICE_ID, item.service())
                .set(ACTION_ITEM.REVIEW_ID, item.review())
                .set(ACTION_ITEM.TITLE, item.title())
                .set(ACTION_ITEM.OWNER, item.owner())
                .set(ACTION_ITEM.DUE, item.due())
                .set(ACTION_ITEM.CREATED_AT, item.createdAt())
                .set(ACTION_ITEM.CREATED_BY, item.createdBy())
                .set(ACTION_ITEM.DONE_AT, item.doneAt())
                .set(ACTION_ITEM.DONE_BY, item.doneBy())
                .execute();
    }

    Optional<ActionItem> findItem(String id) {
        if (!GeneratedIds.isValid(id)) {
            return Optional.empty();
        }
        return db.selectFrom(ACTION_ITEM).where(ACTION_ITEM.ID.eq(id)).fetchOptional(ReviewRepository::toItem);
    }

    /** Marks an open item done; false when it was done already. */
    boolean markDone(String id, Instant at, String by) {
        return db.update(ACTION_ITEM).set(ACTION_ITEM.DONE_AT, at).set(ACTION_ITEM.DONE_BY, by)
                .where(ACTION_ITEM.ID.eq(id)).and(ACTION_ITEM.DONE_AT.isNull()).execute() == 1;
    }

    /** Which items to list; every field but {@code limit} narrows the list only when set. */
    record ItemQuery(Collection<String> teams, String team, Boolean open, Instant createdFrom, Instant createdTo,
            int limit) {
    }

    /** Items due first, then oldest first: the order a review goes through them. */
    List<ActionItem> findItems(ItemQuery query) {
        Condition where = DSL.noCondition();
        if (query.teams() != null) {
            where = where.and(ACTION_ITEM.TEAM_ID.in(query.teams()));
        }
        if (query.team() != null) {
            where = where.and(ACTION_ITEM.TEAM_ID.eq(query.team()));
        }
        if (query.open() != null) {
            where = where.and(query.open() ? ACTION_ITEM.DONE_AT.isNull() : ACTION_ITEM.DONE_AT.isNotNull());
        }
        if (query.createdFrom() != null) {
            where = where.and(ACTION_ITEM.CREATED_AT.ge(query.createdFrom()));
        }
        if (query.createdTo() != null) {
            where = where.and(ACTION_ITEM.CREATED_AT.lt(query.createdTo()));
        }
        return db.selectFrom(ACTION_ITEM).where(where)
                .orderBy(ACTION_ITEM.DUE, ACTION_ITEM.CREATED_AT, ACTION_ITEM.ID)
                .limit(query.limit()).fetch(ReviewRepository::toItem);
    }

    private static OperationalReview toReview(OperationalReviewRecord r) {
        return new OperationalReview(r.getId(), r.getTeamId(), r.getServiceId(), r.getWeek(), r.getReviewedAt(),
                r.getReviewer(), r.getNotes());
    }

    private static ActionItem toItem(ActionItemRecord r) {
        return new ActionItem(r.getId(), r.getTeamId(), r.getServiceId(), r.getReviewId(), r.getTitle(), r.getOwner(),
                r.getDue(), r.getCreatedAt(), r.getCreatedBy(), r.getDoneAt(), r.getDoneBy());
    }
}
