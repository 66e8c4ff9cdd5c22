package com.buildnest.ordering;

import java.security.SecureRandom;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/**
 * Order numbers a customer can read out on the phone: {@code BN-261125-7K3QX9AB}, the day it was
 * placed and eight random characters of Crockford's alphabet (no I, L, O or U to misread). They
 * reveal nothing about how many orders the shop takes, and cannot be guessed; the database's unique
 * key settles the rare collision.
 */
final class OrderNumbers {

    private static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyMMdd");
    private static final int RANDOM_CHARACTERS = 8;

    private final SecureRandom random = new SecureRandom();

    String next(String prefix, LocalDate day) {
        StringBuilder number = new StringBuilder(prefix).append('-').append(DAY.format(day)).append('-');
        for (int i = 0; i < RANDOM_CHARACTERS; i++) {
            number.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return number.toString();
    }
}
