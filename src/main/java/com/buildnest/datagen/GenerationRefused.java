package com.buildnest.datagen;

/** The generator will not run here: the database already has products, or this is production. */
final class GenerationRefused extends Exception {

    GenerationRefused(String message) {
        super(message);
    }
}
