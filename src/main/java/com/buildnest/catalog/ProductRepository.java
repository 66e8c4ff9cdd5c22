package com.buildnest.catalog;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface ProductRepository extends JpaRepository<Product, Long> {

    Optional<Product> findByIdAndActiveTrue(Long id);

    boolean existsByIdAndActiveTrue(Long id);

    /** The products on sale among {@code ids} with their tier prices, in one statement (what pricing reads). */
    @Query("select p from Product p left join fetch p.tierPrices where p.id in :ids and p.active = true")
    List<Product> onSaleWithPrices(Collection<Long> ids);

    /**
     * The product if on sale, with its tier prices, in one statement. Apart from the list form
     * because Hibernate translates a query with an {@code in} list anew on every call, and reuses
     * this one's translation: one product is what adding to a cart and most checkouts price.
     */
    @Query("select p from Product p left join fetch p.tierPrices where p.id = :id and p.active = true")
    List<Product> onSaleWithPrices(long id);

    /** Each product's id with its category's id, slug and name, in one statement, on sale or not. */
    @Query("select p.id, c.id, c.slug, c.name from Product p join Category c on c.id = p.categoryId where p.id in :ids")
    List<Object[]> categoriesOf(Collection<Long> ids);

    /** Sets a product's rating, and nothing else of it, in one statement. */
    @Modifying(flushAutomatically = true)
    @Query("update Product p set p.ratingAverage = :average, p.ratingCount = :count where p.id = :id")
    int rate(long id, BigDecimal average, long count);
}
