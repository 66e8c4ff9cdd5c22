package com.buildnest.customer;

/** What a successful sign-in or refresh hands the client. */
record TokenPair(String accessToken, String refreshToken, String tokenType, long expiresIn) {

    static TokenPair bearer(String accessToken, String refreshToken, long expiresIn) {
        return new TokenPair(accessToken, refreshToken, "Bearer", expiresIn);
    }
}
