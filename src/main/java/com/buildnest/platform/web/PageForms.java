package com.buildnest.platform.web;

import java.beans.PropertyEditorSupport;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;

import com.buildnest.shared.BusinessRuleViolation;

/**
 * How every server-rendered form (the storefront's and the back office's) binds and reports: the
 * same conventions on both sides, so a refused form reads alike wherever it is.
 */
public final class PageForms {

    private PageForms() {
    }

    /**
     * An empty form field binds as absent (null), as a JSON client leaves a field out: the modules'
     * checks treat "not given" and "" alike then (an optional GSTIN, say). Nothing is trimmed.
     */
    public static void emptyFieldsAreAbsent(WebDataBinder binder) {
        binder.registerCustomEditor(String.class, new PropertyEditorSupport() {
            @Override
            public void setAsText(String text) {
                setValue(text == null || text.isEmpty() ? null : text);
            }
        });
    }

    /** A refused form's first message per field, for the template to show beside each field. */
    public static Map<String, String> messages(BindingResult errors) {
        Map<String, String> messages = new LinkedHashMap<>();
        errors.getFieldErrors().forEach(error -> messages.putIfAbsent(error.getField(), error.getDefaultMessage()));
        return messages;
    }

    /**
     * Submits a bound form: runs {@code action} when the form itself has no errors, and answers the
     * messages per field to show again, empty when it was done. A module's refusal that names a
     * field is shown beside it; one that names none is not the form's to show and is thrown on.
     */
    public static Map<String, String> submit(BindingResult errors, Runnable action) {
        Map<String, String> messages = messages(errors);
        if (messages.isEmpty()) {
            try {
                action.run();
            } catch (BusinessRuleViolation refused) {
                if (refused.field() == null) {
                    throw refused;
                }
                messages.put(refused.field(), refused.getMessage());
            }
        }
        return messages;
    }
}
