package com.buildnest.review;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import com.buildnest.catalog.ProductCatalog;
import com.buildnest.catalog.ProductRatings;
import com.buildnest.customer.CustomerContacts;
import com.buildnest.ordering.PurchaseHistory;
import com.buildnest.review.ReviewEvents.ReviewHidden;
import com.buildnest.review.ReviewEvents.ReviewUnhidden;
import com.buildnest.shared.BusinessRuleViolation;

/**
 * Reviews of products: the ones a shopper reads, the one a buyer writes, and staff's moderation.
 * Every change to a product's reviews runs in one transaction that first locks the product's
 * rating row, then changes the review, recounts the visible ones and reports the new rating to the
 * catalogue; so concurrent changes take turns and the rating always counts all of them.
 */
@Service
public class Reviews {

    static final int MAX_PAGE_SIZE = 100;
    /** Shown for an author who gave no full name (or whose account was closed). */
    static final String ANONYMOUS_AUTHOR = "Verified buyer";

    private final ReviewRepository reviews;
    private final ProductRatingRepository ratings;
    private final ProductCatalog catalog;
    private final ProductRatings productRatings;
    private final PurchaseHistory purchases;
    private final CustomerContacts customers;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;
    private final Clock clock;

    Reviews(ReviewRepository reviews, ProductRatingRepository ratings, ProductCatalog catalog,
            ProductRatings productRatings, PurchaseHistory purchases, CustomerContacts customers, ApplicationEventPublisher events,
            PlatformTransactionManager transactions, Clock clock) {
        this.reviews = reviews;
        this.ratings = ratings;
        this.catalog = catalog;
        this.productRatings = productRatings;
        this.purchases = purchases;
        this.customers = customers;
        this.events = events;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /** A review as the shop shows it. Only verified buyers can write one, so {@code verifiedPurchase} is always true. */
    public record ReviewView(long id, long productId, int rating, String title, String text, String author,
            boolean verifiedPurchase, Instant createdAt) {
    }

    /** One page of a product's visible reviews, newest first, and the summary of all of them. */
    public record ReviewPage(Page<ReviewView> reviews, RatingSummary.View summary) {
    }

    /** A review as staff see it: whose it is, whether it is hidden, and the last moderation decision. */
    record StaffReviewView(long id, long productId, long accountId, int rating, String title, String text,
            String author, Instant createdAt, boolean hidden, Moderation moderation) {
    }

    /** Who last hid or showed a review again, when, and why; null on a review never moderated. */
    record Moderation(long staffId, Instant at, String reason) {
    }

    /**
     * The visible reviews of an active product, newest first, and its rating summary. An unknown
     * or inactive product is {@code catalog.product-not-found}.
     */
    @Transactional(readOnly = true)
    public ReviewPage ofProduct(long productId, int page, int size) {
        requireOnSale(productId);
        Page<Review> found = reviews.findVisible(productId, PageRequest.of(page, Math.min(size, MAX_PAGE_SIZE)));
        Map<Long, String> names = customers.publicNames(found.map(Review::accountId).toSet());
        RatingSummary summary = ratings.findById(productId).map(ProductRating::summary).orElse(RatingSummary.NONE);
        return new ReviewPage(found.map(review -> view(review, names)), summary.view());
    }

    /**
     * Which of the products the account may review now: it received them ({@code review.not-purchased}
     * otherwise) and has not reviewed them yet ({@code review.already-reviewed}), so a page offers
     * the form only where {@link #post} would accept it. Two statements, however many products.
     */
    @Transactional(readOnly = true)
    public Set<Long> reviewableBy(long accountId, Collection<Long> productIds) {
        Set<Long> reviewable = new HashSet<>(purchases.received(accountId, productIds));
        if (!reviewable.isEmpty()) {
            reviews.findProductIdsReviewedBy(accountId, reviewable).forEach(reviewable::remove);
        }
        return reviewable;
    }

    /**
     * Publishes a buyer's review of an active product. Refused: an unknown or inactive product
     * ({@code catalog.product-not-found}), a customer with no delivered order of it
     * ({@code review.not-purchased}), a second review of it ({@code review.already-reviewed}: the
     * unique key decides, so two at once cannot both succeed).
     */
    public ReviewView post(long productId, long accountId, ReviewForm form) {
        String title = form.title() == null || form.title().isBlank() ? null : form.title().strip();
        return post(productId, accountId, form.rating().intValueExact(), title, form.text().strip());
    }

    /** {@link #post(long, long, ReviewForm)} with the form's values checked and normalised. */
    ReviewView post(long productId, long accountId, int rating, String title, String text) {
        requireOnSale(productId);
        if (!purchases.hasReceived(accountId, productId)) {
            throw BusinessRuleViolation.forbidden("review.not-purchased", "Only a customer who received product "
                    + productId + " may review it; none of your delivered orders has it.");
        }
        try {
            Review posted = changingRatingOf(productId, () -> reviews.saveAndFlush(
                    new Review(productId, accountId, rating, title, text, clock.instant())));
            return view(posted, customers.publicNames(List.of(accountId)));
        } catch (DataIntegrityViolationException duplicate) {
            if (reviews.existsByProductIdAndAccountId(productId, accountId)) {
                throw BusinessRuleViolation.conflict("review.already-reviewed",
                        "You have already reviewed product " + productId + "; a customer reviews a product once.");
            }
            throw duplicate;
        }
    }

    /** Reviews for staff, newest first; {@code hidden} and {@code productId} filter when given. */
    @Transactional(readOnly = true)
    Page<StaffReviewView> forStaff(Boolean hidden, Long productId, int page, int size) {
        Page<Review> found = reviews.findForStaff(hidden, productId,
                PageRequest.of(page, Math.min(size, MAX_PAGE_SIZE)));
        Map<Long, String> names = customers.publicNames(found.map(Review::accountId).toSet());
        return found.map(review -> staffView(review, names));
    }

    /** Hides a review from the shop ({@code review.already-hidden} if it is), recounting the product's rating. */
    StaffReviewView hide(long reviewId, long staffId, String reason) {
        return moderate(reviewId, review -> {
            Instant now = clock.instant();
            review.hide(staffId, reason, now);
            events.publishEvent(new ReviewHidden(review.id(), review.productId(), review.accountId(), staffId,
                    reason, now));
        });
    }

    /** Shows a hidden review again ({@code review.not-hidden} if it is shown), recounting the product's rating. */
    StaffReviewView unhide(long reviewId, long staffId, String reason) {
        return moderate(reviewId, review -> {
            Instant now = clock.instant();
            review.unhide(staffId, reason, now);
            events.publishEvent(new ReviewUnhidden(review.id(), review.productId(), review.accountId(), staffId,
                    reason, now));
        });
    }

    private StaffReviewView moderate(long reviewId, Consumer<Review> decision) {
        long productId = reviews.findById(reviewId).orElseThrow(() -> notFound(reviewId)).productId();
        Review moderated = changingRatingOf(productId, () -> {
            Review review = reviews.findById(reviewId).orElseThrow(() -> notFound(reviewId)); // read again under the lock
            decision.accept(review);
            return reviews.saveAndFlush(review);
        });
        return staffView(moderated, customers.publicNames(List.of(moderated.accountId())));
    }

    /**
     * Runs a change to one of the product's reviews in a transaction that holds the product's
     * rating row, then recounts the visible reviews and reports the rating to the catalogue. The
     * row is made beforehand in a transaction of its own: making it inside would leave two first
     * reviews each holding a shared lock on it and waiting for the other's.
     */
    private <T> T changingRatingOf(long productId, Supplier<T> change) {
        transaction.executeWithoutResult(tx -> ratings.open(productId));
        return transaction.execute(tx -> {
            ProductRating rating = ratings.lock(productId).orElseThrow();
            T changed = change.get();
            RatingSummary summary = RatingSummary.of(countVisibleByStars(productId));
            rating.recount(summary);
            productRatings.record(productId, summary.average(), summary.count());
            return changed;
        });
    }

    private long[] countVisibleByStars(long productId) {
        long[] byStars = new long[Review.MAX_RATING];
        for (Object[] row : reviews.countVisibleByStars(productId)) {
            byStars[((Number) row[0]).intValue() - 1] = ((Number) row[1]).longValue();
        }
        return byStars;
    }

    private void requireOnSale(long productId) {
        if (!catalog.onSale(productId)) {
            throw BusinessRuleViolation.notFound("catalog.product-not-found", "No product with id " + productId + ".");
        }
    }

    private static ReviewView view(Review review, Map<Long, String> names) {
        return new ReviewView(review.id(), review.productId(), review.rating(), review.title(), review.text(),
                author(review, names), true, review.createdAt());
    }

    private static StaffReviewView staffView(Review review, Map<Long, String> names) {
        return new StaffReviewView(review.id(), review.productId(), review.accountId(), review.rating(),
                review.title(), review.text(), author(review, names), review.createdAt(), review.hidden(),
                review.moderatedAt() == null ? null
                        : new Moderation(review.moderatedBy(), review.moderatedAt(), review.moderationReason()));
    }

    private static String author(Review review, Map<Long, String> names) {
        return names.getOrDefault(review.accountId(), ANONYMOUS_AUTHOR);
    }

    private static BusinessRuleViolation notFound(long reviewId) {
        return BusinessRuleViolation.notFound("review.not-found", "No review " + reviewId + ".");
    }
}
