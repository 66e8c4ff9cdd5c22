package com.buildnest.catalog;

import java.util.List;
import java.util.Optional;

import org.springframework.data.repository.Repository;

/** What administration asks of products beyond the shop's reads: every product, active or not. */
interface AdminProductRepository extends Repository<Product, Long> {

    Optional<Product> findById(Long id);

    Optional<Product> findBySku(String sku);

    List<Product> findBySkuIn(List<String> skus);

    boolean existsBySku(String sku);

    boolean existsByCategoryId(Long categoryId);

    boolean existsByCategoryIdAndActiveTrue(Long categoryId);

    List<Product> findAllByOrderBySkuAsc();

    Product saveAndFlush(Product product);

    Product save(Product product);
}
