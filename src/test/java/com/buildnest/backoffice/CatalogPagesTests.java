package com.buildnest.backoffice;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.ui.ExtendedModelMap;

import com.buildnest.catalog.CatalogAdministration;
import com.buildnest.customer.AccessTokens;
import com.buildnest.customer.Role;
import com.buildnest.testing.Browser;
import com.buildnest.testing.BuildNestTest;
import com.buildnest.testing.PageClient;
import com.buildnest.testing.StatementCounter;

/**
 * The back office's products and categories pages: staff create a product in a real browser and
 * the shop shows it; a refused form comes back with a message beside each field and what was typed;
 * a CSV import reports every line; only staff get in, and only with the form's CSRF token.
 */
@BuildNestTest
class CatalogPagesTests {

    @LocalServerPort
    int port;

    @Autowired
    AccessTokens tokens;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ProductPages productPages;

    @Test
    void staffCreateAProductWithAPackSizeAndTierPricesThatTheShopShows() {
        String sku = newSku();
        try (Browser browser = new Browser(port)) {
            browser.signIn(tokens.newAccount(Role.STAFF).username(), AccessTokens.PASSWORD, "/admin/products/new");
            browser.type("#sku", sku).type("#name", "Page OPC 53 Cement, 50 kg").type("#brand", "Pagecem");
            new Select(browser.find("#categoryId")).selectByVisibleText("Cement");
            new Select(browser.find("#unit")).selectByVisibleText("bag");
            browser.type("#hsnCode", "2523").type("#weightGrams", "50000").type("#maximumOrderQuantity", "2000")
                    .type("#prices-0-unitPrice", "415.00")
                    .type("#packs-0-name", "pallet of 40 bags").type("#packs-0-baseUnits", "40");
            browser.press("Add a price tier");
            // the form again, one tier row more, nothing saved yet
            browser.click("#prices-1-minQuantity").type("#prices-1-minQuantity", "50").type("#prices-1-unitPrice", "405.00");
            assertThat(browser.find("#packs-0-name").getDomProperty("value")).isEqualTo("pallet of 40 bags");
            browser.click("#save");
            String path = browser.waitForPath("/admin/products/");
            assertThat(browser.text(".notice")).isEqualTo("Product " + sku + " created.");
            assertThat(browser.text("#gst-rate")).matches("GST rate today for this HSN code: [0-9.]+ %");
            browser.screenshot("admin-product-form");

            long id = Long.parseLong(path.substring("/admin/products/".length()));
            browser.open("/products/" + id);
            assertThat(browser.text("main")).contains("Page OPC 53 Cement, 50 kg", "₹415.00",
                    "pallet of 40 bags: 40 bag", "405.00");

            browser.open("/admin/products?q=" + sku);
            assertThat(browser.text("#product-count")).isEqualTo("1 product");
            assertThat(browser.text(".admin-table tbody")).contains(sku, "Pagecem", "₹415.00", "bag", "On sale");
            browser.open("/admin/products");
            browser.screenshot("admin-products");
        }
    }

    @Test
    void aRefusedProductFormComesBackWithAMessageBesideEachFieldAndWhatWasTyped() throws Exception {
        PageClient staff = PageClient.signedIn(port, tokens.newAccount(Role.STAFF));
        String sku = newSku();
        Map<String, String> form = cementForm(sku);
        form.put("prices[0].unitPrice", "-5");
        form.put("weightGrams", "heavy");
        form.put("hsnCode", "25");

        HttpResponse<String> refused = staff.post("/admin/products/new", "/admin/products", form);

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(fieldError(refused.body(), "prices-0-unitPrice")).startsWith("must be rupees");
        assertThat(fieldError(refused.body(), "weightGrams")).isEqualTo("must be a whole number");
        assertThat(fieldError(refused.body(), "hsnCode")).isEqualTo("must be an HSN code of 4, 6 or 8 digits");
        assertThat(refused.body()).contains("value=\"-5\"", "value=\"heavy\"", "value=\"" + sku + "\"",
                "value=\"pallet of 40 bags\"");

        HttpResponse<String> noGstRate = staff.post("/admin/products/new", "/admin/products",
                with(cementForm(sku), "hsnCode", "0101"));
        assertThat(noGstRate.statusCode()).isEqualTo(400);
        assertThat(fieldError(noGstRate.body(), "hsnCode")).startsWith("No GST rate is on record for HSN 0101");
        assertThat(noGstRate.body()).contains("value=\"0101\"");

        HttpResponse<String> taken = staff.post("/admin/products/new", "/admin/products",
                with(cementForm("CEM-UTR-OPC53-50"), "name", "A second UltraTech"));
        assertThat(taken.statusCode()).isEqualTo(400);
        assertThat(fieldError(taken.body(), "sku")).isEqualTo("Another product already has SKU CEM-UTR-OPC53-50.");
        assertThat(taken.body()).contains("value=\"A second UltraTech\"");

        assertThat(products(sku)).isZero();
        assertThat(jdbc.sql("select name from catalog_product where sku = 'CEM-UTR-OPC53-50'").query(String.class)
                .single()).isEqualTo("UltraTech OPC 53 Grade Cement, 50 kg");
    }

