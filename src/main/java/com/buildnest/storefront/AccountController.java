package com.buildnest.storefront;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import io.swagger.v3.oas.annotations.Hidden;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import com.buildnest.customer.AddressBook;
import com.buildnest.customer.AddressBook.AddressView;
import com.buildnest.customer.AddressForm;
import com.buildnest.customer.Registration;
import com.buildnest.customer.SignIn;
import com.buildnest.customer.SignIn.SignedInAccount;
import com.buildnest.customer.SignInThrottling;
import com.buildnest.platform.throttle.Throttled;
import com.buildnest.platform.web.PageForms;
import com.buildnest.shared.BusinessRuleViolation;

/**
 * Sign-up, sign-in and the address book, through the customer module's own services (the ones
 * {@code /api/auth} and {@code /api/me/addresses} call), throttled as the API is. Sign-out is
 * Spring Security's ({@link PageSecurity}).
 */
@Hidden // pages, not API: kept out of /v3/api-docs
@Controller
class AccountController {

    /** A page of this shop to come back to after signing in; nothing else (no open redirect). */
    private static final String SAFE_NEXT = "/[A-Za-z0-9/_-]*";

    private final SignIn signIn;
    private final SignInThrottling throttling;
    private final Registration registration;
    private final AddressBook addressBook;
    private final PageSession session;
    private final List<SocialProvider> socialProviders;

    AccountController(SignIn signIn, SignInThrottling throttling, Registration registration, AddressBook addressBook,
            PageSession session, ObjectProvider<ClientRegistrationRepository> registrations) {
        this.socialProviders = configured(registrations);
        this.signIn = signIn;
        this.throttling = throttling;
        this.registration = registration;
        this.addressBook = addressBook;
        this.session = session;
    }

    record SignInForm(@NotBlank(message = "Enter your username or e-mail.") @Size(max = 254) String username,
            @NotBlank(message = "Enter your password.") @Size(max = 128) String password) {
    }

    record SignUpForm(
            @NotBlank(message = "Choose a username.") @Pattern(regexp = "[A-Za-z0-9._-]{3,50}",
                    message = "3 to 50 letters, digits, dots, hyphens or underscores.") String username,
            @NotBlank(message = "Enter your e-mail address.") @Email(message = "Enter an e-mail address such as name@example.com.")
            @Size(max = 254) String email,
            @NotBlank(message = "Choose a password.") @Size(max = 128) String password,
            @Size(max = 120) String fullName) {
    }

    @GetMapping("/signin")
    String signInPage(@RequestParam(required = false) String social, Model model) {
        model.addAttribute("form", new SignInForm("", ""));
        if (social != null) {
            model.addAttribute("socialError", switch (social) {
                case "auth.social-email-unverified" ->
                    "That account has no verified e-mail address to sign in with. Sign up with your e-mail instead.";
                case "auth.account-disabled" -> "This account is disabled.";
                default -> "Signing in there did not work. Try again, or use your password.";
            });
        }
        return "signin";
    }

    @PostMapping("/signin")
    String signIn(@Valid @ModelAttribute("form") SignInForm form, BindingResult errors,
            @RequestParam(required = false) String next, HttpServletRequest request, HttpServletResponse response,
            Model model) {
        if (errors.hasErrors()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("fieldErrors", PageForms.messages(errors));
            model.addAttribute("form", new SignInForm(form.username(), ""));
            return "signin";
        }
        try {
            throttling.login(request, form.username());
            signInAs(signIn.signInToPage(form.username(), form.password(), session.guestCartToken(request)), request,
                    response);
        } catch (BusinessRuleViolation refused) {
            response.setStatus(HttpStatus.UNAUTHORIZED.value());
            model.addAttribute("formError", refused.getMessage());
            model.addAttribute("form", new SignInForm(form.username(), ""));
            return "signin";
        } catch (Throttled throttled) {
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
            response.setHeader("Retry-After", Long.toString(Math.max(1, throttled.retryAfter().toSeconds())));
            model.addAttribute("formError", "Too many attempts. Wait a minute and try again.");
            return "signin";
        }
        return "redirect:" + (next != null && next.matches(SAFE_NEXT) ? next : "/");
    }

    @GetMapping("/signup")
    String signUpPage(Model model) {
        model.addAttribute("form", new SignUpForm("", "", "", ""));
        return "signup";
    }

    @PostMapping("/signup")
    String signUp(@Valid @ModelAttribute("form") SignUpForm form, BindingResult errors, HttpServletRequest request,
            HttpServletResponse response, Model model) {
        Map<String, String> fieldErrors = PageForms.messages(errors);
        if (fieldErrors.isEmpty()) {
            try {
                throttling.registration(request);
                registration.registerCustomer(new Registration.Application(form.username(), form.email(),
                        form.password(), form.fullName(), null));
                signInAs(signIn.signInToPage(form.username(), form.password(), session.guestCartToken(request)),
                        request, response);
                return "redirect:/account?welcome";
            } catch (BusinessRuleViolation refused) {
                fieldErrors.put(refused.field() != null ? refused.field()
                        : refused.code().contains("email") ? "email" : "username", refused.getMessage());
            }
        }
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        model.addAttribute("fieldErrors", fieldErrors);
        return "signup";
    }

