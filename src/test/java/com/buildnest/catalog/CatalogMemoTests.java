package com.buildnest.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.data.domain.Page;

import com.buildnest.catalog.ProductCatalog.Facets;
import com.buildnest.catalog.ProductCatalog.SearchPage;
import com.buildnest.catalog.ProductCatalog.SearchQuery;

class CatalogMemoTests {

    private final AtomicInteger searches = new AtomicInteger();

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

    private SearchPage search() {
        searches.incrementAndGet();
        return new SearchPage(Page.empty(), new Facets(List.of(), List.of(), List.of(), List.of(), Map.of()));
    }
}
