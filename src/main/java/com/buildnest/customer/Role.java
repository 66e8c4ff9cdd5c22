package com.buildnest.customer;

/** What an account may do: shop, run the shop, or also grant roles. */
public enum Role {
    CUSTOMER, STAFF, ADMIN
}
