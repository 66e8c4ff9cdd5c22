package com.buildnest.platform.web;

import java.beans.PropertyEditorSupport;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;

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
}
