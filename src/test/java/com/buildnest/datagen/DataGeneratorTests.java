package com.buildnest.datagen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.security.crypto.password.PasswordEncoder;

import com.buildnest.ordering.OrderingProperties;
import com.buildnest.testing.BuildNestTest;

/**
 * The generator on scratch databases migrated by the real changelog: the numbers asked for,
 * referentially consistent rows that the modules' own rules accept, the same data for the same
 * seed, and a refusal, changing nothing, of a database that already has products.
 */
@BuildNestTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DataGeneratorTests {

    private static final String SKU = "[A-Z]{3}-[A-Z0-9]{1,3}-[0-9]{6}";

    @Autowired
    Environment environment;

    @Autowired
    PasswordEncoder passwordEncoder;

    @Autowired
    OrderingProperties ordering;

    private GeneratedDatabase database;
    private DataGenerator.Report report;
    private final ByteArrayOutputStream progress = new ByteArrayOutputStream();

    @BeforeAll
    void generateFiftyUsersAndThreeHundredProducts() throws Exception {
        database = GeneratedDatabase.migrated(environment);
        report = generator(database, new PrintStream(progress, true, StandardCharsets.UTF_8)).generate(options(50, 300, 7));
    }

    @AfterAll
    void dropTheScratchDatabase() throws Exception {
        database.close();
    }

    @Test
    void writesTheRequestedNumbersOfProductsStockAndAccounts() {
        assertThat(database.number("SELECT COUNT(*) FROM catalog_product")).isEqualTo(300);
        assertThat(database.number("SELECT COUNT(*) FROM inventory_stock")).isEqualTo(300);
        assertThat(database.number("SELECT COUNT(*) FROM customer_account")).isEqualTo(50);
        assertThat(database.number("SELECT COUNT(*) FROM customer_account_role WHERE role = 'CUSTOMER'")).isEqualTo(50);
        assertThat(report.rowsPerTable()).containsEntry("catalog_product", 300L).containsEntry("customer_account", 50L)
                .containsKeys("catalog_tier_price", "catalog_pack_size", "catalog_product_attribute",
                        "catalog_product_image", "inventory_movement", "customer_address", "catalog_category");
        assertThat(report.data().products).hasSize(300);
        assertThat(report.data().accounts).hasSize(50);
        assertThat(progress.toString(StandardCharsets.UTF_8)).contains("[catalogue] done: 300 products",
                "[inventory] done: 300 SKUs", "[customers] done: 50 accounts");
    }

    @Test
    void everyProductHasItsStartingTierAttributesImagesStockAndAGstRate() {
        assertThat(database.number("""
                SELECT COUNT(*) FROM catalog_product p WHERE NOT EXISTS (SELECT 1 FROM catalog_tier_price t
                WHERE t.product_id = p.id AND t.min_quantity = p.min_order_quantity AND t.unit_price_paise = p.price_paise)"""))
                .as("products whose first tier is not their listed price").isZero();
        assertThat(database.number("""
                SELECT COUNT(*) FROM catalog_tier_price a JOIN catalog_tier_price b ON b.product_id = a.product_id
                AND b.min_quantity > a.min_quantity WHERE b.unit_price_paise > a.unit_price_paise"""))
                .as("larger orders paying more per unit").isZero();
        assertThat(database.number("""
                SELECT COUNT(*) FROM catalog_product p WHERE NOT EXISTS (SELECT 1 FROM catalog_product_attribute a
                WHERE a.product_id = p.id) OR NOT EXISTS (SELECT 1 FROM catalog_product_image i WHERE i.product_id = p.id)"""))
                .as("products without attributes or images").isZero();
        assertThat(database.number("""
                SELECT COUNT(*) FROM catalog_product p WHERE NOT EXISTS (SELECT 1 FROM catalog_gst_rate r
                WHERE p.hsn_code LIKE CONCAT(r.hsn, '%') AND r.effective_to IS NULL)"""))
                .as("products whose HSN code has no GST rate today").isZero();
        assertThat(database.number("""
                SELECT COUNT(*) FROM catalog_product p LEFT JOIN inventory_stock s ON s.sku = p.sku WHERE s.sku IS NULL"""))
                .as("products without stock").isZero();
        assertThat(database.number("SELECT COUNT(DISTINCT category_id) FROM catalog_product")).isGreaterThan(15);
        assertThat(database.number("SELECT COUNT(*) FROM catalog_product WHERE price_paise <= 0 OR weight_grams <= 0"))
                .isZero();
    }

    @Test
    void productsReadLikeAShopsCatalogue() {
        assertThat(database.strings("SELECT sku FROM catalog_product")).allMatch(sku -> sku.matches(SKU));
        assertThat(database.strings("SELECT name FROM catalog_product"))
                .noneMatch(name -> name.contains("{") || name.contains("  ") || name.contains(" ,"));
        assertThat(database.strings("SELECT DISTINCT brand FROM catalog_product")).contains("UltraTech", "Kajaria",
                "Asian Paints");
        assertThat(database.strings("SELECT unit FROM catalog_product")).allMatch(unit -> Set.of("kg", "tonne", "piece",
                "bag", "box", "sq ft", "sq m", "litre", "metre", "length", "coil", "bucket", "sheet", "pair").contains(unit));
    }

    @Test
    void stockAgreesWithItsLedgerAndItsLowStockFlag() {
        assertThat(database.number("""
                SELECT COUNT(*) FROM inventory_stock s WHERE s.on_hand <> (SELECT COALESCE(SUM(m.on_hand_change), 0)
                FROM inventory_movement m WHERE m.sku = s.sku)""")).isZero();
        assertThat(database.number("""
                SELECT COUNT(*) FROM inventory_stock WHERE (CASE WHEN on_hand - reserved < low_stock_threshold
                THEN 1 ELSE 0 END) <> (CASE WHEN below_threshold THEN 1 ELSE 0 END)""")).isZero();
        assertThat(database.number("SELECT COUNT(*) FROM inventory_stock s LEFT JOIN catalog_product p ON p.sku = s.sku"
                + " WHERE p.id IS NULL")).isZero();
        assertThat(database.number("SELECT COUNT(*) FROM inventory_stock WHERE on_hand > 0")).isGreaterThan(250);
    }

    @Test
    void attributesAreNamedAsTheCatalogueNamesThem() {
        assertThat(database.strings("SELECT DISTINCT name FROM catalog_product_attribute")).isNotEmpty()
                .allMatch(name -> name.matches("[a-z][a-z0-9-]{0,59}"));
        assertThat(CatalogueStep.attributeKey("Breaking capacity")).isEqualTo("breaking-capacity");
    }

    @Test
    void aProductIsInStockExactlyWhenItsMinimumOrderIsAvailable() {
        assertThat(database.number("""
                SELECT COUNT(*) FROM catalog_product p JOIN inventory_stock s ON s.sku = p.sku
                WHERE p.in_stock <> (s.on_hand - s.reserved >= p.min_order_quantity AND s.on_hand - s.reserved > 0)"""))
                .isZero();
        assertThat(database.number("SELECT COUNT(*) FROM catalog_product WHERE in_stock")).isPositive();
        assertThat(database.number("SELECT COUNT(*) FROM catalog_product WHERE NOT in_stock")).isPositive();
    }

    @Test
    void accountsShareOnePasswordHashedOnceByTheApplicationsEncoder() {
        List<String> hashes = database.strings("SELECT DISTINCT password_hash FROM customer_account");
        assertThat(hashes).singleElement().satisfies(hash -> {
            assertThat(hash).startsWith("$argon2id$");
            assertThat(passwordEncoder.matches(GenerationOptions.DEFAULT_PASSWORD, hash)).isTrue();
        });
        assertThat(database.strings("SELECT email FROM customer_account")).allMatch(email -> email.matches(
                "[a-z.]+[0-9]+@example\\.com"));
        assertThat(database.strings("SELECT phone FROM customer_account")).allMatch(phone -> phone.matches(
                "\\+91[6-9][0-9]{9}"));
    }

    @Test
    void addressesAreIndianWithOneDefaultPerAddressBook() {
        assertThat(database.strings("SELECT pin_code FROM customer_address")).isNotEmpty()
                .allMatch(pin -> pin.matches("[1-9][0-9]{5}"));
        assertThat(database.strings("SELECT gstin FROM customer_address WHERE gstin IS NOT NULL")).allMatch(gstin ->
                gstin.matches("[0-9]{2}[A-Z]{5}[0-9]{4}[A-Z]1Z[0-9A-Z]")
                        && gstin.charAt(14) == CustomerStep.checkCharacter(gstin.substring(0, 14)));
        assertThat(database.number("""
                SELECT COUNT(*) FROM customer_account a WHERE EXISTS (SELECT 1 FROM customer_address d WHERE
                d.account_id = a.id) AND (SELECT COUNT(*) FROM customer_address d WHERE d.account_id = a.id
                AND d.is_default) <> 1""")).isZero();
        assertThat(report.data().accounts.stream().mapToLong(account -> account.addressIds().size()).sum())
                .isEqualTo(database.number("SELECT COUNT(*) FROM customer_address"));
    }

    @Test
    void computesGstnsCheckCharacterOfARealGstin() {
        assertThat(CustomerStep.checkCharacter("27AAPFU0939F1Z")).isEqualTo('V');
    }

    @Test
    void theSameSeedGivesTheSameDataAndAnotherSeedOther() throws Exception {
        String products = "SELECT CONCAT(sku, '|', name, '|', price_paise, '|', brand) FROM catalog_product ORDER BY sku";
        String accounts = "SELECT CONCAT(username, '|', phone) FROM customer_account ORDER BY username";
        try (GeneratedDatabase again = GeneratedDatabase.migrated(environment);
                GeneratedDatabase other = GeneratedDatabase.migrated(environment)) {
            generator(again, quiet()).generate(options(50, 300, 7));
            generator(other, quiet()).generate(options(50, 300, 8));

            assertThat(again.strings(products)).isEqualTo(database.strings(products));
            assertThat(again.strings(accounts)).isEqualTo(database.strings(accounts));
            assertThat(again.strings("SELECT CONCAT(sku, '|', on_hand) FROM inventory_stock ORDER BY sku"))
                    .isEqualTo(database.strings("SELECT CONCAT(sku, '|', on_hand) FROM inventory_stock ORDER BY sku"));
            assertThat(other.strings(products)).isNotEqualTo(database.strings(products));
        }
    }

    @Test
    void refusesADatabaseWithProductsUnlessAskedToAppendAndThenAddsUniqueSkus() throws Exception {
        try (GeneratedDatabase filled = GeneratedDatabase.migrated(environment)) {
            generator(filled, quiet()).generate(options(5, 20, 3));

            assertThatThrownBy(() -> generator(filled, quiet()).generate(options(5, 20, 3)))
                    .isInstanceOf(GenerationRefused.class).hasMessageContaining("already has 20 products");
            assertThat(filled.number("SELECT COUNT(*) FROM catalog_product")).isEqualTo(20);
            assertThat(filled.number("SELECT COUNT(*) FROM customer_account")).isEqualTo(5);

            generator(filled, quiet()).generate(new GenerationOptions(5, 20, 30, 3, true, false,
                    GenerationOptions.DEFAULT_PASSWORD, false, List.of()));
            assertThat(filled.number("SELECT COUNT(*) FROM catalog_product")).isEqualTo(40);
            assertThat(filled.number("SELECT COUNT(*) FROM inventory_stock")).isEqualTo(40);
            assertThat(filled.number("SELECT COUNT(*) FROM customer_account")).isEqualTo(10);
            assertThat(filled.number("SELECT COUNT(*) FROM catalog_category"))
                    .as("the category tree is reused, not doubled").isEqualTo(TabSeparated.rows("categories.tsv", 3).size());
        }
    }

    @Test
    void runsEachStepAfterTheStepsItRequires() {
        DataGenerator generator = new DataGenerator(database.dataSource, DataGenerator.standardSteps("hash", ordering),
                quiet());
        List<String> order = generator.stepNames();
        assertThat(order).containsExactlyInAnyOrder("catalogue", "inventory", "customers", "orders", "payments",
                "reviews", "analytics");
        assertThat(order.indexOf("catalogue")).isLessThan(order.indexOf("orders"));
        assertThat(order.indexOf("customers")).isLessThan(order.indexOf("orders"));
        assertThat(order.indexOf("orders")).isLessThan(order.indexOf("inventory"));
        assertThat(order.indexOf("orders")).isLessThan(order.indexOf("payments"));
    }

    private DataGenerator generator(GeneratedDatabase target, PrintStream out) {
        return new DataGenerator(target.dataSource, DataGenerator.standardSteps(
                passwordEncoder.encode(GenerationOptions.DEFAULT_PASSWORD), ordering), out);
    }

    private static GenerationOptions options(int users, int products, long seed) {
        return new GenerationOptions(users, products, 0, seed, false, false, GenerationOptions.DEFAULT_PASSWORD, false,
                List.of());
    }

    private static PrintStream quiet() {
        return new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    }
}
