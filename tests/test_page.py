"""The page, end to end, in headless Chromium (Debian's /usr/bin/chromium, driven by
Playwright): the real server on a free port over a store of the example articles, with
every request to another host aborted, so the page is proven to work offline.

Screenshots go to screenshots/ (git-ignored) or to $NEWSEVENTS_SCREENSHOTS.
Install the browser with scripts/install-browser.sh.
"""

from __future__ import annotations

import os
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout
from playwright.sync_api import expect

from tests.conftest import copy_store

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                 "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]
TOKEN = "page-test-token-77"
SCREENSHOTS = Path(os.environ.get("NEWSEVENTS_SCREENSHOTS")
                   or Path(__file__).parents[1] / "screenshots")

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(),
                       reason="no /usr/bin/chromium: run scripts/install-browser.sh"),
    pytest.mark.filterwarnings("ignore::DeprecationWarning"),
]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _serve(db: Path) -> Iterator[str]:
    """The real server (uvicorn) in a thread over the store at ``db``."""
    import uvicorn

    from newsevents.web import create_app

    port = _free_port()
    config = uvicorn.Config(create_app(str(db), token=TOKEN), host="127.0.0.1", port=port,
                            log_level="warning")
    uvicorn_server = uvicorn.Server(config)
    thread = threading.Thread(target=uvicorn_server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 15
    while not uvicorn_server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    assert uvicorn_server.started, "the server did not start"
    yield f"http://127.0.0.1:{port}"
    uvicorn_server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def server(example_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The server over a copy of the example articles' store (these tests post articles)."""
    yield from _serve(copy_store(example_db, tmp_path_factory.mktemp("page") / "examples.db"))


@pytest.fixture(scope="module")
def empty_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The server over a store that holds nothing yet."""
    from newsevents.store import Store

    db = tmp_path_factory.mktemp("empty") / "empty.db"
    Store(db).close()
    yield from _serve(db)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


class PageRun:
    """A browser tab on the server, recording page errors and refused outside requests."""

    def __init__(self, browser: Any, server: str) -> None:
        self.server = server
        self.page = browser.new_page(viewport={"width": 1280, "height": 900})
        self.errors: list[str] = []
        self.outside: list[str] = []
        self.page.on("pageerror", lambda error: self.errors.append(str(error)))
        self.page.on("console", self._console)
        self.page.route("**/*", self._only_our_server)
        self.page.set_default_timeout(10_000)

    def _console(self, message: Any) -> None:
        if message.type == "error":
            self.errors.append(message.text)

    def _only_our_server(self, route: Any) -> None:
        if route.request.url.startswith(self.server):
            route.continue_()
        else:  # no internet: anything else the page asks for is refused
            self.outside.append(route.request.url)
            route.abort()

    def open(self) -> Any:
        self.page.goto(self.server + "/")
        self.page.wait_for_selector("body[data-ready=true]")
        return self.page

    def shot(self, name: str) -> Path:
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        path = SCREENSHOTS / f"{name}.png"
        self.page.screenshot(path=str(path), full_page=True)
        assert path.stat().st_size > 10_000
        return path

    def close(self) -> None:
        self.page.close()
        assert self.outside == [], f"the page asked for outside resources: {self.outside}"
        assert self.errors == [], f"errors in the page: {self.errors}"


@pytest.fixture()
def run(browser: Any, server: str) -> Iterator[PageRun]:
    page_run = PageRun(browser, server)
    yield page_run
    page_run.close()


def api(server: str, path: str, **params: Any) -> Any:
    return httpx.get(server + path, params=params, timeout=10).json()


def column(page: Any, index: int) -> list[str]:
    return page.locator(f"#claims tbody tr.claim-row td:nth-child({index})").all_inner_texts()


def test_the_page_shows_map_timeline_and_table_offline(run: PageRun, server: str) -> None:
    page = run.open()
    total = api(server, "/api/claims")["total"]
    assert page.locator("#map path.country").count() > 200  # the vendored basemap (Leaflet)
    page.locator("#map .place-marker, #map .marker-cluster").first.wait_for()
    shown = page.locator("#map .place-marker").count()
    grouped = sum(int(t) for t in page.locator("#map .marker-cluster").all_inner_texts())
    assert shown + grouped >= 3
    page.select_option("#timeline-measure", "strikes")
    expect(page.locator('#timeline[data-measure="strikes"] rect.period-bar')).to_have_count(1)
    assert page.locator("#claims tbody tr.claim-row").count() == total
    assert page.locator("#claims-count").inner_text() == f"({total})"
    assert page.locator("#empty-store").is_hidden()
    run.shot("01-page")


def _centre_x(locator: Any) -> float:
    # The chart may redraw while the page settles (a slow machine): wait for the element
    # of the finished drawing before measuring it.
    locator.wait_for(state="visible")
    box = locator.bounding_box()
    assert box is not None, "the element left the page while it was measured"
    return float(box["x"] + box["width"] / 2)


def test_the_timeline_has_a_time_axis_and_draws_a_period_total_once(run: PageRun) -> None:
    page = run.open()
    page.select_option("#timeline-measure", "strikes")
    expect(page.locator('#timeline[data-measure="strikes"]')).to_have_count(1)
    total = page.locator('#timeline svg.timeline-spans g.span-bars rect')
    expect(total).to_have_count(1)  # 29,307 strikes from Aug 2014 to Mar 2018: one span
    assert "29,307" in (page.locator("#timeline svg.timeline-spans").text_content() or "")
    bars = page.locator("#timeline rect.period-bar")
    assert [bars.nth(i).get_attribute("data-period") for i in range(bars.count())] == [
        "2021-03"]  # 312 and "more than 150" of one article: one event, one bar
    # A true time axis: the total's span ends in March 2018, the bar is March 2021, and
    # the three years between are three years wide (at the same scale as the span).
    span_box = total.bounding_box()
    assert span_box is not None
    per_year = span_box["width"] / (1339 / 365.25)
    gap = _centre_x(bars.first) - (span_box["x"] + span_box["width"])
    assert gap == pytest.approx(3 * per_year, rel=0.1)
    ticks = page.locator("#timeline svg.timeline-bars g[aria-label='x-axis tick label'] text")
    assert {"2016", "2020"} <= set(ticks.all_text_contents())
    run.shot("06-timeline")


def test_a_hedged_figure_is_marked(run: PageRun, server: str) -> None:
    response = httpx.post(server + "/api/documents", timeout=120, headers={
        "Authorization": f"Bearer {TOKEN}"}, json={
        "id": "hedged.txt", "date": "2019-06-20",
        "text": "Selon des informations non confirmées, 40 frappes auraient visé Raqqa en "
                "juin 2019, a affirmé l'OSDH."})
    assert response.status_code in (200, 201), response.text
    page = run.open()
    page.select_option("#timeline-measure", "strikes")
    expect(page.locator('#timeline[data-measure="strikes"]')).to_have_count(1)
    hedged = page.locator('#timeline g.hedged-marks text')
    expect(hedged).to_have_count(1)
    assert hedged.text_content() == "?"
    june = page.locator('#timeline rect.period-bar[data-period="2019-06"] title')
    assert "hedged" in (june.text_content() or "")
    run.shot("09-hedged")


def test_country_level_places_are_drawn_apart_and_the_legend_says_so(run: PageRun) -> None:
    page = run.open()
    page.fill("#filters input[name=q]", "Syrie")
    page.click("#filters button[type=submit]")
    # the search's own markers, not those of the first view it replaces
    expect(page.locator("#status")).not_to_have_text("Loading…")
    coarse = page.locator("#map .place-marker.place-coarse")
    coarse.first.wait_for()
    precision = coarse.first.get_attribute("data-precision")
    assert precision in ("country", "admin1", "region")
    # The tooltip names the place's precision ("country-level place", "region-level place").
    assert "-level place" in (coarse.first.get_attribute("title") or "") + \
        (coarse.first.get_attribute("aria-label") or "")
    box = coarse.first.bounding_box()
    assert box is not None and box["width"] >= 20  # larger, hollow: not a town's dot
    legend = page.locator("#legend")
    assert legend.is_visible()
    text = legend.inner_text()
    for words in ("country or region only", "firm figure", "bound or vague count",
                  "hedged by every source", "total over a period", "figure", "speaker"):
        assert words in text
    assert page.locator("#legend .place-coarse").count() == 1
    run.shot("07-coarse-and-legend")


def test_an_empty_store_says_so_with_the_command_that_fills_it(browser: Any,
                                                               empty_server: str) -> None:
    page_run = PageRun(browser, empty_server)
    page = page_run.open()
    notice = page.locator("#empty-store")
    assert notice.is_visible()
    assert "newsevents ingest" in notice.inner_text()
    assert page.locator("#status").inner_text() == "The store is empty."
    page_run.shot("08-empty-store")
    page_run.close()


def test_filters_narrow_the_table_and_the_timeline(run: PageRun, server: str) -> None:
    page = run.open()
    page.select_option("#filters select[name=measure]", "strikes")
    page.fill("#filters input[name=since]", "2021")
    page.click("#filters button[type=submit]")
    expected = api(server, "/api/claims", measure="strikes", since="2021")["total"]
    expect(page.locator("#claims tbody tr.claim-row")).to_have_count(expected)
    assert set(column(page, 3)) == {"strikes"}
    assert all(when >= "2021" for when in column(page, 1))
    assert page.locator("#timeline-measure").input_value() == "strikes"
    run.shot("02-filtered")
    page.fill("#filters input[name=q]", "Mossoul")
    page.click("#filters button[type=submit]")
    expect(page.locator("#claims tbody tr.claim-row")).to_have_count(1)
    assert "Mossoul" in page.locator("#claims tbody td.evidence").inner_text()


def _click_until(page: Any, target: Any, shown: str, attempts: int = 3) -> None:
    """Click ``target`` until ``shown`` appears: a click that lands while Leaflet is still
    fitting the map to new markers (a busy machine) moves nothing under the pointer."""
    for attempt in range(attempts):
        target.click()
        try:
            page.wait_for_selector(shown, timeout=5_000)
            return
        except PlaywrightTimeout:
            if attempt == attempts - 1:
                raise


def test_a_map_marker_lists_its_claims_and_a_claim_opens_its_evidence(run: PageRun,
                                                                    server: str) -> None:
    page = run.open()
    page.fill("#filters input[name=q]", "Mossoul")
    page.click("#filters button[type=submit]")
    marker = page.locator('#map .place-marker[data-name="Mosul"]')
    marker.wait_for()
    mosul = next(p for e in api(server, "/api/events", q="Mossoul")["events"]
                 for p in e["places"] if p["name"] == "Mosul")
    near_mosul = api(server, "/api/claims", near=f"{mosul['lat']},{mosul['lon']},10",
                     q="Mossoul")["claims"]
    _click_until(page, marker, "#near-chip:not([hidden])")
    assert "Mosul" in page.locator("#near-chip").inner_text()
    expect(page.locator("#claims-count")).to_have_text(f"({len(near_mosul)})")
    assert len(near_mosul) >= 1
    row = page.locator("#claims tbody tr.claim-row").first
    evidence = row.locator("td.evidence").inner_text().rstrip("…")
    row.click()
    selected = page.locator("#doc-text .evidence.selected")
    selected.first.wait_for(state="visible")
    assert selected.first.is_visible()
    assert "".join(selected.all_inner_texts()).startswith(evidence)
    assert page.locator("#doc-claims .claim-link.active").count() == 1
    run.shot("03-evidence")
    # the figure's span is marked as the claim's value, and leads back to the claim
    value = page.locator('#doc-text .field[data-field="value"]')
    assert value.inner_text() == "plus de 150"
    value.click()
    assert page.locator("#doc-text .mention.selected").inner_text() == "plus de 150"
    details = page.locator("#doc-details")
    assert "number" in details.inner_text() and "more_than" in details.inner_text()
    run.shot("04-mention")
    details.locator(".claim-link").first.click()
    assert page.locator("#doc-text .evidence.selected").first.is_visible()


def test_clicking_highlighted_text_selects_its_claim(run: PageRun) -> None:
    page = run.open()
    page.locator("#claims tbody tr.claim-row").last.click()
    page.locator("#doc-text .evidence.selected").first.wait_for(state="visible")
    other = page.locator("#doc-text span.evidence:not(.selected):not(.mention)").first
    other.click()
    active = page.locator("#doc-claims .claim-link.active")
    assert active.count() == 1
    assert page.locator("#doc-text .evidence.selected").count() > 0


HOSTILE = ("Au moins 14 civils ont été tués jeudi près de Gao, selon un élu local. "
           "<script>window.__pwned=1</script> <img src=x onerror=\"window.__pwned=1\"> "
           "<b onmouseover=\"window.__pwned=1\">gras</b>")


def test_article_text_is_rendered_inert(run: PageRun, server: str) -> None:
    response = httpx.post(server + "/api/documents", timeout=60, headers={
        "Authorization": f"Bearer {TOKEN}"}, json={
        "id": "hostile<img src=x onerror=window.__pwned=1>.txt", "date": "2023-06-01",
        "text": HOSTILE, "title": "<script>window.__pwned=1</script>",
        "outlet": "<img src=x onerror=\"window.__pwned=1\">"})
    assert response.status_code == 201, response.text
    assert response.json()["claims"] >= 1
    page = run.open()
    page.fill("#filters input[name=q]", "Gao")
    page.click("#filters button[type=submit]")
    expect(page.locator("#claims tbody tr.claim-row")).to_have_count(1)
    page.locator("#claims tbody tr.claim-row").click()
    page.locator("#doc-text .evidence.selected").first.wait_for(state="visible")
    page.locator("#doc-text").hover()
    text = page.locator("#doc-text").inner_text()
    assert "<script>window.__pwned=1</script>" in text
    assert '<img src=x onerror="window.__pwned=1">' in text
    assert page.locator("#doc-title").inner_text() == "<script>window.__pwned=1</script>"
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert page.locator("img").count() == 0
    assert page.locator("#doc-text b, #doc-text script, #claims script").count() == 0
    run.shot("05-inert")
