"""The lists an article announces: a kept unit that ends in a colon ("Berikut spesifikasi
lengkap Galaxy C9 Pro:") and the list items after it, kept whole whatever the content model
scores them. Applied after the model's choice (``content.select``); it does not score units.
"""

from __future__ import annotations

import re

from saring.clean.rules import FurnitureRules, default_rules
from saring.extract.content import Selection
from saring.extract.units import BLOCK_INDEX

_BULLET_MARKER = 1  # ``Unit.marker`` of a text line that opens with a bullet (``units``)
_ITEM = re.compile(r"^(?:[*+\-•◦▪·–]|\d{1,3}[.)])\s+\S")
_INTRO_END = re.compile(r":[\"'”’)\]\s]*$")


def list_items(units: list) -> list[bool]:
    """Which units are list items: an HTML <li>, a text line with a bullet, or a block that
    opens with one ("- Prosesor Snapdragon 653", "3. Anse Lazio, Seychelles"); not one that
    is mostly a link (a list of other articles: "Mehr zum Thema ...:" and its headlines). An
    <li> whose text stands in a <p> is a paragraph unit, and not counted."""
    li = BLOCK_INDEX["li"]
    return [
        (u.tag == li or u.marker == _BULLET_MARKER or bool(_ITEM.match(u.text)))
        and u.link_chars <= 0.5 * len(u.text)
        for u in units
    ]


def keep_announced_lists(
    chosen: Selection, texts: list[str], items: list[bool], rules: FurnitureRules | None = None
) -> None:
    """Keep, in ``chosen``, the list items that follow a kept unit ending in a colon, up to the
    first unit that is not one: a list the article announces ("Berikut spesifikasi lengkap
    Galaxy C9 Pro:") is read whole, though its short items read like a page's end to the
    model. Not after a line the furniture table (``rules``, default the bundled one) names:
    "Baca juga:" announces other articles, and cleaning removes it after the model kept it."""
    rules = rules or default_rules()
    announced = False
    for i, text in enumerate(texts):
        if items[i] and announced:
            chosen.keep[i], chosen.reasons[i] = True, None
            continue
        announced = (
            bool(chosen.keep[i])
            and not items[i]
            and bool(_INTRO_END.search(text))
            and rules.match(text) is None
        )
