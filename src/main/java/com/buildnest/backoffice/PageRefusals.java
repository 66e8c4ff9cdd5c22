package com.buildnest.backoffice;

import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.validation.BindingResult;

import com.buildnest.platform.web.PageForms;
import com.buildnest.shared.BusinessRuleViolation;

/** How this section's pages answer a refused form: the status of the refusal and a message per field. */
final class PageRefusals {

    /** Lists show this many rows a page (the modules allow up to 100; a person reads fewer). */
    static final int PAGE_SIZE = 25;

    private PageRefusals() {
    }

    /** A page number from the query string: below zero reads as the first page. */
    static int pageIndex(int page) {
        return Math.max(0, page);
    }

    /** A form's binding messages, with "enter a whole number" where a number did not parse. */
    static Map<String, String> messages(BindingResult errors) {
        Map<String, String> messages = PageForms.messages(errors);
        errors.getFieldErrors().stream().filter(error -> error.isBindingFailure())
                .forEach(error -> messages.put(error.getField(), "Enter a whole number."));
        return messages;
    }

    /**
     * Sets the status of a module's refusal of a form (400 for a field, 409 for a conflict) and
     * returns it; a refusal a form cannot show (no such SKU, say) goes on to the error page.
     */
    static BusinessRuleViolation shown(BusinessRuleViolation refused, HttpServletResponse response) {
        HttpStatus status = switch (refused.kind()) {
            case INVALID -> HttpStatus.BAD_REQUEST;
            case CONFLICT -> HttpStatus.CONFLICT;
            default -> throw refused;
        };
        response.setStatus(status.value());
        return refused;
    }
}
