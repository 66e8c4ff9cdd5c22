package com.buildnest.catalog;

import static com.buildnest.catalog.CatalogAdminFixtures.categoryId;
import static com.buildnest.catalog.CatalogAdminFixtures.cementForm;
import static com.buildnest.catalog.CatalogAdminFixtures.json;
import static com.buildnest.catalog.CatalogAdminFixtures.newSku;
import static com.buildnest.catalog.CatalogAdminFixtures.productsWithSku;
import static com.buildnest.platform.web.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.buildnest.customer.AccessTokens;
import com.buildnest.customer.Role;
import com.buildnest.inventory.Inventory;
import com.buildnest.testing.ApiClient;
import com.buildnest.testing.ApiClient.Response;
import com.buildnest.testing.BuildNestTest;

import tools.jackson.databind.JsonNode;

/** The catalogue as CSV, out and in, over real HTTP: all or nothing, with a report of every bad line. */
@BuildNestTest
class CatalogCsvApiTests {

    static final String HEADER = "sku,name,brand,category,description,unit,hsnCode,weightGrams,"
            + "minimumOrderQuantity,orderStep,maximumOrderQuantity,prices,packs,active,attributes,images";

    @Autowired
    ApiClient api;

    @Autowired
    AccessTokens tokens;

    @Autowired
    Inventory inventory;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ProductStockFollower stockFollower;

    String staff;

    @BeforeEach
    void staffMember() {
        staff = tokens.validFor(tokens.newCustomer(), Role.STAFF);
    }

    @AfterEach
    void testProductsOffSale() {
        CatalogAdminFixtures.takeTestProductsOffSale(api, jdbc, staff);
    }

    @Test
    void theExportHasAHeaderAndEveryProductWithItsPricesAndPacks() {
        Response export = api.get("/api/admin/products/export", staff);

        assertThat(export.status()).isEqualTo(200);
        assertThat(export.contentType()).isEqualTo("text/csv;charset=UTF-8");
        assertThat(export.header("Content-Disposition")).isEqualTo("attachment; filename=\"products.csv\"");
        List<String> lines = export.body().lines().toList();
        assertThat(lines.get(0)).isEqualTo(HEADER);
        // The demo catalogue's attributes and images follow; they are tested with products of the test's own.
        assertThat(lines).anyMatch(line -> line.startsWith("CEM-UTR-OPC53-50,\"UltraTech OPC 53 Grade Cement, 50 kg\","
                + "UltraTech,cement,\"Ordinary Portland cement, 53 grade, for RCC slabs, columns and beams.\",bag,2523,"
                + "50000,1,1,2000,1=415.00|50=405.00|200=398.00,truckload of 200 bags (10 t)=200,true,"));
        assertThat(lines).hasSize(1 + (int) (long) jdbc.sql("select count(*) from catalog_product").query(Long.class)
                .single());
    }

    @Test
    void exportingAndImportingTheExportLeavesEveryProductAsItWas() {
        String sku = newSku();
        api.postJson("/api/admin/products", json(with(cementForm(sku, categoryId(jdbc, "cement")), "description",
                "Line one, \"quoted\"\nline two")), staff);
        String before = api.get("/api/admin/products/export", staff).body();
        stockFollower.catchUp(java.time.Instant.now()); // "in stock" as inventory says now, as the import reads it
        List<Map<String, Object>> rowsBefore = allProductRows();

        Response imported = importFile(before.getBytes(StandardCharsets.UTF_8));

        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
        assertThat(imported.json().get("created").asInt()).isZero();
        assertThat(imported.json().get("updated").asInt()).isZero();
        assertThat(imported.json().get("unchanged").asInt()).isEqualTo(before.lines().count() - 2); // header, 2-line cell
        assertThat(api.get("/api/admin/products/export", staff).body()).isEqualTo(before);
        assertThat(allProductRows()).isEqualTo(rowsBefore);
    }

