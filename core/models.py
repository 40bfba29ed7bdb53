"""The ground floor every page type stands on.

The image model with mandatory alternative text, the network's settings and
translatable footer, the listing/sharing mixin every page shares, the fields
wagtail-localize translates on every page, and the tab layout of the editor.

The concrete models here keep the ``home`` app label: their tables and
migrations are home's, from before this module existed, so moving the code
needed no migration and an existing database upgrades with ``migrate`` alone.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel, ObjectList, TabbedInterface
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.images.models import AbstractImage, AbstractRendition
from wagtail.models import Page, PageViewRestriction, TranslatableMixin
from wagtail_localize.fields import SynchronizedField, TranslatableField

from core.queries import view_restricted_paths

from .normalise import page_normalised_text
from .theme import DEFAULT_ACCENT, validate_accent_colour


class SiteImage(AbstractImage):
    """Wagtail's image with alternative text made mandatory (WCAG 1.1.1)."""

    description = models.CharField(
        _("alternative text"),
        max_length=255,
        help_text=_("Describe what the image shows for people who cannot see it."),
    )

    admin_form_fields = (
        "title",
        "file",
        "description",
        "collection",
        "tags",
        "focal_point_x",
        "focal_point_y",
        "focal_point_width",
        "focal_point_height",
    )

    @property
    def alt_text(self):
        return self.description

    class Meta(AbstractImage.Meta):
        app_label = "home"  # the code moved to core/; the table and its migrations stay home's
        verbose_name = _("image")
        verbose_name_plural = _("images")
        permissions = [("choose_image", "Can choose image")]


class SiteRendition(AbstractRendition):
    image = models.ForeignKey(SiteImage, on_delete=models.CASCADE, related_name="renditions")

    class Meta:
        app_label = "home"
        unique_together = (("image", "filter_spec", "focal_point_key"),)


class ListingMixin(models.Model):
    """What a card needs, shared by every page that appears in a listing.

    Partner, organisation, initiative and news cards all render from these
    three fields, falling back to the page's own title, intro and image.
    """

    listing_title = models.CharField(
        _("listing title"),
        max_length=120,
        blank=True,
        help_text=_("Shorter title for cards and lists. Defaults to the page title."),
    )
    listing_summary = models.CharField(
        _("listing summary"),
        max_length=300,
        blank=True,
        help_text=_("One or two sentences for cards, search results and social media."),
    )
    listing_image = models.ForeignKey(
        SiteImage,
        verbose_name=_("listing image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Shown on cards and when the page is shared. Defaults to the page's main image."),
    )

    listing_panels = [
        MultiFieldPanel(
            [FieldPanel("listing_title"), FieldPanel("listing_summary"), FieldPanel("listing_image")],
            heading=_("Cards and sharing"),
        )
    ]

    class Meta:
        abstract = True

    # Set by HomePage.route when no page from the home page down to this one has a view restriction.
    unrestricted_along_route = False

    def get_view_restrictions(self):
        """Wagtail's, without its two queries when no restriction covers this page.

        Every page type has this mixin, and Wagtail asks on every page view:
        no query when the routing already knows (HomePage.route), else one for
        the restricted paths; a page under one gets Wagtail's own answer.
        """
        if self.unrestricted_along_route:
            return PageViewRestriction.objects.none()
        if not any(self.path.startswith(path) for path in view_restricted_paths()):
            return PageViewRestriction.objects.none()
        return super().get_view_restrictions()

    def get_listing_title(self):
        return self.listing_title or self.title

    def get_listing_summary(self):
        return self.listing_summary or self.search_description or getattr(self, "summary", "")

    def get_listing_image(self):
        return self.listing_image or getattr(self, "main_image", None)

    @property
    def search_normalised_text(self):
        """Words without diacritics plus their lemmas, indexed so Polish is found however it is typed."""
        return page_normalised_text(self)


# What wagtail-localize translates (text, page slugs: /de/partnerstaedte/…) and
# what it copies from the Polish source (images, dates, numbers, choices,
# coordinates, links to other objects). Every page type starts from this list;
# see docs/translation.md.
PAGE_TRANSLATABLE_FIELDS = [
    TranslatableField("title"),
    TranslatableField("slug"),
    TranslatableField("seo_title"),
    TranslatableField("search_description"),
    SynchronizedField("show_in_menus"),
    TranslatableField("listing_title"),
    TranslatableField("listing_summary"),
    SynchronizedField("listing_image"),
]


def tabbed_edit_handler(content_panels, *extra_tabs, promote_panels=None):
    """The tab layout every page type uses: Content, extra tabs, Promote, Settings."""
    return TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Content")),
            *extra_tabs,
            ObjectList(promote_panels or (Page.promote_panels + ListingMixin.listing_panels), heading=_("Promote")),
            ObjectList(Page.settings_panels, heading=_("Settings"), classname="settings"),
        ]
    )


