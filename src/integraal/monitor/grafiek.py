# SPDX-License-Identifier: EUPL-1.2
"""Charts as SVG text, the same on the web page and in the PDF report. Each chart has a title
and a description for screen readers; the page shows the figures as a table beside it."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from markupsafe import Markup, escape

from integraal.domein.tekst import getal

KLEUREN = ("#154273", "#e17000", "#39870c", "#a90061")  # Rijkshuisstijl hues, contrast ≥ 3:1


@dataclass(frozen=True)
class Serie:
    naam: str
    waarden: Sequence[float | None]  # None: not shown (suppressed or unknown)


def staven(
    titel: str,
    categorieen: Sequence[str],
    series: Sequence[Serie],
    *,
    eenheid: str = "",
    decimalen: int = 0,
    breedte: int = 640,
    hoogte: int = 240,
) -> Markup:
    """Grouped bars: one group per category, one bar per series, values printed above."""
    links, onder, boven = 16, 40, 28
    hoogste = max((w for s in series for w in s.waarden if w is not None), default=0) or 1
    groep = (breedte - links * 2) / max(len(categorieen), 1)
    staaf = min(48.0, (groep - 12) / max(len(series), 1))
    plot = hoogte - onder - boven
    delen = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="grafiek" role="img" '
        f'viewBox="0 0 {breedte} {hoogte}" width="{breedte}" height="{hoogte}">',
        f"<title>{escape(titel)}</title>",
        f"<desc>{escape(_beschrijving(categorieen, series, eenheid, decimalen))}</desc>",
        f'<line x1="{links}" y1="{hoogte - onder}" x2="{breedte - links}" '
        f'y2="{hoogte - onder}" stroke="#333" stroke-width="1"/>',
    ]
    for c, categorie in enumerate(categorieen):
        x0 = links + c * groep + (groep - staaf * len(series)) / 2
        for s, serie in enumerate(series):
            w = serie.waarden[c] if c < len(serie.waarden) else None
            x = x0 + s * staaf
            if w is None:
                delen.append(
                    f'<text x="{x + staaf / 2:.1f}" y="{hoogte - onder - 4}" font-size="10" '
                    f'text-anchor="middle" fill="#333">n.b.</text>'
                )
                continue
            h = plot * max(w, 0) / hoogste
            y = hoogte - onder - h
            delen.append(
                f'<rect x="{x + 2:.1f}" y="{y:.1f}" width="{staaf - 4:.1f}" height="{h:.1f}" '
                f'fill="{KLEUREN[s % len(KLEUREN)]}"/>'
            )
            delen.append(
                f'<text x="{x + staaf / 2:.1f}" y="{y - 4:.1f}" font-size="10" '
                f'text-anchor="middle" fill="#222">{escape(getal(w, decimalen))}</text>'
            )
        etiket = escape(_kort(categorie, max(6, int(groep // 6.5))))
        delen.append(
            f'<text x="{links + c * groep + groep / 2:.1f}" y="{hoogte - onder + 16}" '
            f'font-size="11" text-anchor="middle" fill="#222">{etiket}</text>'
        )
    delen += _legenda(series, links, hoogte)
    delen.append("</svg>")
    return Markup("".join(delen))


def liggend(
    titel: str,
    labels: Sequence[str],
    series: Sequence[Serie],
    *,
    eenheid: str = "",
    decimalen: int = 0,
    breedte: int = 640,
) -> Markup:
    """Horizontal bars, one row per label and one bar per series in it: long labels stay
    readable, values never overlap, and the chart stays inside the page however many rows."""
    balk, boven, labelbreedte = 14, 8, min(300, breedte // 2)
    regel = balk * len(series) + 8
    legenda = 18 if len(series) > 1 else 0
    hoogte = boven * 2 + regel * len(labels) + legenda
    hoogste = max((w for s in series for w in s.waarden if w is not None), default=0) or 1
    ruimte = breedte - labelbreedte - 70
    delen = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="grafiek" role="img" '
        f'viewBox="0 0 {breedte} {hoogte}" width="{breedte}" height="{hoogte}">',
        f"<title>{escape(titel)}</title>",
        f"<desc>{escape(_beschrijving(labels, series, eenheid, decimalen))}</desc>",
    ]
    for r, label in enumerate(labels):
        y = boven + r * regel
        etiket = escape(_kort(label, int(labelbreedte / 7.4)))
        delen.append(
            f'<text x="{labelbreedte - 6}" y="{y + regel / 2 + 3:.1f}" font-size="11" '
            f'text-anchor="end" fill="#222">{etiket}</text>'
        )
        for s, serie in enumerate(series):
            w = serie.waarden[r] if r < len(serie.waarden) else None
            yb = y + 4 + s * balk
            if w is None:
                delen.append(
                    f'<text x="{labelbreedte + 4}" y="{yb + balk - 4}" font-size="10" '
                    f'fill="#333">n.b.</text>'
                )
                continue
            lengte = ruimte * max(w, 0) / hoogste
            delen.append(
                f'<rect x="{labelbreedte}" y="{yb}" width="{lengte:.1f}" height="{balk - 2}" '
                f'fill="{KLEUREN[s % len(KLEUREN)]}"/>'
                f'<text x="{labelbreedte + lengte + 4:.1f}" y="{yb + balk - 4}" font-size="10" '
                f'fill="#222">{escape(getal(w, decimalen))}</text>'
            )
    delen += _legenda(series, labelbreedte, hoogte)
    delen.append("</svg>")
    return Markup("".join(delen))


def _legenda(series: Sequence[Serie], x0: float, hoogte: int) -> list[str]:
    """A colour key along the bottom, when there is more than one series."""
    if len(series) < 2:
        return []
    return [
        f'<rect x="{x0 + s * 160}" y="{hoogte - 14}" width="10" height="10" '
        f'fill="{KLEUREN[s % len(KLEUREN)]}"/>'
        f'<text x="{x0 + s * 160 + 14}" y="{hoogte - 5}" font-size="11" fill="#222">'
        f"{escape(serie.naam)}</text>"
        for s, serie in enumerate(series)
    ]


def _kort(tekst: str, n: int = 18) -> str:
    return tekst if len(tekst) <= n else tekst[: n - 1] + "…"


def _beschrijving(
    categorieen: Sequence[str], series: Sequence[Serie], eenheid: str, decimalen: int
) -> str:
    delen = []
    for serie in series:
        paren = [
            f"{c}: {getal(w, decimalen) if w is not None else 'niet getoond'}"
            for c, w in zip(categorieen, serie.waarden, strict=False)
        ]
        delen.append(f"{serie.naam} ({eenheid}): " + "; ".join(paren))
    return ". ".join(delen)
