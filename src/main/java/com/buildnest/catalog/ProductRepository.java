package com.buildnest.catalog;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface ProductRepository extends JpaRepository<Product, Long> {

    Optional<Product> findByIdAndActiveTrue(Long id);

    boolean existsByIdAndActiveTrue(Long id);
}