class NetworkFooter(TranslatableMixin, models.Model):
    """What the footer tells citizens about the network, in one language.

    A translatable snippet rather than fields on ``NetworkSettings``: Wagtail
    site settings are one row per site and cannot be translated, snippets are
    translated in wagtail-localize's editor like pages. The setting points at
    the Polish footer; every page shows the footer of its own language,
    falling back to the Polish one (``NetworkSettings.footer_for``).
    """

    network_name = models.CharField(_("network name"), max_length=160)
    address = models.TextField(_("address"), blank=True, max_length=400)
    contact_text = models.TextField(
        _("contact text"),
        blank=True,
        max_length=400,
        help_text=_("E.g. office hours or who to contact, shown next to the e-mail address and phone number."),
    )

    panels = [FieldPanel("network_name"), FieldPanel("address"), FieldPanel("contact_text")]
    translatable_fields = [
        TranslatableField("network_name"),
        TranslatableField("address"),
        TranslatableField("contact_text"),
    ]

    class Meta(TranslatableMixin.Meta):
        app_label = "home"
        verbose_name = _("network footer")
        verbose_name_plural = _("network footers")

    def __str__(self):
        return self.network_name


class NetworkKind(models.TextChoices):
    """What kind of body runs a network: it decides which sections ``add_network`` creates."""

    LOCAL_PARTNERSHIP = "local-partnership", _("local partnership")
    TWIN_TOWN_ASSOCIATION = "twin-town-association", _("twin-town association")
    MUNICIPALITY = "municipality", _("municipality and its partner towns")
    ASSOCIATION_OF_MUNICIPALITIES = "association-of-municipalities", _("association of municipalities")
    TWINNING_PORTAL = "twinning-portal", _("twinning portal")


@register_setting(icon="site")
class NetworkSettings(BaseSiteSetting):
    """One partnership network: a Wagtail site with its kind, its moderators and its media.

    The footer's contact details are the same in every language; the
    translatable texts (name, address, contact text) are in a ``NetworkFooter``.
    ``moderators`` and ``collection`` are what keeps networks apart in the
    admin: the group holds page rights on this site's home pages only, and
    the collection holds the network's media (its organisations' collections
    are children of it). networks/services.py creates and repairs them.
    """

    kind = models.CharField(
        _("kind of network"), max_length=40, choices=NetworkKind.choices, default=NetworkKind.LOCAL_PARTNERSHIP
    )
    moderators = models.OneToOneField(
        "auth.Group",
        verbose_name=_("moderators' group"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="moderated_network",
        editable=False,
    )
    collection = models.OneToOneField(
        "wagtailcore.Collection",
        verbose_name=_("media collection"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="network",
        editable=False,
    )

    footer = models.ForeignKey(
        NetworkFooter,
        verbose_name=_("footer texts"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The network's name, address and contact text, translated like any other content."),
    )
    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    contact_phone = models.CharField(_("contact phone"), max_length=40, blank=True)
    accent_colour = models.CharField(
        _("accent colour"),
        max_length=7,
        default=DEFAULT_ACCENT,
        validators=[validate_accent_colour],
        help_text=_("Links and buttons, as #rrggbb. It must be dark enough for white text (WCAG AA, 4.5:1)."),
    )
    logo = models.ForeignKey(
        "home.SiteImage",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Shown in the header beside the network's name."),
    )

    panels = [
        FieldPanel("kind"),
        MultiFieldPanel([FieldPanel("accent_colour"), FieldPanel("logo")], heading=_("Look")),
        FieldPanel("footer"),
        MultiFieldPanel([FieldPanel("contact_email"), FieldPanel("contact_phone")], heading=_("Contact")),
    ]

    class Meta:
        app_label = "home"
        verbose_name = _("network settings")

    def footer_for(self, language_code=None):
        """The footer texts in a language (default: the active one), else the chosen (Polish) ones.

        One query, cached on the instance: Wagtail keeps one settings object
        per request, so the title and the footer share it.
        """
        if self.footer_id is None:
            return None
        language_code = get_supported_content_language_variant(language_code or translation.get_language())
        cache = self.__dict__.setdefault("_footer_by_language", {})
        if language_code not in cache:
            same_key = NetworkFooter.objects.filter(pk=self.footer_id).values("translation_key")
            footers = NetworkFooter.objects.filter(
                Q(pk=self.footer_id) | Q(translation_key__in=same_key, locale__language_code=language_code)
            ).select_related("locale")
            by_language = {footer.locale.language_code: footer for footer in footers}
            chosen = next((footer for footer in footers if footer.pk == self.footer_id), None)
            cache[language_code] = by_language.get(language_code, chosen)
        return cache[language_code]

    # What templates, feeds and calendars read, in the reader's language.
    @property
    def network_name(self):
        footer = self.footer_for()
        return footer.network_name if footer else settings.WAGTAIL_SITE_NAME

    @property
    def address(self):
        footer = self.footer_for()
        return footer.address if footer else ""

    @property
    def contact_text(self):
        footer = self.footer_for()
        return footer.contact_text if footer else ""
