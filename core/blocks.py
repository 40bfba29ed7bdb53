"""The StreamField blocks every body on the site is built from.

A deliberately small set: editors of partner organisations are not web
designers, and every block must render accessibly in every language.
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Heading"), max_length=120)
    level = blocks.ChoiceBlock(
        choices=[("h2", _("Level 2")), ("h3", _("Level 3"))],
        default="h2",
        help_text=_("The page title is the only level-1 heading."),
    )

    class Meta:
        icon = "title"
        template = "components/streamfield/heading_block.html"
        description = _("A section heading")
        preview_value = {"text": "Cele statutowe", "level": "h2"}


class CaptionedImageBlock(blocks.StructBlock):
    image = ImageChooserBlock()
    alt_text = blocks.CharBlock(
        label=_("Alternative text"),
        max_length=250,
        help_text=_("Describe the image for people who cannot see it. Required."),
    )
    caption = blocks.CharBlock(required=False, max_length=250)
    attribution = blocks.CharBlock(required=False, max_length=120)

    class Meta:
        icon = "image"
        template = "components/streamfield/captioned_image_block.html"
        description = _("An image with alternative text and an optional caption")


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("Quote"))
    attribute_name = blocks.CharBlock(required=False, max_length=120, label=_("Who said it"))

    class Meta:
        icon = "openquote"
        template = "components/streamfield/quote_block.html"
        description = _("A quotation with its author")
        preview_value = {"text": "Razem możemy więcej.", "attribute_name": "Burmistrz"}


class DocumentLinksBlock(blocks.StructBlock):
    title = blocks.CharBlock(required=False, max_length=120)
    documents = blocks.ListBlock(DocumentChooserBlock(), min_num=1)

    class Meta:
        icon = "doc-full"
        template = "components/streamfield/document_links_block.html"
        description = _("A list of downloadable documents (agreements, resolutions, reports)")


class CallToActionBlock(blocks.StructBlock):
    text = blocks.CharBlock(max_length=200, label=_("Text"))
    button_label = blocks.CharBlock(max_length=60)
    page = blocks.PageChooserBlock(required=False)
    url = blocks.URLBlock(required=False, help_text=_("Used when no page is chosen."))

    def clean(self, value):
        value = super().clean(value)
        if not value.get("page") and not value.get("url"):
            raise blocks.StructBlockValidationError(
                block_errors={"page": ValidationError(_("Choose a page or enter a URL."))}
            )
        return value

    class Meta:
        icon = "pick"
        template = "components/streamfield/call_to_action_block.html"
        description = _("A highlighted invitation with a button")


class BodyBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        features=["bold", "italic", "link", "document-link", "ol", "ul"],
        icon="pilcrow",
        template="components/streamfield/paragraph_block.html",
        description=_("Text with links and numbered or bulleted lists"),
    )
    image = CaptionedImageBlock()
    quote = QuoteBlock()
    documents = DocumentLinksBlock()
    embed = EmbedBlock(
        icon="media",
        template="components/streamfield/embed_block.html",
        description=_("A video or map from a URL"),
    )
    call_to_action = CallToActionBlock()

    class Meta:
        template = "components/streamfield/body.html"
