package com.buildnest.inventory;

/**
 * A SKU's available stock fell from at or above its low-stock threshold to below it. Published
 * once per crossing, in the transaction of the change that caused it.
 *
 * @param sku the SKU
 * @param available what is available after the change
 * @param threshold the threshold it fell below
 */
public record StockRanLow(String sku, long available, long threshold) {
}
