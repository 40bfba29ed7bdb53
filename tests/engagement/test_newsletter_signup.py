"""Newsletter sign-up: double opt-in, recorded consent, no enumeration, abuse protection."""

import re

from django.core import mail

import pytest

from engagement.models import ConsentText, Subscriber

from .conftest import human

pytestmark = pytest.mark.django_db


def signup(client, *, language="pl", email="anna@example.org", consent=True, **extra):
    version = ConsentText.current(language).version
    data = {"email": email, "scope": "network", "consent_version": version, **human(**extra)}
    if consent:
        data["consent"] = "on"
    return client.post(f"/{language}/newsletter/", data)


def link_in(message, name):
    match = re.search(rf"https?://\S+/newsletter/{name}/\S+/", message.body)
    assert match, f"no {name} link in: {message.body}"
    return match.group(0).replace("http://testserver", "")


class SignupPageTests:
    def test_the_form_shows_the_current_consent_text_of_the_page_language(self, client, tree, consent_texts):
        response = client.get("/de/newsletter/")
        assert response.status_code == 200
        assert "Consent text in de, second version." in response.content.decode()
        assert 'name="consent_version" value="2"' in response.content.decode()

    def test_the_empty_choices_say_what_to_choose_in_the_page_language(self, client, tree, consent_texts):
        # Django 6's default empty label, "- Select an option -", has no Polish translation.
        polish = client.get("/pl/newsletter/").content.decode()
        assert "Select an option" not in polish
        assert (
            '<option value="" selected>Wybierz organizację, o której chcesz otrzymywać informacje.</option>' in polish
        )
        assert (
            '<option value="" selected>Wybierz obszar współpracy, o którym chcesz otrzymywać informacje.</option>'
            in polish
        )
        english = client.get("/en/newsletter/").content.decode()
        assert "Select an option" not in english
        assert '<option value="" selected>Choose the organisation you want to hear about.</option>' in english

    def test_consent_is_required_and_the_error_names_the_field(self, client, tree, consent_texts):
        response = signup(client, consent=False)
        assert response.status_code == 200
        assert "consent" in response.context["form"].errors
        assert not Subscriber.objects.exists()
        assert mail.outbox == []

    def test_an_invalid_address_is_refused(self, client, tree, consent_texts):
        response = signup(client, email="not-an-address")
        assert "email" in response.context["form"].errors
        assert not Subscriber.objects.exists()

    def test_an_impossible_organisation_id_is_a_form_error_not_a_crash(self, client, tree, consent_texts):
        response = signup(client, scope="organisation", organisation="99999999999999999999")
        assert response.status_code == 200
        assert "organisation" in response.context["form"].errors
        assert not Subscriber.objects.exists()

    def test_user_text_is_escaped(self, client, tree, consent_texts):
        response = signup(client, email="<script>alert(1)</script>@x.org")
        assert "<script>alert(1)</script>" not in response.content.decode()


class DoubleOptInTests:
    def test_signing_up_stores_an_unconfirmed_subscription_and_mails_a_confirmation_link(
        self, client, tree, consent_texts
    ):
        response = signup(client, email="Anna@Example.org")
        assert response.status_code == 200
        subscriber = Subscriber.objects.get()
        assert subscriber.email == "anna@example.org"
        assert subscriber.confirmed_at is None
        assert len(mail.outbox) == 1
        assert mail.outbox[0].to == ["anna@example.org"]
        assert "/newsletter/confirm/" in mail.outbox[0].body

    def test_following_the_link_and_pressing_the_button_confirms(self, client, tree, consent_texts):
        signup(client)
        confirm_url = link_in(mail.outbox[0], "confirm")
        page = client.get(confirm_url)
        assert page.status_code == 200
        assert Subscriber.objects.get().confirmed_at is None, "opening the link alone must not confirm"
        client.post(confirm_url)
        assert Subscriber.objects.get().confirmed_at is not None

    def test_consent_version_language_and_time_are_recorded_per_language(self, client, tree, consent_texts):
        ConsentText.objects.create(language="de", text="Dritte Fassung.")
        signup(client, language="pl", email="pl@example.org")
        signup(client, language="de", email="de@example.org")
        polish = Subscriber.objects.get(email="pl@example.org")
        german = Subscriber.objects.get(email="de@example.org")
        assert (polish.language, polish.consent.language, polish.consent.version) == ("pl", "pl", 2)
        assert (german.language, german.consent.language, german.consent.version) == ("de", "de", 3)
        assert german.consent.text == "Dritte Fassung."
        assert polish.consented_at is not None

    def test_a_consent_text_changed_since_the_form_was_shown_must_be_accepted_again(self, client, tree, consent_texts):
        client.get("/pl/newsletter/")
        ConsentText.objects.create(language="pl", text="Nowa treść zgody.")
        response = client.post(
            "/pl/newsletter/",
            {"email": "a@example.org", "scope": "network", "consent_version": 2, "consent": "on", **human()},
        )
        assert not Subscriber.objects.exists()
        assert "Nowa treść zgody." in response.content.decode()

    def test_a_published_consent_version_cannot_be_rewritten(self, client, tree, consent_texts, subscriber):
        from django.core.exceptions import ValidationError

        consent = subscriber.consent
        consent.text = "Something else"
        with pytest.raises(ValidationError) as error:
            consent.full_clean()
        assert "text" in error.value.message_dict