    @Test
    void anImportCreatesNewSkusAndUpdatesExistingOnes() {
        String existing = newSku();
        long existingId = api.postJson("/api/admin/products", json(cementForm(existing, categoryId(jdbc, "cement"))),
                staff).json().get("id").asLong();
        String fresh = newSku();
        String file = HEADER + "\n"
                + existing + ",Renamed Cement,Testcem,cement,,bag,2523,50000,1,1,2000,1=420.00|50=400.00,,,,\n"
                + fresh + ",\"Tiles, 600x600\",Kajaria,tiles,Glossy,box,6907,25000,1,1,500,1=899.50,pallet=40,false,,\n";

        Response imported = importFile(file.getBytes(StandardCharsets.UTF_8));

        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
        assertThat(imported.json().get("created").asInt()).isEqualTo(1);
        assertThat(imported.json().get("updated").asInt()).isEqualTo(1);
        assertThat(imported.json().get("unchanged").asInt()).isZero();
        JsonNode renamed = api.get("/api/admin/products/" + existingId, staff).json();
        assertThat(renamed.get("name").asString()).isEqualTo("Renamed Cement");
        assertThat(renamed.get("description").isNull()).isTrue();
        assertThat(renamed.get("packs")).isEmpty();
        assertThat(renamed.get("prices").get(1).get("unitPrice").get("amount").asString()).isEqualTo("400.00");
        assertThat(renamed.get("active").asBoolean()).isTrue();
        assertThat(renamed.get("version").asLong()).isEqualTo(1);
        assertThat(api.get("/api/products/" + existingId).json().get("name").asString()).isEqualTo("Renamed Cement");
        Map<String, Object> created = jdbc.sql("select name, unit, price_paise, active from catalog_product where sku = ?")
                .param(fresh).query().singleRow();
        assertThat(created.values()).containsExactly("Tiles, 600x600", "box", 89950L, false);
        assertThat(inventory.level(fresh).onHand()).isZero();
    }

    @Test
    void anImportWithAnyBadLineIsRefusedWithAReportOfEveryBadLineAndWritesNothing() {
        String existing = newSku();
        api.postJson("/api/admin/products", json(cementForm(existing, categoryId(jdbc, "cement"))), staff);
        Map<String, Object> existingBefore = CatalogAdminFixtures.productRow(jdbc, existing);
        String good = newSku();
        String duplicate = newSku();
        String file = HEADER + "\n"
                + good + ",Good Cement,Testcem,cement,,bag,2523,50000,1,1,2000,1=415.00,,,,\n"           // line 2
                + existing + ",Changed,Testcem,cement,,bag,2523,50000,1,1,2000,1=415.00,,,,\n"            // line 3
                + "bad sku,X,Testcem,nowhere,,barrel,2523,heavy,1,1,2000,1=-4,,maybe,,\n"                  // line 4
                + duplicate + ",Dearer in bulk,Testcem,cement,,bag,0101,50000,1,1,2000,1=400|50=410,,,,\n"  // line 5
                + duplicate + ",Again,Testcem,cement,,bag,2523,50000,1,1,2000,1=400,,,,\n"                 // line 6
                + "TOO-FEW,fields\n";                                                                     // line 7

        JsonNode problem = assertProblem(importFile(file.getBytes(StandardCharsets.UTF_8)), 422,
                "catalog.import-refused");

        JsonNode rows = problem.get("rows");
        assertThat(rows).hasSize(4);
        assertThat(rows.get(0).get("line").asLong()).isEqualTo(4);
        assertThat(rows.get(0).get("sku").asString()).isEqualTo("bad sku");
        assertThat(rows.get(0).get("errors").valueStream().map(JsonNode::asString).toList()).containsExactly(
                "category: no category 'nowhere'", "active: must be true, false or empty",
                "weightGrams: 'heavy' is not a whole number");
        assertThat(rows.get(1).get("line").asLong()).isEqualTo(5);
        assertThat(rows.get(1).get("errors").valueStream().map(JsonNode::asString).toList()).containsExactly(
                "prices: a larger order never pays more per unit: ₹410.00 from 50 exceeds ₹400.00");
        assertThat(rows.get(2).get("line").asLong()).isEqualTo(6);
        assertThat(rows.get(2).get("errors").valueStream().map(JsonNode::asString).toList())
                .containsExactly("sku: " + duplicate + " is also on line 5");
        assertThat(rows.get(3).get("line").asLong()).isEqualTo(7);
        assertThat(rows.get(3).get("sku").isNull()).isTrue();
        assertThat(rows.get(3).get("errors").get(0).asString()).isEqualTo("has 2 fields; the header has 16");

        assertThat(productsWithSku(jdbc, good)).isZero();
        assertThat(productsWithSku(jdbc, duplicate)).isZero();
        assertThat(CatalogAdminFixtures.productRow(jdbc, existing)).isEqualTo(existingBefore);
    }

    @Test
    void aLineWithAnUnknownGstRateOrAMalformedPriceIsReportedByField() {
        String sku = newSku();
        String file = HEADER + "\n" + sku + ",No Rate,Testcem,cement,,bag,0101,50000,1,1,2000,1=415.001,,,,\n"
                + sku + "-B,No Rate,Testcem,cement,,bag,0101,50000,1,1,2000,1=415.00,,,,\n";

        JsonNode rows = assertProblem(importFile(file.getBytes(StandardCharsets.UTF_8)), 422,
                "catalog.import-refused").get("rows");

        assertThat(rows.get(0).get("errors").get(0).asString()).startsWith("prices[0].unitPrice: must be rupees");
        assertThat(rows.get(1).get("errors").get(0).asString()).startsWith("hsnCode: no GST rate is on record for HSN 0101");
        assertThat(productsWithSku(jdbc, sku)).isZero();
        assertThat(productsWithSku(jdbc, sku + "-B")).isZero();
    }

