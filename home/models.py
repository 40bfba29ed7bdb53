"""Site-wide pages, the image model and the mixins every page shares."""

from django.conf import settings
from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.urls import Resolver404
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, ObjectList, PageChooserPanel, TabbedInterface
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.fields import RichTextField, StreamField
from wagtail.images.models import AbstractImage, AbstractRendition
from wagtail.models import Orderable, Page, PageViewRestriction, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from core.queries import request_memo, view_restricted_paths

from .blocks import BodyBlock


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
        verbose_name = _("image")
        verbose_name_plural = _("images")
        permissions = [("choose_image", "Can choose image")]


class SiteRendition(AbstractRendition):
    image = models.ForeignKey(SiteImage, on_delete=models.CASCADE, related_name="renditions")

    class Meta:
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
        from search.normalise import page_normalised_text

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


def _routes_to_child(page, remaining):
    """Whether Wagtail's routing of ``remaining`` at ``page`` goes on to its child page.

    True for the default ``Page.route``, and for a routable page whose own
    sub-URLs do not match ``remaining`` (RoutablePageMixin tries those first,
    then its children); a page with any other ``route`` is not guessed at.
    """
    cls = page.specific_class
    if cls is None:
        return False
    if cls.route is Page.route:
        return True
    if issubclass(cls, RoutablePageMixin) and cls.route is RoutablePageMixin.route:
        if not page.live:
            return True
        try:
            cls.get_resolver().resolve("/" + "".join(f"{part}/" for part in remaining))
        except Resolver404:
            return True
    return False


class HomePage(ListingMixin, Page):
    """The front page of one network site (one per locale)."""

    hero_title = models.CharField(_("hero title"), max_length=160, help_text=_("The big headline at the top."))
    hero_text = models.TextField(_("hero text"), blank=True, max_length=500)
    hero_image = models.ForeignKey(
        SiteImage, null=True, blank=True, on_delete=models.SET_NULL, related_name="+", verbose_name=_("hero image")
    )
    introduction = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link", "ol", "ul"])
    news_count = models.PositiveSmallIntegerField(
        _("number of latest news"), default=3, help_text=_("How many of the newest news items to show.")
    )
    events_count = models.PositiveSmallIntegerField(
        _("number of upcoming events"), default=4, help_text=_("How many upcoming event dates to show.")
    )

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "home.StandardPage",
        "partners.PartnerIndexPage",
        "partners.MemberOrganisationIndexPage",
        "initiatives.InitiativeIndexPage",
        "initiatives.NewsIndexPage",
        "partners.PartnershipDirectoryPage",
        "engagement.AccessionPage",
        "engagement.ContactFormPage",
    ]
    template = "pages/home_page.html"

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [FieldPanel("hero_title"), FieldPanel("hero_text"), FieldPanel("hero_image")], heading=_("Hero")
        ),
        FieldPanel("introduction"),
    ]
    highlights_panels = [
        InlinePanel("featured_initiatives", label=_("Featured initiatives"), max_num=6),
        InlinePanel("partner_highlights", label=_("Partner highlights"), max_num=8),
        FieldPanel("news_count"),
        FieldPanel("events_count"),
    ]
    edit_handler = tabbed_edit_handler(content_panels, ObjectList(highlights_panels, heading=_("Highlights")))

    search_fields = [
        *Page.search_fields,
        index.SearchField("hero_text"),
        index.SearchField("introduction"),
        index.SearchField("search_normalised_text"),
    ]
    translatable_fields = [
        *PAGE_TRANSLATABLE_FIELDS,
        TranslatableField("hero_title"),
        TranslatableField("hero_text"),
        SynchronizedField("hero_image"),
        TranslatableField("introduction"),
        SynchronizedField("news_count"),
        SynchronizedField("events_count"),
        # Page links: templates show the reader's translation through `.localized`.
        SynchronizedField("featured_initiatives"),
        SynchronizedField("partner_highlights"),
    ]

    class Meta:
        verbose_name = _("home page")

    def route(self, request, path_components):
        """Wagtail's routing, in two queries instead of two per level of the URL.

        The pages along the path are read at once by their ``url_path``
        (indexed by home/migrations/0005); when every page between here and
        the target would route on to its child (``_routes_to_child``), the
        target is the page the default routing would reach. Anything else (a
        routable page's sub-URL, a 404) falls back to Wagtail's own walk down
        the tree. The same query tells whether a page on the way has a view
        restriction, and the target's specific row comes with its locale.
        The home page the request was routed through is what the site's
        frame shows (``current_home``).
        """
        request_memo(request)[("home", translation.get_language())] = self
        if path_components:
            prefixes = [
                f"{self.url_path}{'/'.join(path_components[:depth])}/" for depth in range(1, len(path_components) + 1)
            ]
            along = {
                page.url_path: page
                for page in Page.objects.filter(
                    Q(url_path__in=prefixes, path__startswith=self.path) | Q(pk=self.pk)
                ).annotate(restricted=Exists(PageViewRestriction.objects.filter(page=OuterRef("pk"))))
            }
            # The deepest page found along the path; past it, a routable page's sub-URL (the map, the calendar).
            found = 0
            while found < len(prefixes) and prefixes[found] in along:
                found += 1
            deepest = along[prefixes[found - 1]] if found else None
            if (
                deepest is not None
                and (found == len(prefixes) or issubclass(deepest.specific_class or Page, RoutablePageMixin))
                and all(
                    _routes_to_child(along[prefix], path_components[depth + 1 :])
                    for depth, prefix in enumerate(prefixes[: found - 1])
                )
            ):
                target = deepest.specific_class.objects.select_related("locale").get(pk=deepest.pk)
                # As Wagtail does: the parent is known, spare get_parent() its query.
                target._cached_parent_obj = along[prefixes[found - 2]] if found > 1 else self
                target.unrestricted_along_route = not any(page.restricted for page in along.values())
                return target.route(request, path_components[found:])
        return super().route(request, path_components)

    def get_context(self, request, *args, **kwargs):
        from initiatives.selectors import home_page_blocks

        context = super().get_context(request, *args, **kwargs)
        context.update(home_page_blocks(home=self))
        return context


