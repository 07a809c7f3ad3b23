"""HTML article extraction behind one function, so the library (trafilatura) can be swapped."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ExtractedArticle:
    text: str
    date: str | None
    title: str | None
    url: str | None
    outlet: str | None


def extract_article(html: str) -> ExtractedArticle | None:
    """Main text and metadata of an article page, or None when no text is found."""
    import trafilatura

    result = trafilatura.bare_extraction(
        html, with_metadata=True, include_comments=False, include_tables=False,
        favor_precision=True,
    )
    if not result:
        return None
    data = result if isinstance(result, dict) else result.as_dict()
    text = data.get("text") or ""
    if not text.strip():
        return None
    date = data.get("date")
    return ExtractedArticle(
        text=text,
        date=date[:10] if isinstance(date, str) and date else None,
        title=data.get("title") or None,
        url=data.get("url") or None,
        outlet=data.get("sitename") or None,
    )