    @Test
    void aFileThatIsNotTheCatalogueCsvIsRefusedAsAWholeAndWritesNothing() {
        String sku = newSku();
        String line = sku + ",Good,Testcem,cement,,bag,2523,50000,1,1,2000,1=415.00,,,,\n";
        byte[] latin1 = (HEADER + "\n" + line.replace("Good", "Gööd")).getBytes(StandardCharsets.ISO_8859_1);

        assertProblem(importFile(latin1), 422, "catalog.csv-malformed");
        assertProblem(importFile(("sku,name\n" + line).getBytes(StandardCharsets.UTF_8)), 422, "catalog.csv-malformed");
        assertProblem(importFile((HEADER + "\n" + line + "\"unclosed,quote\n").getBytes(StandardCharsets.UTF_8)),
                422, "catalog.csv-malformed");
        assertProblem(importFile(new byte[0]), 422, "catalog.csv-malformed");
        assertProblem(api.send("POST", "/api/admin/products/import", Map.of("Authorization", "Bearer " + staff,
                "Content-Type", "multipart/form-data; boundary=x"), HttpRequest.BodyPublishers.ofString(
                        "--x\r\nContent-Disposition: form-data; name=\"other\"\r\n\r\nhi\r\n--x--\r\n")),
                400, "request.malformed");

        assertThat(productsWithSku(jdbc, sku)).isZero();
    }

    @Test
    void aFileOverTheSizeLimitIsRefusedBeforeItIsRead() {
        byte[] big = (HEADER + "\n" + "x".repeat(1_100_000)).getBytes(StandardCharsets.UTF_8);

        assertProblem(importFile(big), 413, "request.too-large");
    }

    @Test
    void aUtf8FileWithAByteOrderMarkAsSpreadsheetsSaveItIsRead() {
        String sku = newSku();
        byte[] file = ("\uFEFF" + HEADER + "\r\n" + sku + ",Gööd Cement,Testcem,cement,,bag,2523,50000,1,1,2000,1=415.00,,,,\r\n")
                .getBytes(StandardCharsets.UTF_8);

        Response imported = importFile(file);

        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
        assertThat(jdbc.sql("select name from catalog_product where sku = ?").param(sku).query(String.class).single())
                .isEqualTo("Gööd Cement");
    }

    @Test
    void attributesAndImagesRoundTripAndAnImportedImageKeepsItsAltTextOrTakesTheProductName() {
        String sku = newSku();
        long id = api.postJson("/api/admin/products", json(with(with(cementForm(sku, categoryId(jdbc, "cement")),
                "attributes", List.of(Map.of("name", "grade", "value", "OPC 53"),
                        Map.of("name", "note", "value", "w/c = 0.4, cured 28 days"))),
                "images", List.of(Map.of("url", "/images/catalog/cement.svg", "alt", "Front of the bag"),
                        Map.of("url", "https://cdn.example.in/back.jpg", "alt", "Back of the bag")))), staff)
                .json().get("id").asLong();
        String before = api.get("/api/admin/products/export", staff).body();
        assertThat(before.lines().filter(line -> line.startsWith(sku + ","))).singleElement().asString()
                .endsWith(",true,\"grade=OPC 53|note=w/c = 0.4, cured 28 days\","
                        + "/images/catalog/cement.svg|https://cdn.example.in/back.jpg");
        List<Map<String, Object>> detailsBefore = detailRows();

        Response reimported = importFile(before.getBytes(StandardCharsets.UTF_8));

        assertThat(reimported.status()).as(reimported.body()).isEqualTo(200);
        assertThat(reimported.json().get("updated").asInt()).isZero();
        assertThat(detailRows()).isEqualTo(detailsBefore);

        Response changed = importFile((HEADER + "\n" + sku + ",Test Cement,Testcem,cement,,bag,2523,50000,1,1,2000,"
                + "1=415.00|50=405.00,,,Finish=Matt,https://cdn.example.in/back.jpg|/images/catalog/new.svg\n")
                .getBytes(StandardCharsets.UTF_8));

        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        assertThat(changed.json().get("updated").asInt()).isEqualTo(1);
        JsonNode product = api.get("/api/admin/products/" + id, staff).json();
        assertThat(ProductAttributesApiTests.attributes(product)).containsExactly("finish=Matt");
        assertThat(ProductAttributesApiTests.images(product)).containsExactly(
                "https://cdn.example.in/back.jpg=Back of the bag", "/images/catalog/new.svg=Test Cement");
    }

