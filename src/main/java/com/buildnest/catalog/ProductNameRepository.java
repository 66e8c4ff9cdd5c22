package com.buildnest.catalog;

import java.util.Collection;
import java.util.List;

import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

/** Product names and SKUs only, without loading products: what {@link ProductNames} hands out. */
interface ProductNameRepository extends Repository<Product, Long> {

    @Query("select p.sku as sku, p.name as name from Product p where p.sku in :skus")
    List<SkuName> findNames(Collection<String> skus);

    /** {@code text} has LIKE's wildcards escaped with '!'. */
    @Query("select p.sku from Product p where lower(p.name) like lower(concat('%', :text, '%')) escape '!' order by p.sku")
    List<String> findSkusNamedLike(String text, Limit limit);

    interface SkuName {
        String getSku();

        String getName();
    }
}