class HomeFeaturedInitiative(Orderable):
    page = ParentalKey(HomePage, related_name="featured_initiatives", on_delete=models.CASCADE)
    initiative = models.ForeignKey(
        "initiatives.InitiativePage", on_delete=models.CASCADE, related_name="+", verbose_name=_("initiative")
    )

    panels = [PageChooserPanel("initiative")]


class HomePartnerHighlight(Orderable):
    page = ParentalKey(HomePage, related_name="partner_highlights", on_delete=models.CASCADE)
    partner = models.ForeignKey(
        "partners.PartnerPage", on_delete=models.CASCADE, related_name="+", verbose_name=_("partner")
    )

    panels = [PageChooserPanel("partner")]


class StandardPage(ListingMixin, Page):
    """About, statutory goals, contact: free-form content from a small set of blocks."""

    introduction = models.TextField(_("introduction"), blank=True, max_length=600)
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))

    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = ["home.StandardPage"]
    template = "pages/standard_page.html"

    content_panels = [*Page.content_panels, FieldPanel("introduction"), FieldPanel("body")]
    edit_handler = tabbed_edit_handler(content_panels)

    search_fields = [
        *Page.search_fields,
        index.SearchField("introduction"),
        index.SearchField("body"),
        index.SearchField("search_normalised_text"),
    ]
    translatable_fields = [*PAGE_TRANSLATABLE_FIELDS, TranslatableField("introduction"), TranslatableField("body")]

    class Meta:
        verbose_name = _("standard page")


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
        verbose_name = _("network footer")
        verbose_name_plural = _("network footers")

    def __str__(self):
        return self.network_name


@register_setting(icon="site")
class NetworkSettings(BaseSiteSetting):
    """The footer of one site: contact details the same in every language, and
    the translatable texts (name, address, contact text) in a ``NetworkFooter``."""

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

    panels = [
        FieldPanel("footer"),
        MultiFieldPanel([FieldPanel("contact_email"), FieldPanel("contact_phone")], heading=_("Contact")),
    ]

    class Meta:
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
