package com.buildnest.datagen;

import java.util.ArrayList;
import java.util.List;

/** What the steps made so far, for later steps to refer to: products, their stock, accounts. */
final class GeneratedData {

    /** A generated product as other modules know it: by id and SKU, ordered in its base unit. */
    record Product(long id, String sku, long minimumOrder, long orderStep, long pricePaise) {
    }

    /** A generated account and the ids of its addresses (the first is the default). */
    record Account(long id, List<Long> addressIds) {
    }

    final List<Product> products = new ArrayList<>();
    final List<Account> accounts = new ArrayList<>();
}
