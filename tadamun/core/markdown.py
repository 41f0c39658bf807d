"""Markdown for user text: rendered with raw HTML disabled, then sanitised (nh3)."""

from __future__ import annotations

import nh3
from markdown_it import MarkdownIt

_markdown = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False}).enable("table")
TAGS = {
    "p", "br", "strong", "em", "a", "ul", "ol", "li", "blockquote", "h2", "h3", "h4",
    "code", "pre", "hr", "table", "thead", "tbody", "tr", "th", "td",
}
ATTRIBUTES = {"a": {"href", "title"}, "th": {"align"}, "td": {"align"}}


def render(text: str) -> str:
    """Safe HTML for a Markdown text: no raw HTML, no scripts, no images from elsewhere,
    links only to http(s) and mailto, opened without a referrer."""
    html = _markdown.render(text or "")
    # Headings in user text start at level 2: the page's title is the only h1.
    html = html.replace("<h1>", "<h2>").replace("</h1>", "</h2>")
    return nh3.clean(
        html,
        tags=TAGS,
        attributes=ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        link_rel="nofollow noopener noreferrer",
    )


def paragraphs(text: str) -> list[str]:
    """The blocks of a Markdown text, separated by blank lines (for side-by-side work)."""
    return [block.strip() for block in (text or "").replace("\r\n", "\n").split("\n\n") if block.strip()]
