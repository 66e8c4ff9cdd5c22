package com.buildnest.catalog;

import java.io.Serializable;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A picture of a product: an {@code https://} address, or a path under {@code /images/} that the
 * shop serves itself, and the alternative text read out to shoppers who cannot see it (1 to 200
 * characters). The first image is the one listings show.
 */
public record ProductImage(String url, String alt) implements Serializable {

    static final int MAX_PER_PRODUCT = 10;
    static final int MAX_URL_LENGTH = 500;
    static final int MAX_ALT_LENGTH = 200;
    /**
     * An https address with a host (no credentials, no spaces, no {@code |}, which separates images
     * in the CSV), or a path of plain characters under {@code /images/} without {@code ..}.
     */
    static final String URL = "https://[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?(?::[0-9]{1,5})?"
            + "(?:[/?#][^\\s|<>\"{}\\\\^`]*)?" + "|/images/(?!.*\\.\\.)[A-Za-z0-9._~/-]+";

    public ProductImage {
        url = url == null ? "" : url.trim();
        if (url.length() > MAX_URL_LENGTH || !url.matches(URL)) {
            throw new IllegalArgumentException("an image is an https:// address or a path under /images/ of at most "
                    + MAX_URL_LENGTH + " characters: " + url);
        }
        alt = alt == null ? "" : alt.trim();
        if (alt.isEmpty() || alt.length() > MAX_ALT_LENGTH) {
            throw new IllegalArgumentException("image " + url + " needs an alternative text of 1 to " + MAX_ALT_LENGTH
                    + " characters");
        }
    }

    /** The images of one product: at most {@value #MAX_PER_PRODUCT}, none twice. */
    static List<ProductImage> ofProduct(List<ProductImage> images) {
        if (images.size() > MAX_PER_PRODUCT) {
            throw new IllegalArgumentException("a product has at most " + MAX_PER_PRODUCT + " images, not "
                    + images.size());
        }
        Set<String> urls = new HashSet<>();
        for (ProductImage image : images) {
            if (!urls.add(image.url())) {
                throw new IllegalArgumentException("image " + image.url() + " is given twice");
            }
        }
        return List.copyOf(images);
    }
}
