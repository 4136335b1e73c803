/**
 * The weekly operational review (issue 5): the reviews recorded for a team or one of its services,
 * each counting toward the team's {@code principal_reviews} figure, and the action items raised
 * in them, each with an owner and a due date and listed until done. Written with the 'review'
 * scope for the item's team, read with 'read'; every change audited.
 */
package dev.tollgate.review;