    @Test
    void aCsvImportReportsEveryLineAndSkippingRefusedLinesCreatesOnlyTheGoodOne() throws IOException {
        String good = newSku();
        String bad = newSku();
        Path file = Files.createTempFile("products", ".csv");
        Files.writeString(file, "sku,name,brand,category,description,unit,hsnCode,weightGrams,minimumOrderQuantity,"
                + "orderStep,maximumOrderQuantity,prices,packs,active,attributes,images\n"
                + good + ",Imported PPC Cement,Importcem,cement,,bag,2523,50000,1,1,2000,1=380.00|50=370.00,"
                + "pallet=40,true,,\n"
                + bad + ",Imported Bad Cement,Importcem,cement,,bag,2523,50000,1,1,2000,1=-3,,true,,\n");
        try (Browser browser = new Browser(port)) {
            browser.signIn(tokens.newAccount(Role.STAFF).username(), AccessTokens.PASSWORD, "/admin/products/import");
            browser.find("#file").sendKeys(file.toString());
            browser.click("#skipRefused").press("Import");
            assertThat(browser.waitForText("#report-summary", "refused"))
                    .isEqualTo("1 created, 0 updated, 0 unchanged, 1 refused");
            assertThat(browser.text("#import-report tr[data-line='2']")).contains(good, "Created");
            assertThat(browser.text("#import-report tr[data-line='3']")).contains(bad, "Refused",
                    "prices[0].unitPrice: must be rupees");
            browser.screenshot("admin-import-report");
        } finally {
            Files.delete(file);
        }
        assertThat(products(good)).isOne();
        assertThat(products(bad)).isZero();
    }