class NoEnumerationTests:
    def test_the_answer_is_the_same_for_a_new_and_an_already_subscribed_address(self, client, tree, consent_texts):
        from tests.engagement.conftest import make_subscriber

        make_subscriber(email="known@example.org")
        known = signup(client, email="known@example.org")
        unknown = signup(client, email="unknown@example.org")
        assert known.status_code == unknown.status_code == 200
        assert known.content == unknown.content
        assert Subscriber.objects.filter(email="known@example.org").count() == 1

    def test_the_link_request_answers_the_same_whether_subscribed_or_not(self, client, tree, consent_texts, subscriber):
        known = client.post("/pl/newsletter/link/", {"email": subscriber.email, **human()})
        unknown = client.post("/pl/newsletter/link/", {"email": "nobody@example.org", **human()})
        assert known.content == unknown.content
        assert [message.to for message in mail.outbox] == [[subscriber.email]]


class AbuseTests:
    @pytest.mark.parametrize(
        "trap",
        [
            pytest.param({"whf_name": "http://spam.example"}, id="trap field filled in"),
            pytest.param({"whf_time": "now"}, id="posted the moment the form was shown"),
            pytest.param({"whf_time": "yesterday"}, id="time field tampered with"),
        ],
    )
    def test_a_tripped_honeypot_looks_like_success_but_stores_and_sends_nothing(
        self, client, tree, consent_texts, trap
    ):
        response = signup(client, **trap)
        assert response.status_code == 200
        assert "Check your inbox" in response.content.decode() or response.templates[0].name.endswith(
            "check_inbox.html"
        )
        assert not Subscriber.objects.exists()
        assert mail.outbox == []

    def test_a_post_without_the_honeypot_fields_is_a_bots(self, client, tree, consent_texts):
        data = {"email": "bot@example.org", "scope": "network", "consent_version": 2, "consent": "on"}
        response = client.post("/pl/newsletter/", data)
        assert response.status_code == 200
        assert not Subscriber.objects.exists()
        assert mail.outbox == []

    def test_the_link_request_form_has_the_honeypot_too(self, client, tree, consent_texts, subscriber):
        html = client.get("/pl/newsletter/link/").content.decode()
        assert 'name="whf_name"' in html and 'name="whf_time"' in html
        response = client.post("/pl/newsletter/link/", {"email": subscriber.email, **human(whf_name="x")})
        assert response.status_code == 200
        assert mail.outbox == []

    def test_the_honeypot_is_hidden_from_people(self, client, tree, consent_texts):
        html = client.get("/en/newsletter/").content.decode()
        assert re.search(
            r'<div hidden aria-hidden="true"><label for="whf_name">[^<]+</label> <input[^>]*name="whf_name"[^>]*>'
            r'<input type="hidden" name="whf_time" value="\d+"></div>',
            html,
        )

    def test_the_sixth_submission_in_a_minute_gets_429_with_a_clear_message(self, client, tree, consent_texts):
        for n in range(5):
            assert signup(client, language="en", email=f"a{n}@example.org").status_code == 200
        response = signup(client, language="en", email="a5@example.org")
        assert response.status_code == 429
        assert "Please wait a minute and try again" in response.content.decode()
        assert Subscriber.objects.count() == 5

    def test_the_limit_is_per_address(self, client, tree, consent_texts):
        for n in range(5):
            signup(client, language="en", email=f"a{n}@example.org")
        other = client.post(
            "/en/newsletter/",
            {"email": "b@example.org", "scope": "network", "consent_version": 2, "consent": "on", **human()},
            REMOTE_ADDR="10.0.0.9",
        )
        assert other.status_code == 200

    def test_the_link_request_is_rate_limited_too(self, client, tree, consent_texts, subscriber):
        for _n in range(5):
            assert client.post("/pl/newsletter/link/", {"email": subscriber.email, **human()}).status_code == 200
        response = client.post("/pl/newsletter/link/", {"email": subscriber.email, **human()})
        assert response.status_code == 429
        assert len(mail.outbox) == 5


class EmailLanguageTests:
    def test_the_confirmation_is_written_in_the_subscribers_language(self, client, tree, consent_texts):
        signup(client, language="de", email="d@example.org")
        signup(client, language="pl", email="p@example.org")
        signup(client, language="en", email="e@example.org")
        subjects = {message.to[0]: message.subject for message in mail.outbox}
        assert subjects["e@example.org"] == "Please confirm your newsletter subscription"
        assert subjects["d@example.org"] == "Bitte bestätigen Sie Ihr Newsletter-Abonnement"
        assert subjects["p@example.org"] == "Potwierdź zapis na newsletter"
        german = next(message for message in mail.outbox if message.to == ["d@example.org"])
        assert "/de/newsletter/confirm/" in german.body

    def test_every_subscriber_email_carries_one_click_unsubscribe_headers(self, client, tree, consent_texts):
        signup(client)
        headers = mail.outbox[0].extra_headers
        assert re.fullmatch(r"<http://testserver/pl/newsletter/unsubscribe/\S+/>", headers["List-Unsubscribe"])
        assert headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
