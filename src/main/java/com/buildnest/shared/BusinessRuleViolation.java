package com.buildnest.shared;

/**
 * A business rule refused an action. It carries a stable, dotted code such as
 * {@code inventory.insufficient-stock} that clients may rely on, and a message for people; it
 * says nothing about HTTP. The web layer decides the status from the {@link Kind}.
 */
public class BusinessRuleViolation extends RuntimeException {

    /** What sort of refusal this is, independent of any transport. */
    public enum Kind {
        /** The input is well-formed but not acceptable (for example a quantity below the minimum). */
        INVALID,
        /** The thing asked for does not exist, or the caller may not know that it exists. */
        NOT_FOUND,
        /** The action conflicts with the current state (stock sold out, order already shipped). */
        CONFLICT,
        /** The caller's credentials or tokens are not good enough (wrong password, spent refresh token). */
        UNAUTHENTICATED,
        /** The caller is known but may not do this (a review from a customer who never received the product). */
        FORBIDDEN
    }

    private final String code;
    private final Kind kind;
    private final String field;

    public BusinessRuleViolation(Kind kind, String code, String message) {
        this(kind, code, message, null);
    }

    private BusinessRuleViolation(Kind kind, String code, String message, String field) {
        super(message);
        this.kind = kind;
        this.code = code;
        this.field = field;
    }

    /** A value that is well-formed but refused by a rule, naming the input field it came from. */
    public static BusinessRuleViolation invalidField(String code, String field, String message) {
        return new BusinessRuleViolation(Kind.INVALID, code, message, field);
    }

    public static BusinessRuleViolation unauthenticated(String code, String message) {
        return new BusinessRuleViolation(Kind.UNAUTHENTICATED, code, message);
    }

    public static BusinessRuleViolation forbidden(String code, String message) {
        return new BusinessRuleViolation(Kind.FORBIDDEN, code, message);
    }

    public static BusinessRuleViolation conflict(String code, String message) {
        return new BusinessRuleViolation(Kind.CONFLICT, code, message);
    }

    public static BusinessRuleViolation notFound(String code, String message) {
        return new BusinessRuleViolation(Kind.NOT_FOUND, code, message);
    }

    public String code() {
        return code;
    }

    public Kind kind() {
        return kind;
    }

    /** The input field the refusal is about, or null. */
    public String field() {
        return field;
    }
}
