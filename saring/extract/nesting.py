"""Pages nested deeper than the HTML parser goes: lxml (libxml2) stops building the tree 256
elements down and drops everything below, often the whole article. This module tells such a
tree apart and flattens the page's markup past a depth; it judges no content.
"""

from __future__ import annotations

import re

from lxml import etree

PARSER_DEPTH = 256  # libxml2's limit without XML_PARSE_HUGE
KEEP_DEPTH = 200  # elements this far down and deeper lose their tags (not their text)

_TAG = re.compile(r"<!--.*?(?:-->|\Z)|<(/?)([a-zA-Z][^\s/>]*)([^>]*)>", re.S)
# fmt: off
_VOID = frozenset({
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
    "source", "track", "wbr",
})
# fmt: on
_RAW = frozenset(("script", "style", "textarea", "title", "xmp", "noscript"))
_RAW_END = {name: re.compile(rf"</{name}", re.I) for name in _RAW}
# tags whose boundary separates text blocks: dropped, they leave a <br> in their place
# fmt: off
_BLOCK = frozenset({
    "address", "article", "aside", "blockquote", "dd", "div", "dl", "dt", "figcaption", "figure",
    "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav",
    "ol", "p", "pre", "section", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul",
})
# fmt: on
_DEEPEST = etree.XPath("boolean(" + "/*" * PARSER_DEPTH + ")")


def too_deep(tree) -> bool:
    """Whether an lxml tree reaches the parser's depth limit (its deepest part may be lost)."""
    return bool(_DEEPEST(tree.getroottree()))


def flatten(html: str, keep: int = KEEP_DEPTH) -> str:
    """``html`` with the tags of elements ``keep`` or more levels down removed (their text
    stays; a block's boundary becomes ``<br>``), so that the parser builds the whole page.
    Depth is counted from the open and close tags as written, closing what a close tag skips."""
    out: list[str] = []
    stack: list[tuple[str, bool]] = []  # open elements: (name, tag kept)
    kept = 0
    pos = 0
    for m in _TAG.finditer(html):
        if m.start() < pos:  # inside raw text already copied
            continue
        out.append(html[pos : m.start()])
        pos = m.end()
        closing, name, rest = m.group(1), (m.group(2) or "").lower(), m.group(3) or ""
        if not name or name in _VOID or rest.endswith("/"):
            out.append(m.group(0))
        elif closing:
            at = next((i for i in range(len(stack) - 1, -1, -1) if stack[i][0] == name), None)
            if at is None:
                continue  # a close tag with nothing open: the parser ignores it too
            kept -= sum(k for _, k in stack[at:])
            out.append(m.group(0) if stack[at][1] else "<br>" * (name in _BLOCK))
            del stack[at:]
        else:
            keep_tag = kept < keep or name in _RAW
            stack.append((name, keep_tag))
            kept += keep_tag
            out.append(m.group(0) if keep_tag else "<br>" * (name in _BLOCK))
            if name in _RAW:  # copy its content as it is, up to its close tag
                found = _RAW_END[name].search(html, pos)
                end = found.start() if found else len(html)
                out.append(html[pos:end])
                pos = end
    out.append(html[pos:])
    return "".join(out)
