package com.buildnest.catalog;

import static com.buildnest.catalog.DemoCatalogueFiles.CATEGORIES;
import static com.buildnest.catalog.DemoCatalogueFiles.PRODUCTS;
import static com.buildnest.catalog.DemoCatalogueFiles.pairs;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

import com.buildnest.catalog.DemoCatalogueFiles.DemoCategory;
import com.buildnest.catalog.DemoCatalogueFiles.DemoProduct;
import com.buildnest.shared.Money;

/**
 * The demo catalogue files hold a shop's worth of products that the catalogue's own rules accept:
 * quantities, packs and tier prices a customer can actually order, attributes that group into
 * facets, and a picture for every product.
 */
class DemoCatalogueFilesTests {

    @Test
    void theDemoShopHasAFewHundredProductsEachWithOneSellingAndOneAttributesRow() throws IOException {
        assertThat(PRODUCTS).hasSizeGreaterThanOrEqualTo(250);
        assertThat(DemoCatalogueFiles.skus(PRODUCTS)).doesNotHaveDuplicates();
        for (String file : List.of("catalog/demo-selling.tsv", "catalog/demo-attributes.tsv")) {
            List<String> skus = new ClassPathResource(file).getContentAsString(StandardCharsets.UTF_8).lines().skip(1)
                    .filter(line -> !line.isBlank()).map(line -> line.split("\t", -1)[0]).toList();
            assertThat(skus).as(file).containsExactlyInAnyOrderElementsOf(DemoCatalogueFiles.skus(PRODUCTS));
        }
    }

    @Test
    void everyCategoryHangsFromAKnownParentAndHoldsProducts() {
        Set<String> slugs = CATEGORIES.stream().map(DemoCategory::slug).collect(Collectors.toSet());
        assertThat(slugs).hasSameSizeAs(CATEGORIES);
        assertThat(CATEGORIES).allSatisfy(category -> {
            if (!category.parentSlug().isEmpty()) {
                assertThat(CATEGORIES.subList(0, CATEGORIES.indexOf(category))).as(category.slug())
                        .extracting(DemoCategory::slug).contains(category.parentSlug());
            }
            assertThat(DemoCatalogueFiles.inCategoryTree(category.slug())).as(category.slug()).isNotEmpty();
        });
        assertThat(PRODUCTS).allSatisfy(product -> assertThat(slugs).as(product.sku()).contains(product.category()));
    }

    @Test
    void everyProductCanBeOrderedInItsPacksAndTiersUnderTheCatalogueRules() {
        assertThat(PRODUCTS).allSatisfy(product -> {
            SellingUnit.ofCode(product.unit());
            assertThat(product.weightGrams()).as(product.sku()).isPositive();
            assertThat(product.price()).as(product.sku()).isPositive();
            OrderQuantityRule ordering = new OrderQuantityRule(product.minimum(), product.step(), product.maximum());
            List<TierPrices.Break> breaks = new ArrayList<>(
                    List.of(new TierPrices.Break(product.minimum(), Money.ofRupees(product.price().toPlainString()))));
            pairs(product.moreTierPrices()).forEach(pair -> breaks.add(
                    new TierPrices.Break(Long.parseLong(pair[0]), Money.ofRupees(pair[1]))));
            TierPrices.of(product.minimum(), breaks);
            breaks.forEach(tier -> assertThat(ordering.accepts(tier.minQuantity()).accepted())
                    .as(product.sku() + " tier from " + tier.minQuantity()).isTrue());
            pairs(product.packs()).forEach(pair -> {
                PackSize pack = new PackSize(pair[0], Long.parseLong(pair[1]));
                assertThat(ordering.accepts(pack.baseUnits()).accepted()).as(product.sku() + " " + pack.name())
                        .isTrue();
            });
        });
    }

    @Test
    void everyProductHasTwoToFiveAttributesWithLowercaseNamesAndAnImageThatExists() {
        assertThat(PRODUCTS).allSatisfy(product -> {
            List<String[]> attributes = pairs(product.attributes());
            assertThat(attributes).as(product.sku()).hasSizeBetween(2, 5);
            assertThat(attributes).extracting(pair -> pair[0]).as(product.sku()).doesNotHaveDuplicates()
                    .allMatch(name -> name.matches("[a-z][a-z0-9-]{0,59}"));
            assertThat(attributes).extracting(pair -> pair[1]).as(product.sku())
                    .allMatch(value -> !value.isBlank() && value.strip().equals(value) && value.length() <= 120);
            assertThat(product.images().split("\\|")).as(product.sku()).isNotEmpty().allSatisfy(url -> {
                assertThat(url).startsWith("/images/catalog/").endsWith(".svg");
                assertThat(new ClassPathResource("static" + url).exists()).as(url).isTrue();
            });
        });
    }

    @Test
    void attributeNamesAreSharedAcrossProductsSoTheyGroupIntoFacets() {
        Map<String, Long> productsByName = PRODUCTS.stream().flatMap(product -> pairs(product.attributes()).stream())
                .collect(Collectors.groupingBy(pair -> pair[0], Collectors.counting()));
        assertThat(productsByName).allSatisfy((name, count) -> assertThat(count).as(name).isGreaterThan(1));
        assertThat(productsByName.get("type")).isGreaterThan(PRODUCTS.size() / 2);
    }

    @Test
    void everyCatalogueImageIsASmallTitledSvg() throws IOException {
        Set<String> used = PRODUCTS.stream().map(DemoProduct::images).flatMap(images -> List.of(images.split("\\|"))
                .stream()).collect(Collectors.toSet());
        for (String url : used) {
            String svg = new ClassPathResource("static" + url).getContentAsString(StandardCharsets.UTF_8);
            assertThat(svg.length()).as(url).isLessThan(4096);
            assertThat(svg).as(url).startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\"").contains("<title");
        }
    }
}
