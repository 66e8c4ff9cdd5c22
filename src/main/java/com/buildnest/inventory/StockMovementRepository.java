package com.buildnest.inventory;

import java.util.List;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

interface StockMovementRepository extends JpaRepository<StockMovement, Long> {

    List<StockMovement> findBySkuOrderByIdDesc(String sku, Pageable page);

    Page<StockMovement> findBySku(String sku, Pageable page);
}
