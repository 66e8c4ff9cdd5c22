package com.buildnest.storefront;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Hidden;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import com.buildnest.catalog.ProductAttribute;
import com.buildnest.catalog.ProductCatalog;
import com.buildnest.catalog.ProductCatalog.SearchPage;
import com.buildnest.catalog.ProductCatalog.SearchQuery;
import com.buildnest.customer.SignIn.SignedInAccount;
import com.buildnest.review.Reviews;
import com.buildnest.shared.BusinessRuleViolation;
import com.buildnest.shared.Money;

/**
 * Browsing: the home page, category and search pages with facets, sort and pages (a plain link
 * reloads the page; htmx swaps only the main content), and the product page. Every read is the
 * catalogue's own, as {@code GET /api/products} serves it.
 */
@Hidden // pages, not API: kept out of /v3/api-docs
@Controller
class ShopController {

    static final int PAGE_SIZE = 12;
    private static final int FEATURED = 8;

    private static final int REVIEWS = 5;

    private final ProductCatalog catalog;
    private final Reviews reviews;

    ShopController(ProductCatalog catalog, Reviews reviews) {
        this.catalog = catalog;
        this.reviews = reviews;
    }

    @GetMapping("/")
    String home(Model model) {
        model.addAttribute("featured",
                catalog.browse(SearchQuery.of(null, null, null, null, null, null, "rating", null), 0, FEATURED)
                        .products().getContent());
        return "home";
    }

    @GetMapping("/categories/{slug}")
    String category(@PathVariable String slug, Filters filters, Model model) {
        return search(new Filters(filters.q(), slug, filters.brand(), filters.price(), filters.attribute(),
                filters.inStock(), filters.sort(), filters.page()), model);
    }

    @GetMapping("/search")
    String search(Filters filters, Model model) {
        SearchPage found = catalog.browse(filters.query(), Math.max(0, filters.pageNumber()), PAGE_SIZE);
        model.addAttribute("filters", filters);
        model.addAttribute("found", found);
        model.addAttribute("results", found.products());
        model.addAttribute("facets", found.facets());
        model.addAttribute("path", filters.category() == null ? "/search" : "/categories/" + filters.category());
        return "search";
    }

    /** The product; "Write a review" only for a signed-in customer the review module would accept it from. */
    @GetMapping("/products/{id}")
    String product(@AuthenticationPrincipal SignedInAccount me, @PathVariable long id, Model model) {
        model.addAttribute("product", catalog.product(id));
        model.addAttribute("reviews", reviews.ofProduct(id, 0, REVIEWS));
        model.addAttribute("mayReview", me != null && reviews.reviewableBy(me.accountId(), List.of(id)).contains(id));
        if (!model.containsAttribute("quantity")) {
            model.addAttribute("quantity", "");
        }
        return "product";
    }

    /**
     * A search as the page's links and facet forms send it: {@code price} is a band such as
     * {@code 100-500} (rupees; open-ended {@code 5000-}), {@code attribute} values {@code name:value}.
     */
    record Filters(String q, String category, List<String> brand, String price, List<String> attribute,
            Boolean inStock, String sort, Integer page) {

        int pageNumber() {
            return page == null ? 0 : page;
        }

        SearchQuery query() {
            String text = q == null || q.isBlank() ? null : q.strip();
            Long min = null;
            Long max = null;
            if (price != null && price.matches("\\d{1,8}-\\d{0,8}")) {
                String[] bounds = price.split("-", -1);
                min = Money.ofRupees(bounds[0]).paise();
                // Bands exclude their upper bound; the search's maximum is inclusive.
                max = bounds[1].isEmpty() ? null : Money.ofRupees(bounds[1]).paise() - 1;
            } else if (price != null && !price.isBlank()) {
                throw BusinessRuleViolation.invalidField("request.invalid", "price", "price is a band such as 100-500.");
            }
            Map<String, List<String>> attributes = new LinkedHashMap<>();
            for (String filter : attribute == null ? List.<String>of() : attribute) {
                int colon = filter.indexOf(':');
                try {
                    ProductAttribute wanted = new ProductAttribute(colon < 0 ? filter : filter.substring(0, colon),
                            colon < 0 ? null : filter.substring(colon + 1));
                    attributes.computeIfAbsent(wanted.name(), name -> new ArrayList<>()).add(wanted.value());
                } catch (IllegalArgumentException notAnAttribute) {
                    throw BusinessRuleViolation.invalidField("request.invalid", "attribute",
                            "attribute is name:value, such as grade:OPC 53.");
                }
            }
            return SearchQuery.of(text, category == null || category.isBlank() ? null : category,
                    brand == null || brand.isEmpty() ? null : brand, min, max, inStock, sort, attributes);
        }

        /** Whether a facet value is chosen, to tick its box. */
        public boolean has(String name, Object value) {
            String wanted = String.valueOf(value);
            return switch (name) {
                case "brand" -> brand != null && brand.contains(wanted);
                case "price" -> wanted.equals(price);
                case "inStock" -> inStock != null && wanted.equals(String.valueOf(inStock));
                default -> attribute != null && attribute.contains(name + ":" + wanted);
            };
        }
    }
}
