package com.buildnest.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

/** The catalogue's rules for attributes and images, without Spring. */
class ProductAttributeAndImageTests {

    @Test
    void anAttributeNameIsALowercaseKeyAndItsValueIsTrimmed() {
        ProductAttribute attribute = new ProductAttribute(" Pressure-Rating ", "  6 kg/cm2 ");

        assertThat(attribute).isEqualTo(new ProductAttribute("pressure-rating", "6 kg/cm2"));
    }

    @Test
    void anAttributeWithABadNameOrValueIsRefused() {
        for (String name : List.of("", "53-grade", "-grade", "grade value", "grade_value", "g".repeat(61), "grädé")) {
            assertThatIllegalArgumentException().as(name).isThrownBy(() -> new ProductAttribute(name, "x"));
        }
        for (String value : List.of("", "   ", "x".repeat(121), "OPC|PPC", "OPC\n53", "\u0007")) {
            assertThatIllegalArgumentException().as(value).isThrownBy(() -> new ProductAttribute("grade", value));
        }
        assertThat(new ProductAttribute("g" + "1".repeat(59), "x".repeat(120)).value()).hasSize(120);
    }

    @Test
    void aProductHasAtMostTwentyAttributesEachNamedOnce() {
        List<ProductAttribute> twenty = IntStream.range(0, 20).mapToObj(i -> new ProductAttribute("a" + i, "x"))
                .toList();

        assertThat(ProductAttribute.ofProduct(twenty)).hasSize(20);
        assertThatIllegalArgumentException().isThrownBy(() -> ProductAttribute.ofProduct(
                IntStream.range(0, 21).mapToObj(i -> new ProductAttribute("a" + i, "x")).toList()));
        assertThatIllegalArgumentException().isThrownBy(() -> ProductAttribute.ofProduct(
                List.of(new ProductAttribute("Grade", "OPC 53"), new ProductAttribute("grade", "PPC"))))
                .withMessageContaining("'grade'");
    }

    @Test
    void anImageIsAnHttpsAddressOrAPathTheShopServes() {
        assertThat(new ProductImage(" /images/catalog/cement.svg ", " A bag ")).isEqualTo(
                new ProductImage("/images/catalog/cement.svg", "A bag"));
        assertThat(new ProductImage("https://cdn.example.in:8443/a/b.jpg?w=600#top", "x").url())
                .isEqualTo("https://cdn.example.in:8443/a/b.jpg?w=600#top");
        for (String url : List.of("", "http://cdn.example.in/a.jpg", "javascript:alert(1)", "data:image/png;base64,AA",
                "//evil.example/a.jpg", "https://user:pw@cdn.example.in/a.jpg", "https://", "https://cdn.example.in/a b",
                "https://cdn.example.in/a|b", "/images/../api/admin", "/images/", "/images/a?b", "/static/a.svg",
                "https://cdn.example.in/" + "a".repeat(480))) {
            assertThatIllegalArgumentException().as(url).isThrownBy(() -> new ProductImage(url, "alt"));
        }
    }

    @Test
    void anImageNeedsAnAltTextAndAProductAtMostTenImagesEachOnce() {
        assertThatIllegalArgumentException().isThrownBy(() -> new ProductImage("/images/a.svg", " "));
        assertThatIllegalArgumentException().isThrownBy(() -> new ProductImage("/images/a.svg", "x".repeat(201)));
        assertThat(ProductImage.ofProduct(IntStream.range(0, 10)
                .mapToObj(i -> new ProductImage("/images/" + i + ".svg", "x")).toList())).hasSize(10);
        assertThatIllegalArgumentException().isThrownBy(() -> ProductImage.ofProduct(IntStream.range(0, 11)
                .mapToObj(i -> new ProductImage("/images/" + i + ".svg", "x")).toList()));
        assertThatIllegalArgumentException().isThrownBy(() -> ProductImage.ofProduct(
                List.of(new ProductImage("/images/a.svg", "x"), new ProductImage("/images/a.svg", "y"))));
    }
}
