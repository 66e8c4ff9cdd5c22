package com.buildnest.catalog;

import static com.buildnest.platform.web.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.buildnest.customer.AccessTokens;
import com.buildnest.customer.Role;
import com.buildnest.testing.ApiClient;
import com.buildnest.testing.ApiClient.Response;
import com.buildnest.testing.BuildNestTest;

import tools.jackson.databind.JsonNode;

/**
 * The demo catalogue's attributes and images as {@code catalog/demo-attributes.tsv} gives them, and
 * product images under {@code /images/} served to anyone.
 */
@BuildNestTest
class ProductImagesAndDemoAttributesTests {

    @Autowired
    ApiClient api;

    @Autowired
    AccessTokens tokens;

    @Autowired
    JdbcClient jdbc;

    @Test
    void everyDemoProductHasTheAttributesAndImagesOfItsRowAndNoneWithoutOne() throws IOException {
        Map<String, String[]> rows = new HashMap<>();
        String file = new ClassPathResource(DemoCatalogue.ATTRIBUTES).getContentAsString(StandardCharsets.UTF_8);
        file.lines().skip(1).filter(line -> !line.isBlank()).map(line -> line.split("\t", -1))
                .forEach(row -> rows.put(row[0], row));
        assertThat(rows).isNotEmpty();

        List<Long> demoProducts = jdbc.sql("select id from catalog_product where sku not like 'TST-%' and active = true")
                .query(Long.class).list();
        for (long id : demoProducts) {
            JsonNode product = api.get("/api/products/" + id).json();
            String[] row = rows.get(product.get("sku").asString());
            List<String> attributes = row == null ? List.of()
                    : Arrays.asList(row[1].split("\\|"));
            List<String> images = row == null || row[2].isEmpty() ? List.of()
                    : Arrays.stream(row[2].split("\\|")).map(url -> url + "=" + product.get("name").asString()).toList();
            assertThat(ProductAttributesApiTests.attributes(product)).as(product.get("sku").asString())
                    .containsExactlyElementsOf(attributes);
            assertThat(ProductAttributesApiTests.images(product)).as(product.get("sku").asString())
                    .containsExactlyElementsOf(images);
        }
        assertThat(jdbc.sql("select sku from catalog_product").query(String.class).list())
                .as("every row names a demo product").containsAll(rows.keySet());
    }

    @Test
    void theDemoAttributesAreFoundAndCountedBySearch() {
        JsonNode cement = api.get("/api/products?category=cement&attribute=type:OPC&size=100").json();
        assertThat(cement.get("content").valueStream().map(p -> p.get("sku").asString())).contains("CEM-UTR-OPC53-50")
                .doesNotContain("CEM-ACC-PPC-50");
        assertThat(cement.get("facets").get("attributes").get("type").valueStream()
                .map(v -> v.get("value").asString())).as("a filtered name still counts its other values")
                .contains("OPC", "PPC");
    }

    @Test
    void anyoneCanFetchAProductImageAndAMissingOneIsANotFoundProblem() {
        Response image = api.get("/images/catalog/test-swatch.svg");
        assertThat(image.status()).isEqualTo(200);
        assertThat(image.contentType()).startsWith("image/svg+xml");
        assertThat(image.body()).contains("<title>Test swatch</title>");
        assertThat(api.get("/images/catalog/test-swatch.svg", tokens.validFor(tokens.newCustomer(), Role.CUSTOMER)).status())
                .isEqualTo(200);

        assertProblem(api.get("/images/catalog/no-such-picture.svg"), 404, "request.not-found");
        assertProblem(api.get("/images/../application.yaml"), 400, "request.malformed");
    }
}