    @Test
    void badAttributesAndImagesInAFileAreReportedByLineAndNothingIsWritten() {
        String sku = newSku();
        String line = sku + ",Test Cement,Testcem,cement,,bag,2523,50000,1,1,2000,1=415.00,,,";
        String file = HEADER + "\n"
                + line + "grade,\n"                                                   // line 2
                + line.replace(sku, sku + "-B") + "Grade=OPC 53|grade=PPC,\n"         // line 3
                + line.replace(sku, sku + "-C") + ",http://cdn.example.in/a.jpg\n";   // line 4

        JsonNode rows = assertProblem(importFile(file.getBytes(StandardCharsets.UTF_8)), 422,
                "catalog.import-refused").get("rows");

        assertThat(rows.valueStream().map(row -> row.get("line").asLong() + ": " + row.get("errors").get(0).asString()))
                .containsExactly("2: attributes: 'grade' is not name=value",
                        "3: attributes: must not give the same attribute name or image address twice",
                        "4: images[0].url: must be an https:// address or a path under /images/");
        assertThat(productsWithSku(jdbc, sku)).isZero();
        assertThat(productsWithSku(jdbc, sku + "-B")).isZero();
        assertThat(productsWithSku(jdbc, sku + "-C")).isZero();
    }

    @Test
    void cellsASpreadsheetWouldRunAsFormulasAreExportedAsTextAndImportBackExactly() {
        String sku = newSku();
        api.postJson("/api/admin/products", json(with(with(with(with(cementForm(sku, categoryId(jdbc, "cement")),
                "name", "=HYPERLINK(\"https://evil.example\",\"Click\")"), "brand", "@Testcem"),
                "description", "'=SUM(A1) was typed as text"),
                "packs", List.of(Map.of("name", "-10 bags", "baseUnits", 10)))), staff);
        Map<String, Object> rowBefore = CatalogAdminFixtures.productRow(jdbc, sku);

        String export = api.get("/api/admin/products/export", staff).body();

        assertThat(export.lines().filter(line -> line.startsWith(sku + ","))).singleElement().asString()
                .startsWith(sku + ",\"'=HYPERLINK(\"\"https://evil.example\"\",\"\"Click\"\")\",'@Testcem,cement,"
                        + "''=SUM(A1) was typed as text,bag,")
                .contains(",'-10 bags=10,");
        Response reimported = importFile(export.getBytes(StandardCharsets.UTF_8));
        assertThat(reimported.status()).as(reimported.body()).isEqualTo(200);
        assertThat(reimported.json().get("updated").asInt()).isZero();
        assertThat(CatalogAdminFixtures.productRow(jdbc, sku)).isEqualTo(rowBefore);
        assertThat(api.get("/api/admin/products/export", staff).body()).isEqualTo(export);
    }

    @Test
    void aQuotedNegativeOrFormulaNumberIsStillRefused() {
        String sku = newSku();
        String file = HEADER + "\n"
                + sku + ",Test Cement,Testcem,cement,,bag,2523,'-5,1,1,2000,1=415.00,,,,\n"
                + sku + "-B,Test Cement,Testcem,cement,,bag,2523,-5,1,1,2000,1=415.00,,,,\n"
                + sku + "-C,Test Cement,Testcem,cement,,bag,2523,50000,'=1+1,1,2000,1=415.00,,,,\n"
                + sku + "-D,Test Cement,Testcem,cement,,bag,2523,50000,1,1,2000,'-1=415.00,,,,\n";

        JsonNode rows = assertProblem(importFile(file.getBytes(StandardCharsets.UTF_8)), 422,
                "catalog.import-refused").get("rows");

        assertThat(rows.valueStream().map(row -> row.get("errors").get(0).asString())).containsExactly(
                "weightGrams: must be greater than or equal to 0", "weightGrams: must be greater than or equal to 0",
                "minimumOrderQuantity: '=1+1' is not a whole number",
                "prices[0].minQuantity: must be greater than or equal to 1");
        assertThat(productsWithSku(jdbc, sku)).isZero();
    }

    private List<Map<String, Object>> detailRows() {
        List<Map<String, Object>> rows = new java.util.ArrayList<>(jdbc.sql(
                "select * from catalog_product_attribute order by product_id, position").query().listOfRows());
        rows.addAll(jdbc.sql("select * from catalog_product_image order by product_id, position").query().listOfRows());
        return rows;
    }

    private Response importFile(byte[] content) {
        return CatalogAdminFixtures.importCsv(api, content, staff);
    }

    private List<Map<String, Object>> allProductRows() {
        return jdbc.sql("select * from catalog_product order by id").query().listOfRows();
    }

    private static Map<String, Object> with(Map<String, Object> form, String field, Object value) {
        return CatalogAdminFixtures.with(form, field, value);
    }
}
