package com.buildnest.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;

import com.buildnest.catalog.ProductCatalog.Facets;
import com.buildnest.catalog.ProductCatalog.SearchPage;
import com.buildnest.catalog.ProductCatalog.SearchQuery;

class CatalogMemoTests {

    private final AtomicInteger searches = new AtomicInteger();
    private final AtomicLong nanos = new AtomicLong();
    private final Queue<Runnable> background = new ArrayDeque<>();

    @Test
    void theSameSearchIsAnsweredOnceWhileRemembered() {
        CatalogMemo memo = memo(Duration.ofMinutes(1));

        memo.page(cement(), 0, 24, this::search);
        memo.page(cement(), 0, 24, this::search);

        assertThat(searches).hasValue(1);
    }

    @Test
    void anotherPageOrSizeOrFilterIsAnotherSearch() {
        CatalogMemo memo = memo(Duration.ofMinutes(1));

        memo.page(cement(), 0, 24, this::search);
        memo.page(cement(), 1, 24, this::search);
        memo.page(cement(), 0, 48, this::search);
        memo.page(new SearchQuery(null, "cement", List.of("UltraTech"), null, null, true, ProductSearch.Order.NAME,
                Map.of()), 0, 24, this::search);

        assertThat(searches).hasValue(4);
    }

    @Test
    void forgettingMakesTheNextAskSearchAgain() {
        CatalogMemo memo = memo(Duration.ofMinutes(1));
        memo.page(cement(), 0, 24, this::search);

        memo.forget();
        memo.page(cement(), 0, 24, this::search);

        assertThat(searches).hasValue(2);
    }

    @Test
    void aPageAskedInTheSecondHalfOfItsPeriodIsAnsweredAtOnceAndSearchedAfreshInTheBackground() {
        CatalogMemo memo = new CatalogMemo(Duration.ofSeconds(10), nanos::get, background::add);
        memo.page(cement(), 0, 24, this::search);

        nanos.addAndGet(Duration.ofSeconds(4).toNanos());
        assertThat(memo.page(cement(), 0, 24, this::search).products().getTotalElements()).isEqualTo(1);
        assertThat(background).as("still in its first half").isEmpty();

        nanos.addAndGet(Duration.ofSeconds(2).toNanos());
        assertThat(memo.page(cement(), 0, 24, this::search).products().getTotalElements())
                .as("answered from memory").isEqualTo(1);
        memo.page(cement(), 0, 24, this::search);
        assertThat(background).as("one refresh at a time per page").hasSize(1);
        background.remove().run();

        assertThat(memo.page(cement(), 0, 24, this::search).products().getTotalElements()).isEqualTo(2);
        nanos.addAndGet(Duration.ofSeconds(9).toNanos());
        assertThat(memo.page(cement(), 0, 24, this::search).products().getTotalElements())
                .as("the refreshed page has a period of its own").isEqualTo(2);
        assertThat(searches).hasValue(2);
    }

    @Test
    void aRefreshThatFinishesAfterTheCatalogueChangedDoesNotBringTheOldPageBack() {
        CatalogMemo memo = new CatalogMemo(Duration.ofSeconds(10), nanos::get, background::add);
        memo.page(cement(), 0, 24, this::search);
        nanos.addAndGet(Duration.ofSeconds(6).toNanos());
        memo.page(cement(), 0, 24, this::search);

        memo.forget();
        background.remove().run(); // searched before the change, done after it

        assertThat(memo.page(cement(), 0, 24, this::search).products().getTotalElements())
                .as("searched again, not the refresh's answer").isEqualTo(3);
    }

    @Test
    void aZeroPeriodTurnsTheMemoOff() {
        CatalogMemo memo = memo(Duration.ZERO);

        memo.page(cement(), 0, 24, this::search);
        memo.page(cement(), 0, 24, this::search);

        assertThat(searches).hasValue(2);
    }

    @Test
    void aProductViewIsReadOnceWhileRememberedAndAgainAfterACatalogueChange() {
        CatalogMemo memo = memo(Duration.ofMinutes(1));
        AtomicInteger reads = new AtomicInteger();

        memo.view(7, id -> view(reads));
        memo.view(7, id -> view(reads));
        assertThat(reads).hasValue(1);

        memo.forgetPages(); // a stock state changed: views hold no stock
        memo.view(7, id -> view(reads));
        assertThat(reads).hasValue(1);

        memo.forget();
        memo.view(7, id -> view(reads));
        assertThat(reads).hasValue(2);
    }

    private static ProductCatalog.ProductView view(AtomicInteger reads) {
        reads.incrementAndGet();
        return new ProductCatalog.ProductView(7, "CEM-TEST-7", "Test cement", "Testcem", null, "", SellingUnit.ofCode("bag"),
                List.of(), 1, 1, 100, null, null, null, List.of(), "2523", null, null, 50_000, List.of(), List.of(), null,
                null, null);
    }

    private static CatalogMemo memo(Duration keepFor) {
        return new CatalogMemo(new CatalogProperties(false, false, keepFor));
    }

    private static SearchQuery cement() {
        return new SearchQuery(null, "cement", null, null, null, null, ProductSearch.Order.NAME, Map.of());
    }

    /** A search whose answer says how many searches came before it (as its total). */
    private SearchPage search() {
        int count = searches.incrementAndGet();
        Page<ProductCatalog.ProductView> page = new PageImpl<>(List.of(), PageRequest.of(0, 24), count);
        return new SearchPage(page, new Facets(List.of(), List.of(), List.of(), List.of(), Map.of()));
    }
}