    @Test
    void withoutSkippingAnImportWithABadLineWritesNothingAndAFileTooLargeGetsAFriendlyPage() throws Exception {
        PageClient staff = PageClient.signedIn(port, tokens.newAccount(Role.STAFF));
        String good = newSku();
        String csv = "sku,name,brand,category,description,unit,hsnCode,weightGrams,minimumOrderQuantity,"
                + "orderStep,maximumOrderQuantity,prices,packs,active,attributes,images\n"
                + good + ",Imported PPC Cement,Importcem,cement,,bag,2523,50000,1,1,2000,1=380.00,,true,,\n"
                + "X,Bad,Importcem,nowhere,,bag,2523,50000,1,1,2000,1=380.00,,true,,\n";

        staff.get("/admin/products/import");
        HttpResponse<String> refused = staff.upload("/admin/products/import", "file", "products.csv",
                csv.getBytes(StandardCharsets.UTF_8));
        assertThat(refused.statusCode()).isEqualTo(302);
        String report = staff.get("/admin/products/import").body();
        assertThat(report).contains("Lines refused (nothing was imported)", "category: no category &#39;nowhere&#39;");
        assertThat(products(good)).isZero();

        HttpResponse<String> tooLarge = staff.upload("/admin/products/import", "file", "products.csv",
                new byte[1_200_000]);
        assertThat(tooLarge.statusCode()).isEqualTo(413);
        assertThat(tooLarge.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type)
                .startsWith("text/html"));
        assertThat(tooLarge.body()).contains("split the CSV file into smaller files");
    }

    @Test
    void staffCreateRenameAndDeleteACategoryButNotOneThatHoldsProducts() throws Exception {
        PageClient staff = PageClient.signedIn(port, tokens.newAccount(Role.STAFF));
        String slug = "page-" + UUID.randomUUID().toString().substring(0, 8);
        long cement = jdbc.sql("select id from catalog_category where slug = 'cement'").query(Long.class).single();

        assertThat(staff.post("/admin/categories", "/admin/categories", Map.of("name", "Page Sand", "slug", slug,
                "parentId", Long.toString(cement))).statusCode()).isEqualTo(302);
        long id = jdbc.sql("select id from catalog_category where slug = ?").param(slug).query(Long.class).single();
        assertThat(staff.get("/admin/categories").body()).contains("Page Sand");

        HttpResponse<String> badSlug = staff.post("/admin/categories/" + id, "/admin/categories/" + id,
                Map.of("name", "River Sand", "slug", "Not A Slug", "position", "x"));
        assertThat(badSlug.statusCode()).isEqualTo(400);
        assertThat(fieldError(badSlug.body(), "category-slug")).isEqualTo("must be lower-case words joined by dashes");
        assertThat(fieldError(badSlug.body(), "category-position")).isEqualTo("must be a whole number");
        assertThat(badSlug.body()).contains("value=\"Not A Slug\"", "value=\"River Sand\"");

        assertThat(staff.post("/admin/categories/" + id, "/admin/categories/" + id,
                Map.of("name", "River Sand", "slug", slug)).statusCode()).isEqualTo(302);
        assertThat(jdbc.sql("select name, parent_id from catalog_category where id = ?").param(id).query()
                .singleRow().values()).containsExactly("River Sand", null);

        HttpResponse<String> inUse = staff.post("/admin/categories", "/admin/categories/" + cement + "/delete",
                Map.of());
        assertThat(inUse.statusCode()).isEqualTo(409);
        assertThat(inUse.body()).contains("Category &#39;cement&#39; still has products on sale");

        assertThat(staff.post("/admin/categories", "/admin/categories/" + id + "/delete", Map.of()).statusCode())
                .isEqualTo(302);
        assertThat(jdbc.sql("select count(*) from catalog_category where id = ?").param(id).query(Long.class)
                .single()).isZero();
    }

    @Test
    void onlyStaffGetInAndEveryPostNeedsTheFormsCsrfToken() throws Exception {
        HttpResponse<String> guest = PageClient.guest(port).get("/admin/products");
        assertThat(guest.statusCode()).isEqualTo(302);
        assertThat(guest.headers().firstValue("Location")).hasValueSatisfying(location -> assertThat(location)
                .endsWith("/signin?next=/admin/products"));

        PageClient customer = PageClient.signedIn(port, tokens.newAccount());
        assertThat(customer.get("/admin/products").statusCode()).isEqualTo(403);
        assertThat(customer.get("/admin/categories").statusCode()).isEqualTo(403);
        assertThat(customer.post("/", "/admin/products", cementForm(newSku())).statusCode()).isEqualTo(403);

        PageClient staff = PageClient.signedIn(port, tokens.newAccount(Role.STAFF));
        String sku = newSku();
        assertThat(staff.postWithoutToken("/admin/products", cementForm(sku)).statusCode()).isEqualTo(403);
        assertThat(products(sku)).isZero();
        assertThat(staff.get("/admin/products/export").body()).startsWith("sku,name,brand,category,");
    }

    @Test
    void theProductListCostsAFixedNumberOfStatementsWhateverItShows() {
        productPages.products(new ProductPages.Filters(null, null, null, 0), new ExtendedModelMap());
        ExtendedModelMap model = new ExtendedModelMap();
        List<String> statements = StatementCounter.statementsOf(() -> productPages.products(
                new ProductPages.Filters(null, null, true, 0), model));

        assertThat(((org.springframework.data.domain.Page<?>) model.get("products")).getContent())
                .hasSize(ProductPages.PAGE_SIZE);
        assertThat(statements).hasSize(3); // the categories, the page of products, their count
    }

    @Test
    void filteringTheListByACategoryShowsTheProductsOfItsSubCategoriesAtAnyDepthAtTheSameCost() throws Exception {
        PageClient staff = PageClient.signedIn(port, tokens.newAccount(Role.STAFF));
        String run = UUID.randomUUID().toString().substring(0, 8);
        long shelf = newCategory(staff, "shelf-" + run, null);
        long subShelf = newCategory(staff, "sub-shelf-" + run, shelf);
        long subSubShelf = newCategory(staff, "sub-sub-shelf-" + run, subShelf);
        long otherShelf = newCategory(staff, "other-shelf-" + run, null);
        String onShelf = newProduct(staff, shelf);
        String onSubShelf = newProduct(staff, subShelf);
        String onSubSubShelf = newProduct(staff, subSubShelf);
        String elsewhere = newProduct(staff, otherShelf);

        ExtendedModelMap model = new ExtendedModelMap();
        List<String> statements = StatementCounter.statementsOf(() -> productPages.products(
                new ProductPages.Filters(null, shelf, null, 0), model));

        assertThat(skusListed(model)).containsExactlyElementsOf(
                java.util.stream.Stream.of(onShelf, onSubShelf, onSubSubShelf).sorted().toList());
        assertThat(statements).hasSize(2); // the categories and the page of products: one page holds all, so no count
        assertThat(skusListed(listed(new ProductPages.Filters(null, subShelf, null, 0))))
                .containsExactlyInAnyOrder(onSubShelf, onSubSubShelf);
        assertThat(skusListed(listed(new ProductPages.Filters(null, subSubShelf, null, 0))))
                .containsExactly(onSubSubShelf);
        assertThat(staff.get("/admin/products?category=" + shelf).body()).contains(onShelf, onSubShelf, onSubSubShelf)
                .doesNotContain(elsewhere);
    }

    private ExtendedModelMap listed(ProductPages.Filters filters) {
        ExtendedModelMap model = new ExtendedModelMap();
        productPages.products(filters, model);
        return model;
    }

    private static List<String> skusListed(ExtendedModelMap model) {
        return ((org.springframework.data.domain.Page<?>) model.get("products")).getContent().stream()
                .map(line -> ((CatalogAdministration.ProductLine) line).sku()).toList();
    }

    /** A category made on the categories page, under {@code parentId} (null: at the top); its id. */
    private long newCategory(PageClient staff, String slug, Long parentId) throws Exception {
        Map<String, String> form = new LinkedHashMap<>(Map.of("name", "Shelf " + slug, "slug", slug));
        if (parentId != null) {
            form.put("parentId", parentId.toString());
        }
        assertThat(staff.post("/admin/categories", "/admin/categories", form).statusCode()).isEqualTo(302);
        return jdbc.sql("select id from catalog_category where slug = ?").param(slug).query(Long.class).single();
    }

    /** A product on sale made with the product form, in the category; its SKU. */
    private String newProduct(PageClient staff, long categoryId) throws Exception {
        String sku = newSku();
        HttpResponse<String> created = staff.post("/admin/products/new", "/admin/products",
                with(cementForm(sku), "categoryId", Long.toString(categoryId)));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(302);
        return sku;
    }

    private long products(String sku) {
        return jdbc.sql("select count(*) from catalog_product where sku = ?").param(sku).query(Long.class).single();
    }

    private static String newSku() {
        return "PG-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    private Map<String, String> cementForm(String sku) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("sku", sku);
        form.put("name", "Page PPC Cement, 50 kg");
        form.put("brand", "Pagecem");
        form.put("categoryId", Long.toString(jdbc.sql("select id from catalog_category where slug = 'cement'")
                .query(Long.class).single()));
        form.put("unit", "bag");
        form.put("hsnCode", "2523");
        form.put("weightGrams", "50000");
        form.put("minimumOrderQuantity", "1");
        form.put("orderStep", "1");
        form.put("maximumOrderQuantity", "2000");
        form.put("prices[0].minQuantity", "1");
        form.put("prices[0].unitPrice", "380.00");
        form.put("packs[0].name", "pallet of 40 bags");
        form.put("packs[0].baseUnits", "40");
        form.put("active", "true");
        return form;
    }

    private static Map<String, String> with(Map<String, String> form, String field, String value) {
        form.put(field, value);
        return form;
    }

    /** The message shown beside a field (its id), from the page's HTML. */
    private static String fieldError(String html, String fieldId) {
        Matcher message = Pattern.compile("id=\"" + Pattern.quote(fieldId) + "-error\">([^<]*)<").matcher(html);
        assertThat(message.find()).as("a message beside " + fieldId).isTrue();
        return message.group(1).replace("&#39;", "'");
    }
}
