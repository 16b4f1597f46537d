"""The meeting face at a phone's, a laptop's and a projector's size, in real Chromium: no chart text
spills out of its figure or over other text, the page never scrolls sideways, and presentation
mode's chart text is large enough for the back of a room."""

import pytest
from playwright.sync_api import sync_playwright

from tests.browser import CHROMIUM, CHROMIUM_ARGS, overview_links, running_app, wait_for_app

SIZES = {"phone": (390, 844), "laptop": (1366, 768), "projector": (1920, 1080)}
# the overview shows one part at a time (#17): each part that draws a chart
PAGES = (*overview_links("q=2018-Q3"), "don_vi?unit=CTHADS&q=2018-Q3", "cum?q=2018-Q2")

# Every word plotly drew in each chart on screen, with its box, its font size and its colour: the
# title, the legend's entries, tick labels, axis titles, notes, and the labels of points and bars.
CHART_TEXTS = """() => {
    const kinds = {title: '.g-gtitle text', legend: '.legend text.legendtext', xtick: '.xtick text',
                   ytick: '.ytick text', xtitle: '.g-xtitle text', ytitle: '.g-ytitle text',
                   note: '.annotation-text-g text', label: '.textpoint text, .bartext text'};
    return [...document.querySelectorAll('.js-plotly-plot')].filter(gd => gd.offsetParent !== null).map(gd => {
        const f = gd.getBoundingClientRect();
        const texts = [];
        for (const [kind, selector] of Object.entries(kinds)) {
            for (const el of gd.querySelectorAll(selector)) {
                const r = el.getBoundingClientRect(), style = getComputedStyle(el);
                if (!r.width || !el.textContent.trim()) continue;
                texts.push({kind, text: el.textContent, l: r.left, r: r.right, t: r.top, b: r.bottom,
                            size: parseFloat(style.fontSize), fill: style.fill});
            }
        }
        const scroll = gd.querySelector('.legend .scrollbar');
        return {title: (gd.querySelector('.g-gtitle text') || {}).textContent || '',
                figure: {l: f.left, r: f.right, t: f.top, b: f.bottom}, texts,
                legendScrolls: !!scroll && scroll.getBoundingClientRect().height > 0};
    });
}"""
SLACK = 1.5  # px: glyph boxes of neighbouring lines touch
WAIT_MS = 120000  # a page settling with both cores busy and other servers running beside it


def overlap(a, b) -> bool:
    return a["l"] + SLACK < b["r"] and b["l"] + SLACK < a["r"] and a["t"] + SLACK < b["b"] and b["t"] + SLACK < a["b"]


def inside(text, figure) -> bool:
    return (
        text["l"] >= figure["l"] - SLACK
        and text["r"] <= figure["r"] + SLACK
        and text["t"] >= figure["t"] - SLACK
        and text["b"] <= figure["b"] + SLACK
    )


def faults(chart) -> list[str]:
    """What a person would see wrong in a chart: text cut at its edge, text over text, a legend
    that needs its own scroll bar."""
    found = [f"{t['kind']} {t['text']!r} leaves the figure" for t in chart["texts"] if not inside(t, chart["figure"])]
    texts = chart["texts"]
    for i, a in enumerate(texts):
        for b in texts[i + 1 :]:
            if overlap(a, b):
                found.append(f"{a['kind']} {a['text']!r} over {b['kind']} {b['text']!r}")
    if chart["legendScrolls"]:
        found.append("the legend scrolls")
    return [f"{chart['title']}: {f}" for f in found]


def sideways(page) -> list[int]:
    """The page's and its main column's scroll width beyond the window's (0, 0 when nothing scrolls)."""
    return page.evaluate(
        """() => { const m = document.querySelector('[data-testid="stMain"]');
                   return [document.documentElement.scrollWidth - innerWidth, m.scrollWidth - m.clientWidth]; }"""
    )


