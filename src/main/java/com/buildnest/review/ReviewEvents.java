package com.buildnest.review;

import java.time.Instant;

/** What staff did to reviews, published in the transaction of the change (the audit log records them). */
public final class ReviewEvents {

    private ReviewEvents() {
    }

    /** A review was hidden from the shop; {@code authorId} wrote it, {@code staffId} hid it. */
    public record ReviewHidden(long reviewId, long productId, long authorId, long staffId, String reason, Instant at) {
    }

    /** A hidden review was shown again. */
    public record ReviewUnhidden(long reviewId, long productId, long authorId, long staffId, String reason,
            Instant at) {
    }
}
