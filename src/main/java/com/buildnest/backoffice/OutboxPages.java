package com.buildnest.backoffice;

import io.swagger.v3.oas.annotations.Hidden;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import com.buildnest.notification.Outbox;

/**
 * The notification module's mail outbox: what was (or, without SMTP, would have been) sent, newest
 * first, and one mail's text. Read only; STAFF and ADMIN, as {@code /api/admin/outbox}.
 */
@Hidden
@Controller
@RequestMapping("/admin/outbox")
class OutboxPages {

    private final Outbox outbox;

    OutboxPages(Outbox outbox) {
        this.outbox = outbox;
    }

    @GetMapping
    String outbox(@RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("mails", outbox.recent(PageRefusals.pageIndex(page), PageRefusals.PAGE_SIZE));
        model.addAttribute("smtp", outbox.deliversOverSmtp());
        return "admin/outbox";
    }

    @GetMapping("/{id}")
    String mail(@PathVariable long id, Model model) {
        model.addAttribute("mail", outbox.mail(id));
        model.addAttribute("smtp", outbox.deliversOverSmtp());
        return "admin/mail";
    }
}