def charts_drawn(page, timeout: int = WAIT_MS) -> list[dict]:
    """The chart texts once every chart on the page has drawn its title."""
    page.wait_for_function(
        """() => { const c = [...document.querySelectorAll('.js-plotly-plot')].filter(g => g.offsetParent);
                   return c.length > 0 && c.every(g => g.querySelector('.g-gtitle text')); }""",
        timeout=timeout,
    )
    return page.evaluate(CHART_TEXTS)


@pytest.fixture(scope="module")
def app(seeded_file, tmp_path_factory):
    import shutil

    target = tmp_path_factory.mktemp("sizes") / "store.db"
    shutil.copy(seeded_file, target)
    with running_app(f"sqlite:///{target}") as base, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield base, browser
        browser.close()


@pytest.mark.parametrize("size", SIZES)
def test_charts_fit_their_figures_and_the_page_does_not_scroll_sideways(app, size):
    base, browser = app
    width, height = SIZES[size]
    page = browser.new_page(viewport={"width": width, "height": height})
    problems = []
    for path in PAGES:
        page.goto(f"{base}/{path}")
        wait_for_app(page, timeout=WAIT_MS)
        charts = charts_drawn(page)
        assert charts, path
        problems += [f"{path}: {f}" for chart in charts for f in faults(chart)]
        assert sideways(page) == [0, 0], path
    page.close()
    assert not problems, "\n".join(problems)


def test_presentation_mode_chart_text_is_large_and_dark(app):
    base, browser = app
    page = browser.new_page(viewport={"width": 1920, "height": 1080})
    for path in (f"{p}&present=1" for p in PAGES):
        page.goto(f"{base}/{path}")
        wait_for_app(page, timeout=WAIT_MS)
        charts = charts_drawn(page)
        small = [(t["kind"], t["text"], t["size"]) for c in charts for t in c["texts"] if t["size"] < 20]
        assert not small, (path, small[:10])
        light = [(t["kind"], t["text"], t["fill"]) for c in charts for t in c["texts"] if not dark(t["fill"])]
        assert not light, (path, light[:10])
        problems = [f for chart in charts for f in faults(chart)]
        assert not problems, (path, problems)
        assert sideways(page) == [0, 0], path
    page.close()


def dark(fill: str) -> bool:
    """Text a room reads: a dark fill (the status colours of 'Today' and the like are allowed)."""
    parts = [float(x) for x in fill[fill.index("(") + 1 : fill.index(")")].split(",")[:3]]
    luminance = 0.2126 * parts[0] + 0.7152 * parts[1] + 0.0722 * parts[2]
    return luminance < 140


def test_presentation_mode_shows_a_large_qr_code_of_the_view_on_the_page(app):
    """The sidebar is hidden on a projector: the QR code and the link sit on the page itself, name
    the view on screen without presentation mode, and the code is large enough to scan."""
    import io
    from urllib.parse import parse_qs, urlsplit

    import zxingcpp
    from PIL import Image

    base, browser = app
    page = browser.new_page(viewport={"width": 1920, "height": 1080})
    page.goto(f"{base}/don_vi?unit=CTHADS&q=2018-Q3&present=1")
    wait_for_app(page, timeout=WAIT_MS)
    image = page.locator("[data-testid='stMain'] [data-testid='stImage'] img").first
    image.wait_for(timeout=30000)
    assert image.bounding_box()["width"] >= 240
    link = page.locator("[data-testid='stMain'] code").first.inner_text().strip()
    decoded = [
        r.text
        for r in zxingcpp.read_barcodes(Image.open(io.BytesIO(page.request.get(image.get_attribute("src")).body())))
    ]
    assert decoded == [link]
    query = {k: v[0] for k, v in parse_qs(urlsplit(link).query).items()}
    assert urlsplit(link).path == "/don_vi" and query["unit"] == "CTHADS" and query["q"] == "2018-Q3"
    assert "present" not in query
    page.close()
