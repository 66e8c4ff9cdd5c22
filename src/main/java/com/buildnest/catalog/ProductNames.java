package com.buildnest.catalog;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Product names by SKU, for modules that know stock by SKU only (the back office's stock list):
 * one statement either way, whether the product is on sale or not.
 */
@Service
public class ProductNames {

    /** The most SKUs one name search hands out. */
    public static final int MAX_MATCHES = 200;

    private final ProductNameRepository products;

    ProductNames(ProductNameRepository products) {
        this.products = products;
    }

    /** The names of those among {@code skus} that are products, by SKU. */
    @Transactional(readOnly = true)
    public Map<String, String> namesOf(Collection<String> skus) {
        return skus.isEmpty() ? Map.of()
                : products.findNames(skus).stream().collect(Collectors.toMap(ProductNameRepository.SkuName::getSku, ProductNameRepository.SkuName::getName));
    }

    /** The SKUs of products whose name contains {@code text}, any case, at most {@link #MAX_MATCHES}. */
    @Transactional(readOnly = true)
    public List<String> skusNamed(String text) {
        return text == null || text.isBlank() ? List.of()
                : products.findSkusNamedLike(
                        text.strip().replace("!", "!!").replace("%", "!%").replace("_", "!_"), Limit.of(MAX_MATCHES));
    }
}