    @GetMapping("/account")
    String account(@AuthenticationPrincipal SignedInAccount me, Model model) {
        model.addAttribute("addresses", addressBook.addressesOf(subject(me)));
        if (!model.containsAttribute("address")) {
            model.addAttribute("address", emptyAddress());
        }
        return "account";
    }

    @PostMapping("/account/addresses")
    String addAddress(@AuthenticationPrincipal SignedInAccount me, @Valid @ModelAttribute("address") AddressForm form,
            BindingResult errors, @RequestParam(required = false) String next, HttpServletResponse response,
            Model model) {
        Map<String, String> fieldErrors = PageForms.submit(errors, () -> addressBook.add(subject(me), form));
        if (fieldErrors.isEmpty()) {
            return next != null && next.equals("/checkout") ? "redirect:/checkout" : "redirect:/account";
        }
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        model.addAttribute("fieldErrors", fieldErrors);
        model.addAttribute("addresses", addressBook.addressesOf(subject(me)));
        return "account";
    }

    @GetMapping("/account/addresses/{id}/edit")
    String editAddressPage(@AuthenticationPrincipal SignedInAccount me, @PathVariable long id, Model model) {
        AddressView editing = addressBook.address(subject(me), id);
        model.addAttribute("editing", editing);
        model.addAttribute("address", new AddressForm(editing.label(), editing.recipientName(), editing.phone(),
                editing.line1(), editing.line2(), editing.landmark(), editing.city(), editing.state(),
                editing.pinCode(), editing.gstin(), editing.isDefault()));
        return "address-edit";
    }

    /** Replaces the address as {@code PUT /api/me/addresses/{id}} does; a ticked box makes it the default. */
    @PostMapping("/account/addresses/{id}")
    String editAddress(@AuthenticationPrincipal SignedInAccount me, @PathVariable long id,
            @Valid @ModelAttribute("address") AddressForm form, BindingResult errors, HttpServletResponse response,
            Model model, RedirectAttributes redirect) {
        Map<String, String> fieldErrors = PageForms.submit(errors, () -> addressBook.replace(subject(me), id, form));
        if (fieldErrors.isEmpty()) {
            redirect.addFlashAttribute("notice", "Address " + form.label() + " saved.");
            return "redirect:/account";
        }
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        model.addAttribute("fieldErrors", fieldErrors);
        model.addAttribute("editing", addressBook.address(subject(me), id));
        return "address-edit";
    }

    @PostMapping("/account/addresses/{id}/delete")
    String removeAddress(@AuthenticationPrincipal SignedInAccount me, @PathVariable long id) {
        addressBook.remove(subject(me), id);
        return "redirect:/account";
    }

    static AddressForm emptyAddress() {
        return new AddressForm("Home", "", "", "", "", "", "", "", "", "", true);
    }

    /** The address book names its owner as the API's token does: the account id as text. */
    static String subject(SignedInAccount me) {
        return Long.toString(me.accountId());
    }

    private void signInAs(SignedInAccount account, HttpServletRequest request, HttpServletResponse response) {
        session.signIn(account, request, response);
    }

    /** A provider configured under {@code spring.security.oauth2.client.registration.*}, as its button names it. */
    record SocialProvider(String id, String name) {
    }

    @ModelAttribute("socialProviders")
    List<SocialProvider> socialProviders() {
        return socialProviders;
    }

    /** Where the social sign-in buttons come back to: a page of this shop, or nowhere in particular. */
    @ModelAttribute("socialNext")
    String socialNext(@RequestParam(required = false) String next) {
        return next != null && next.matches(SAFE_NEXT) ? next : null;
    }

    /**
     * "Continue with Google": the customer module's social sign-in ({@code /oauth2/authorization/…}),
     * marked as started from this page session so it ends signed in here rather than with API tokens.
     */
    @GetMapping("/signin/social/{provider}")
    String socialSignIn(@PathVariable String provider, @RequestParam(required = false) String next,
            HttpServletRequest request) {
        if (socialProviders.stream().noneMatch(configured -> configured.id().equals(provider))) {
            throw BusinessRuleViolation.notFound("auth.social-provider-unknown", "There is no such way to sign in.");
        }
        session.startSocialSignIn(next != null && next.matches(SAFE_NEXT) ? next : "/", request);
        return "redirect:/oauth2/authorization/" + provider;
    }

    private static List<SocialProvider> configured(ObjectProvider<ClientRegistrationRepository> registrations) {
        List<SocialProvider> providers = new ArrayList<>();
        if (registrations.getIfAvailable() instanceof Iterable<?> clients) {
            for (Object client : clients) {
                ClientRegistration registration = (ClientRegistration) client;
                providers.add(new SocialProvider(registration.getRegistrationId(), registration.getClientName()));
            }
        }
        return List.copyOf(providers);
    }
}
