"""Public views: the accession form, newsletter sign-up and the subscriber's own data.

Every form here is rate limited per IP and carries a honeypot. Answers never
reveal whether an address is subscribed.
"""

import functools
import json

from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.core.exceptions import ValidationError
from django.http import HttpResponse, HttpResponseBadRequest
from django.shortcuts import redirect, render
from django.urls import reverse, reverse_lazy
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django.views.decorators.csrf import csrf_exempt

from wagtail.models import Site

from .abuse import rate_limit_exceeded, rate_limited_response
from .forms import AccessionForm, LinkRequestForm, SubscribeForm, SubscriberCorrectForm
from .links import LinkInvalid, email_change_from_token, subscriber_from_token, subscriber_token
from .models.newsletter import ConsentText, RestrictionGround
from .services.accession import accession_request_create
from .services.newsletter import (
    subscriber_confirm,
    subscriber_email_change_confirm,
    subscriber_erase,
    subscriber_export,
    subscriber_links_send,
    subscriber_restrict,
    subscriber_restriction_lift,
    subscriber_subscribe,
    subscriber_update,
)


def _language():
    return (get_language() or "pl").split("-")[0]


def accession_page_serve(request, *, page):
    if rate_limit_exceeded(request, scope="accession"):
        return rate_limited_response(request)
    if request.method != "POST":
        return page.render_form(request, form=AccessionForm())
    form = AccessionForm(request.POST)
    if form.is_spam:
        return page.render_form(request, form=None, template=page.landing_template)
    if not form.is_valid():
        return page.render_form(request, form=form)
    accession_request_create(
        page=page,
        cleaned_data=form.cleaned_data,
        language=page.locale.language_code,
        site=page.get_site() or Site.find_for_request(request),
    )
    return page.render_form(request, form=None, template=page.landing_template)


def newsletter_subscribe(request):
    """Sign-up in the language of the page: the consent shown is the one in that language."""
    if rate_limit_exceeded(request, scope="subscribe"):
        return rate_limited_response(request)
    language = _language()
    consent = ConsentText.current(language)
    site = Site.find_for_request(request)  # the network whose newsletter this is
    if consent is None or site is None:
        return render(request, "engagement/newsletter/unavailable.html", status=404)
    form = SubscribeForm(
        request.POST or None, language=language, site=site, initial={"consent_version": consent.version}
    )
    if request.method == "POST" and form.is_spam:
        return render(request, "engagement/newsletter/check_inbox.html")
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            subscriber_subscribe(
                site=site,
                email=data["email"],
                language=language,
                consent_version=data["consent_version"],
                scope=data["scope"],
                organisation=data["organisation"],
                area=data["area"],
            )
        except ValidationError as error:
            form.data = form.data.copy()
            form.data["consent_version"] = consent.version  # show and submit the new text next time
            form.add_error(None, error)
        else:
            return render(request, "engagement/newsletter/check_inbox.html")
    return render(request, "engagement/newsletter/subscribe.html", {"form": form, "consent": consent})


def _invalid_link(request, error):
    return render(
        request,
        "engagement/newsletter/link_invalid.html",
        {"message": error.message, "form": LinkRequestForm()},
        status=400,
    )


def _signed_link(purpose):
    """The view gets the subscription its link names; an expired, tampered or erased link gets the 400 page."""

    def decorator(view):
        @functools.wraps(view)
        def wrapped(request, token):
            try:
                subscriber = subscriber_from_token(token=token, purpose=purpose)
            except LinkInvalid as error:
                return _invalid_link(request, error)
            return view(request, token, subscriber=subscriber)

        return wrapped

    return decorator


@_signed_link("confirm")
def newsletter_confirm(request, token, *, subscriber):
    # Confirming takes a button press (POST): mail scanners that open links
    # must not be able to confirm a subscription on the person's behalf.
    if request.method == "POST":
        subscriber_confirm(subscriber=subscriber)
        return render(request, "engagement/newsletter/confirmed.html", {"subscriber": subscriber})
    return render(request, "engagement/newsletter/confirm.html", {"subscriber": subscriber})


@csrf_exempt  # RFC 8058: mail clients POST "List-Unsubscribe=One-Click" without a CSRF token; the signed link is the authority.
@_signed_link("unsubscribe")
def newsletter_unsubscribe(request, token, *, subscriber):
    if request.method == "POST":
        subscriber_erase(subscriber=subscriber)
        return render(request, "engagement/newsletter/unsubscribed.html")
    # GET only asks: link checkers and prefetchers must not unsubscribe anyone.
    return render(request, "engagement/newsletter/unsubscribe.html", {"subscriber": subscriber})


