"""A network's colour: checked for contrast when it is saved, served as CSS custom properties.

The stylesheet uses ``--accent`` for links (on white) and as the background
of buttons (under white text), so one check covers both: the colour against
white must reach WCAG 2.1 AA for text, 4.5:1.
"""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

DEFAULT_ACCENT = "#0b5cad"
WHITE = "#ffffff"
AA_TEXT = 4.5
HEX_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")


def _channels(colour):
    return [int(colour[index : index + 2], 16) / 255 for index in (1, 3, 5)]


def relative_luminance(colour):
    """WCAG 2.1's relative luminance of an sRGB colour written #rrggbb."""
    linear = [value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4 for value in _channels(colour)]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast_ratio(first, second):
    lighter, darker = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def darker(colour, factor=0.7):
    """The colour with each channel scaled towards black: the hover and pressed shade."""
    return "#" + "".join(f"{round(value * 255 * factor):02x}" for value in _channels(colour))


def validate_accent_colour(value):
    if not HEX_COLOUR.match(value or ""):
        raise ValidationError(_("Write the colour as # and six hexadecimal digits, e.g. #0b5cad."), code="format")
    ratio = contrast_ratio(value, WHITE)
    if ratio < AA_TEXT:
        raise ValidationError(
            _(
                "White text on %(colour)s, and %(colour)s links on white, have a contrast of %(ratio).1f:1; "
                "WCAG AA needs at least 4.5:1 for text. Choose a darker colour."
            ),
            code="contrast",
            params={"colour": value, "ratio": ratio},
        )


def theme_css(accent):
    """The custom properties that override the stylesheet's defaults for one network."""
    return f":root {{\n    --accent: {accent};\n    --accent-dark: {darker(accent)};\n}}\n"
