package com.buildnest.catalog;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

/** What administration asks of products beyond the shop's reads: every product, active or not. */
interface AdminProductRepository extends Repository<Product, Long> {

    Optional<Product> findById(Long id);

    Optional<Product> findBySku(String sku);

    List<Product> findBySkuIn(List<String> skus);

    /** The products, locked until the transaction ends, in SKU order (so two lockers never deadlock). */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    List<Product> findBySkuInOrderBySkuAsc(List<String> skus);

    boolean existsBySku(String sku);

    boolean existsByCategoryId(Long categoryId);

    boolean existsByCategoryIdAndActiveTrue(Long categoryId);

    List<Product> findAllByOrderBySkuAsc();

    @Query("select p.sku from Product p where p.categoryId in :categoryIds")
    List<String> findSkusByCategoryIdIn(Collection<Long> categoryIds);

    /**
     * Staff's search: {@code text} a lower-case LIKE pattern (escaped with {@code !}, which MariaDB and H2 read alike) matched
     * against SKU, name and brand; null parameters match everything.
     */
    String MATCHING = """
            (:text is null or lower(p.sku) like :text escape '!' or lower(p.name) like :text escape '!'
                   or lower(p.brand) like :text escape '!')
              and (:active is null or p.active = :active)""";

    @Query("select p from Product p where " + MATCHING + " order by p.sku")
    Page<Product> search(String text, Boolean active, Pageable page);

    /** Staff's search ({@link #MATCHING}) among the products in these categories. */
    @Query("select p from Product p where p.categoryId in :categoryIds and " + MATCHING + " order by p.sku")
    Page<Product> searchIn(Collection<Long> categoryIds, String text, Boolean active, Pageable page);

    Product saveAndFlush(Product product);

    Product save(Product product);
}