@_signed_link("manage")
def newsletter_manage(request, token, *, subscriber):
    # Corrections are rate limited like the other public forms (each new
    # address gets an e-mail). A new address only becomes pending, with the
    # same answer whether or not it already has this subscription.
    if rate_limit_exceeded(request, scope="manage"):
        return rate_limited_response(request)
    form = SubscriberCorrectForm(
        request.POST or None, initial={"email": subscriber.email, "language": subscriber.language}
    )
    if request.method == "POST" and form.is_valid():
        try:
            email_requested = subscriber_update(
                subscriber=subscriber, email=form.cleaned_data["email"], language=form.cleaned_data["language"]
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            if email_requested:
                messages.success(
                    request,
                    _(
                        "We sent a confirmation link to the new address. The address changes only once the link "
                        "in that e-mail is confirmed."
                    ),
                )
            else:
                messages.success(request, _("Your data has been corrected."))
            return redirect(request.path)
    return render(
        request,
        "engagement/newsletter/manage.html",
        {"subscriber": subscriber, "form": form, "token": token, "data": subscriber_export(subscriber=subscriber)},
    )


def newsletter_email_confirm(request, token):
    """The link e-mailed to a new address: a button (POST) moves the subscription to it.

    Whoever opens it has shown they read that mailbox, so after confirming
    they get the "my data" page of the subscription that now has the address
    (merged with the one it already had, if any). The old address is not shown.
    """
    try:
        subscriber, email = email_change_from_token(token=token)
        if request.method != "POST":
            return render(
                request, "engagement/newsletter/email_confirm.html", {"subscriber": subscriber, "email": email}
            )
        subscriber = subscriber_email_change_confirm(subscriber=subscriber, email=email)
    except LinkInvalid as error:
        return _invalid_link(request, error)
    messages.success(request, _("Your new address is confirmed: the newsletter goes to it from now on."))
    return redirect("engagement:newsletter_manage", token=subscriber_token(subscriber=subscriber, purpose="manage"))


@_signed_link("manage")
def newsletter_export(request, token, *, subscriber):
    response = HttpResponse(
        json.dumps(subscriber_export(subscriber=subscriber), indent=2, ensure_ascii=False),
        content_type="application/json; charset=utf-8",
    )
    response["Content-Disposition"] = 'attachment; filename="newsletter-data.json"'
    return response


@_signed_link("manage")
def newsletter_restrict(request, token, *, subscriber):
    """Restrict processing (art. 18) or object to it (art. 21), or lift either: a button on the "my data" page."""
    if request.method != "POST":
        return redirect("engagement:newsletter_manage", token=token)
    ground = request.POST.get("ground", "")
    if request.POST.get("lift"):
        subscriber_restriction_lift(subscriber=subscriber)
        messages.success(request, _("The restriction is lifted: you will receive the newsletter again."))
    elif ground in RestrictionGround.values:
        subscriber_restrict(subscriber=subscriber, ground=ground)
        messages.success(request, _("Processing is restricted: we keep your data but send you nothing."))
    else:
        return HttpResponseBadRequest(_("Choose restriction or objection."))
    return redirect("engagement:newsletter_manage", token=token)


@_signed_link("manage")
def newsletter_erase(request, token, *, subscriber):
    if request.method == "POST":
        subscriber_erase(subscriber=subscriber)
        return render(request, "engagement/newsletter/erased.html")
    return render(request, "engagement/newsletter/erase.html", {"subscriber": subscriber})


def newsletter_link_request(request):
    if rate_limit_exceeded(request, scope="link"):
        return rate_limited_response(request)
    form = LinkRequestForm(request.POST or None)
    if request.method == "POST" and (form.is_spam or form.is_valid()):
        if not form.is_spam:
            subscriber_links_send(email=form.cleaned_data["email"])
        return render(request, "engagement/newsletter/check_inbox.html")
    return render(request, "engagement/newsletter/link_request.html", {"form": form})


class EditorActivateView(auth_views.PasswordResetConfirmView):
    """A new organisation editor chooses a password; that also activates the account.

    Django's reset token works for inactive users and becomes invalid once
    the password is set, so the link works exactly once.
    """

    template_name = "engagement/editor_activate.html"
    success_url = reverse_lazy("wagtailadmin_login")
    post_reset_login = False

    def form_valid(self, form):
        form.user.is_active = True
        response = super().form_valid(form)
        messages.success(self.request, _("Your password is set. You can now log in."))
        return response

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["login_url"] = reverse("wagtailadmin_login")
        return context
