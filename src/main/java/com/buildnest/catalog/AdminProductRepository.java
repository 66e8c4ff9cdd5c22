package com.buildnest.catalog;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;

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

    Product saveAndFlush(Product product);

    Product save(Product product);
}
