package com.buildnest.customer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The short name shown beside what a customer publishes: never more of them than that. */
class PublicNameTests {

    @Test
    void showsTheFirstNameAndTheInitialOfTheLast() {
        assertThat(CustomerContacts.publicName("Ravi Kumar Sharma")).isEqualTo("Ravi S.");
        assertThat(CustomerContacts.publicName("  asha \t rao ")).isEqualTo("asha R.");
        assertThat(CustomerContacts.publicName("रवि कुमार")).isEqualTo("रवि क.");
    }

    @Test
    void showsASingleNameAsItIs() {
        assertThat(CustomerContacts.publicName("Ravi")).isEqualTo("Ravi");
    }
}
