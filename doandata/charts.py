"""Plotly figures built from metrics frames; titles, axes and legends from the catalogue.

Built for a projector: large fonts, few colours with fixed meaning (status), the 2017 baseline,
the expected value and the target drawn wherever score is an axis. Unit names are escaped before
they reach trace names or hover text (plotly renders some HTML there).
"""

from __future__ import annotations

import datetime as dt
import html

import pandas as pd
import plotly.graph_objects as go

from . import i18n, metrics, periods
from .cells import is_blank
from .settings import Settings

STATUS_COLOURS = {"on_track": "#2e7d32", "at_risk": "#f9a825", "behind": "#c62828", None: "#9e9e9e"}
BASELINE_COLOUR = "#455a64"
TARGET_COLOUR = "#1565c0"
EXPECTED_COLOUR = "#6a1b9a"
TEXT_COLOUR = "#1a1a1a"  # every word of a chart dark, to be read from the back of a room
FONT = dict(family="Arial, 'Noto Sans', sans-serif", size=16, color=TEXT_COLOUR)
TITLE_SIZE = 20
MAX_BARS = 40
# The server does not know the screen's width, so every figure is laid out to work from a 390 px
# phone to a 1920 px projector: titles wrapped to what a phone's width holds, unit names above
# their bars (not beside them, where they took a phone's whole width), few ticks, the legend under
# the plot in rows plotly wraps itself, margins grown by plotly to fit what it drew.
TITLE_CHARS = 30  # characters of a 20 px title a phone's chart holds on one line
NAME_CHARS = 38  # a unit's name above its bar, on one line of a phone's chart
LEGEND_ROW = 26  # px of one legend row at 15 px; room under the plot for as many rows as entries
BAR_WIDTH = 0.42  # of a unit's band: the rest holds its name
BAND_PX = 62  # a unit's band: its name and its bar
PAIR_WIDTH = 0.56  # of a pair's band: its two bars; the rest holds the special unit's name
PAIR_BAND_PX = 76
GRID_BAND_PX = 26  # a grid row's name, and its cells


def safe(text: object) -> str:
    """User text shown as text: '<img ...>' stays literally '<img ...>' in every chart."""
    return html.escape(str(text if text is not None else ""), quote=False)


def wrap(text: str, width: int = TITLE_CHARS) -> str:
    """A title in lines of at most `width` characters (plotly never wraps a title itself)."""
    lines: list[str] = []
    for word in text.split(" "):
        if lines and len(lines[-1]) + 1 + len(word) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return "<br>".join(lines)


def _layout(fig: go.Figure, title: str, height: int, subject: str = "") -> go.Figure:
    """Title on top, wrapped, and `subject` (which units the chart shows) in smaller lines under it;
    legend under the plot; the plot keeps `height` less the room the title's lines and a phone's
    legend rows take, which the figure grows by."""
    text = wrap(safe(title))
    if subject:  # in em, so the projector's larger title makes it larger too
        text += "".join(
            f"<br><span style='font-size:0.8em'>{line}</span>"
            for line in wrap(safe(subject), int(TITLE_CHARS / 0.8)).split("<br>")
        )
    items = sum(1 for t in fig.data if t.showlegend is not False and t.name)
    title_px = int((text.count("<br>") + 1) * TITLE_SIZE * 1.3 + 24)
    fig.update_layout(
        title=dict(text=text, font=dict(size=TITLE_SIZE, color=TEXT_COLOUR), automargin=True),
        font=FONT,
        height=height + title_px + items * LEGEND_ROW,
        template="plotly_white",
        legend=dict(
            orientation="h",
            x=0,
            xref="container",
            xanchor="left",
            y=0,
            yref="container",
            yanchor="bottom",
            font=dict(size=15, color=TEXT_COLOUR),
            itemsizing="constant",
        ),
        margin=dict(l=10, r=20, t=10, b=10),
        hoverlabel=dict(font_size=15),
    )
    fig.update_xaxes(automargin=True, tickfont=dict(color=TEXT_COLOUR), title_font=dict(color=TEXT_COLOUR))
    fig.update_yaxes(automargin=True, tickfont=dict(color=TEXT_COLOUR), title_font=dict(color=TEXT_COLOUR))
    # an axis with neither tick labels nor a title (the names-above charts' y) has nothing to make
    # room for: plotly measuring it anyway cost a fifth of the chart's drawing, at every change
    fig.for_each_yaxis(lambda axis: axis.update(automargin=False) if _bare(axis) else None)
    return _place_title(fig)


def _bare(axis) -> bool:
    return axis.showticklabels is False and not (axis.title and axis.title.text)


def _place_title(fig: go.Figure) -> go.Figure:
    """The title's lines from the figure's top edge down. plotly anchors a title of several lines
    at the top by its first line (the others fall into the plot, the first above the figure), but
    at the bottom by its last: so its bottom is placed, at the height its lines take."""
    lines = (fig.layout.title.text or "").count("<br>") + 1
    size = fig.layout.title.font.size or TITLE_SIZE
    block = TITLE_PAD + lines * size * 1.3
    fig.update_layout(
        title=dict(x=0, xref="container", xanchor="left", pad=dict(l=10), yref="container", yanchor="bottom"),
        title_y=1 - block / (fig.layout.height or 450),
    )
    return fig


TITLE_PAD = 10  # px above a chart's title


PROJECTOR_MIN_PX = 20  # the smallest chart text a projector shows


def for_projector(fig: go.Figure, factor: float = 1.3) -> go.Figure:
    """The same figure with every text scaled up for a projector, none under 20 px, and the
    height grown to match."""
    fig = go.Figure(fig)

    def big(size) -> float:
        return max(PROJECTOR_MIN_PX, (size or FONT["size"]) * factor)

    base = big(fig.layout.font.size)
    fig.update_layout(
        font_size=base,
        title_font_size=big(fig.layout.title.font.size or TITLE_SIZE),
        legend_font_size=big(fig.layout.legend.font.size),
        height=int((fig.layout.height or 450) * factor),
    )
    fig.update_xaxes(tickfont_size=base, title_font_size=base)
    fig.update_yaxes(tickfont_size=base, title_font_size=base)
    for note in fig.layout.annotations:
        note.font.size = big(note.font.size)
        if note.showarrow is not False and note.ay is not None:  # offsets in px grow with the text
            note.ax, note.ay = (note.ax or 0) * factor, note.ay * factor
    for trace in fig.data:
        if "textfont" in trace:
            trace.textfont.size = big(trace.textfont.size)
        if "marker" in trace and "size" in trace.marker and isinstance(trace.marker.size, int | float):
            trace.marker.size = trace.marker.size * factor
    return _place_title(fig)


def _names_above(
    fig: go.Figure, names: list[str], full: list[str], bar: float = BAR_WIDTH, headers: set[str] = frozenset()
) -> None:
    """Unit names written above their bars, from the plot's left edge over its whole width (a
    phone has no room for them beside the bars); the bars' own axis labels hidden. Categories are
    placed by their index, so a name sits a fixed share of its band above its bar; a group's name
    (`headers`) has a band of its own, with no bar. (`full`, the whole names, are in the bars'
    hover texts.)"""
    rows = [len(names) - 0.5, -0.75]  # the first name above the first bar, worst first on top
    _names_trace(
        fig,
        [i if name in headers else i - bar / 2 - 0.03 for i, name in enumerate(names)],
        names,
        ["middle right" if name in headers else "top right" for name in names],
        rows,
    )
    fig.update_yaxes(categoryorder="array", categoryarray=names, showticklabels=False, range=rows)


NAMES_AXES = ("x9", "y9")  # hidden axes over the chart's own: x from the plot's left edge (0) to its right (1)


def _names_trace(fig: go.Figure, ys: list[float], names: list[str], positions: list[str], rows: list[float]) -> None:
    """Rows' names written from the plot's left edge at heights `ys` of a y axis whose `rows` range
    is the chart's own (a category axis counts its categories 0, 1, …), as one trace of text: a
    browser draws forty names as one trace in a fraction of the time forty annotations take, at
    every filter change."""
    x, y = NAMES_AXES
    fig.add_scatter(
        x=[0] * len(names),
        y=ys,
        xaxis=x,
        yaxis=y,
        mode="text",
        text=names,
        textposition=positions,
        textfont=dict(size=15, color=TEXT_COLOUR),
        cliponaxis=False,
        showlegend=False,
        hoverinfo="skip",
    )
    hidden = dict(visible=False, fixedrange=True)
    fig.update_layout(
        {
            f"xaxis{x[1:]}": dict(overlaying="x", range=[0, 1], **hidden),
            f"yaxis{y[1:]}": dict(overlaying="y", range=rows, **hidden),
        }
    )


def progress_bullets(
    frame: pd.DataFrame, period: str, settings: Settings, lang: str = "vi", subject: str = ""
) -> go.Figure:
    """Each unit's total against its baseline, expected total and target; bars coloured by status.
    The units given (the followed ones, as a rule), đặc thù first, then khó khăn, then any others,
    the furthest behind first within each; `subject` says which units they are."""
    data = frame.dropna(subset=["baseline_total"]).copy()
    data = metrics.by_group(metrics.worst_first(data)).head(MAX_BARS)
    names = [safe(short_name(n)) for n in data["unit_name"]]
    pname = i18n.period_name(period, lang)
    fig = go.Figure()
    for status in (*STATUS_COLOURS,):
        part = data[data["status"].isna()] if status is None else data[data["status"] == status]
        if part.empty:
            continue
        label = i18n.status_name(status, lang)
        fig.add_bar(
            y=[safe(short_name(n)) for n in part["unit_name"]],
            x=part["total"].fillna(0),
            orientation="h",
            width=BAR_WIDTH,
            name=label,
            marker_color=STATUS_COLOURS[status],
            customdata=list(
                zip(
                    [safe(n) for n in part["unit_name"]],
                    _numbers(part["total"], lang),
                    _numbers(part["baseline_total"], lang),
                    _numbers(part["expected_total"], lang),
                    _numbers(part["target_total"], lang),
                )
            ),
            hovertemplate="%{customdata[0]}<br>"
            + i18n.t("chart.total", lang, period=pname)
            + ": %{customdata[1]}<br>"
            + i18n.t("chart.baseline", lang, baseline=settings.baseline_year)
            + ": %{customdata[2]}<br>"
            + i18n.t("chart.expected", lang, period=pname)
            + ": %{customdata[3]}<br>"
            + i18n.t("chart.target", lang)
            + ": %{customdata[4]}<extra></extra>",
        )
    fig.add_scatter(
        y=names,
        x=data["baseline_total"],
        mode="markers",
        name=i18n.t("chart.baseline", lang, baseline=settings.baseline_year),
        marker=dict(symbol="line-ns", size=26, line=dict(width=4, color=BASELINE_COLOUR)),
        hoverinfo="skip",
    )
    # the star under the diamond, and larger: where the expected total is the target, both show
    fig.add_scatter(
        y=names,
        x=data["target_total"],
        mode="markers",
        name=i18n.t("chart.target", lang),
        marker=dict(symbol="star", size=22, color=TARGET_COLOUR),
        hoverinfo="skip",
    )
    fig.add_scatter(
        y=names,
        x=data["expected_total"],
        mode="markers",
        name=i18n.t("chart.expected", lang, period=pname),
        marker=dict(symbol="diamond", size=11, color=EXPECTED_COLOUR, line=dict(width=1.5, color="#ffffff")),
        hoverinfo="skip",
    )
    rows = _group_rows(data, names, lang)
    whole = dict(zip(names, (safe(n) for n in data["unit_name"])))
    _names_above(fig, rows, [whole.get(r, r) for r in rows], headers=set(rows) - set(names))
    fig.update_xaxes(title_text=i18n.t("chart.points", lang), range=[0, 100], dtick=20)
    fig.update_layout(barmode="overlay")
    title = i18n.t("chart.overview_title", lang, period=pname, baseline=settings.baseline_year)
    return _layout(fig, title, height=max(260, 90 + BAND_PX * len(rows)), subject=subject)


def _group_rows(data: pd.DataFrame, names: list[str], lang: str) -> list[str]:
    """The bars' rows from the top: each group's name (ĐẶC THÙ, KHÓ KHĂN, ĐƠN VỊ KHÁC) on an empty row
    above its units when more than one group is shown. Unit names are escaped, so no name can be
    taken for a group's row."""
    groups = list(data["group"].fillna("other"))
    if len(set(groups)) < 2:
        return names
    rows = []
    for i, (group, name) in enumerate(zip(groups, names)):
        if i == 0 or group != groups[i - 1]:
            rows.append(f"<b>{i18n.t(f'group.{group}', lang).upper()}</b>")
        rows.append(name)
    return rows


def unit_timeline(timeline: pd.DataFrame, name: str, settings: Settings, lang: str = "vi") -> go.Figure:
    """Totals per period with the baseline line, the expected path to the target and the reviews at
    their milestones' dates (the tổng kết in October, between Q3 and Q4); Q4 is labelled as the
    year's end, after the review."""
    labels = [_period_tick(p, lang) for p in timeline["period"]]
    fig = go.Figure()
    baseline = timeline["baseline_total"].iloc[0]
    target = timeline["target_total"].iloc[0]
    fig.add_scatter(
        x=labels,
        y=timeline["expected_total"],
        mode="lines+markers",
        name=i18n.t("chart.unit_expected", lang),
        line=dict(color=EXPECTED_COLOUR, dash="dash", width=3),
        marker=dict(size=9),
        customdata=_numbers(timeline["expected_total"], lang),
        hovertemplate="%{x}: %{customdata}<extra>%{fullData.name}</extra>",
    )
    fig.add_scatter(
        x=labels,
        y=timeline["total"],
        mode="lines+markers",
        name=i18n.t("chart.unit_total", lang),
        line=dict(color=TARGET_COLOUR, width=5),
        marker=dict(size=14),
        text=_numbers(timeline["total"], lang),
        hovertemplate="%{x}: %{text}<extra>%{fullData.name}</extra>",
    )
    _point_labels(fig, labels, timeline["total"], lang)
    # the 2017 score and the target are named with their values in the legend, not by notes that
    # sat on the lines
    if not is_blank(baseline):
        fig.add_scatter(
            x=[labels[0], labels[-1]],
            y=[baseline, baseline],
            mode="lines",
            line=dict(color=BASELINE_COLOUR, width=2, dash="dot"),
            name=i18n.t("chart.baseline", lang, baseline=settings.baseline_year)
            + f": {i18n.fmt_number(baseline, lang)}",
            hoverinfo="skip",
        )
    if not is_blank(target):
        fig.add_scatter(
            x=[labels[0], labels[-1]],
            y=[target, target],
            mode="lines",
            line=dict(color="#2e7d32", width=2),
            name=i18n.t("chart.target", lang) + f": {i18n.fmt_number(target, lang)}",
            hoverinfo="skip",
        )
    for review in periods.REVIEWS:
        x = _review_position(review, list(timeline["period"]), settings)
        text = i18n.t(f"review.{review.key}", lang)
        fig.add_vline(x=x, line=dict(color="#888", width=1, dash="dot"))
        fig.add_annotation(
            x=x,
            y=1.0,
            yref="paper",
            text=text,
            showarrow=False,
            yanchor="top",
            xanchor="left",
            xshift=4,
            font=dict(size=15, color="#555"),
        )  # inside the plot: the legend is above
    # no axis title: the chart's title says these are totals, and a phone needs the width
    fig.update_yaxes(range=[max(0, _low(timeline) - 10), 100])
    # periods in short lines: five side by side on a laptop, upright on a phone
    fig.update_xaxes(type="category", tickvals=labels, ticktext=_ticks(labels), tickfont_size=14)
    return _layout(fig, i18n.t("chart.unit_title", lang, name=short_name(name)), height=480)


def _period_tick(period: str, lang: str) -> str:
    """A period on the unit chart's axis; Q4 says it is the year's end, after the tổng kết, in short
    lines (a phone turns the axis' labels upright: the longest line sets the room they take)."""
    name = i18n.period_name(period, lang)
    if not periods.after_final(period):
        return name
    return f"{name}<br>(" + i18n.t("chart.after_final", lang).replace(", ", ",<br>") + ")"


def _review_position(review: periods.Review, shown: list[str], settings: Settings) -> float:
    """Where a review falls on the axis of periods (0 the baseline, then one step a quarter): at its
    milestone's date, between the ends of the quarters around it (10/2018 is a third of the way
    from Q3's end to Q4's); at its quarter's end when the settings hold no such milestone."""
    year = settings.plan_year
    dates = {m.key: m.date for m in settings.milestones}
    when = dates.get(review.key, periods.quarter_end(year, review.quarter))
    ends = [
        periods.quarter_end(year - 1, 4) if q is None else periods.quarter_end(year, q)
        for q in map(periods.quarter_of, shown)
    ]
    if when <= ends[0]:
        return 0
    for i, (a, b) in enumerate(zip(ends, ends[1:])):
        if when <= b:
            return i + (when - a).days / (b - a).days
    return len(ends) - 1


def criteria_bars(frame: pd.DataFrame, period: str, settings: Settings, lang: str = "vi") -> go.Figure:
    """Points per criterion in the period beside the baseline year, against each maximum."""
    pname = i18n.period_name(period, lang)
    labels = [f"{c}" for c in frame["code"]]
    fig = go.Figure()
    fig.add_bar(
        x=labels,
        y=frame["max_points"],
        name=i18n.t("chart.max", lang),
        marker_color="#e0e0e0",
        customdata=list(zip([safe(c) for c in frame["content"]], _numbers(frame["max_points"], lang))),
        hovertemplate="%{customdata[0]}: %{customdata[1]}<extra></extra>",
    )
    fig.add_bar(
        x=labels,
        y=frame["baseline_points"],
        name=i18n.t("chart.baseline", lang, baseline=settings.baseline_year),
        marker_color=BASELINE_COLOUR,
        customdata=_numbers(frame["baseline_points"], lang),
        hovertemplate="%{x}: %{customdata}<extra>%{fullData.name}</extra>",
    )
    fig.add_bar(
        x=labels,
        y=frame["points"],
        name=pname,
        marker_color=TARGET_COLOUR,
        customdata=_numbers(frame["points"], lang),
        hovertemplate="%{x}: %{customdata}<extra>%{fullData.name}</extra>",
    )
    fig.update_layout(barmode="group")
    fig.update_yaxes(title_text=i18n.t("col.points", lang))
    fig.update_xaxes(title_text=i18n.t("col.criterion", lang))
    return _layout(fig, i18n.t("chart.criteria_title", lang, period=pname, baseline=settings.baseline_year), 440)


MILESTONE_GAP_PX = 44  # a milestone's two lines of text and the space under them


def milestones(settings: Settings, today: dt.date, lang: str = "vi") -> go.Figure:
    """The plan timeline (section IV) with today's position, running down the page: every label
    has the width of the screen to its right, and labels closer in time than their height are
    moved apart along the line (its height, unlike a screen's width, is the figure's own)."""
    ms = sorted(settings.milestones, key=lambda m: m.date)
    start, end = dt.date(settings.plan_year, 1, 1), dt.date(settings.plan_year, 12, 31)
    first = min([start, *(m.date for m in ms)]) - dt.timedelta(days=12)
    last = max([end, *(m.date for m in ms)]) + dt.timedelta(days=12)
    plot_px = max(420, len(ms) * MILESTONE_GAP_PX + 40)
    days_per_px = (last - first).days / plot_px
    fig = go.Figure()
    fig.add_shape(type="line", x0=0, x1=0, y0=start, y1=end, line=dict(color="#999", width=3))
    fig.add_scatter(
        x=[0] * len(ms),
        y=[m.date for m in ms],
        mode="markers",
        marker=dict(size=16, color=["#2e7d32" if m.date <= today else TARGET_COLOUR for m in ms]),
        hovertext=[safe(f"{i18n.milestone_name(m, lang)} — {i18n.fmt_date(m.date, lang)}") for m in ms],
        hoverinfo="text",
        showlegend=False,
    )
    placed = first - dt.timedelta(days=365)
    for m in ms:
        # a label at its date, or just under the one before when that is too close
        at = max(m.date, placed + dt.timedelta(days=MILESTONE_GAP_PX * days_per_px))
        placed = at
        fig.add_annotation(
            x=0,
            y=m.date,
            ax=28,
            ay=(at - m.date).days / days_per_px,
            xanchor="left",
            yanchor="middle",
            text=f"<b>{safe(i18n.milestone_name(m, lang))}</b><br>{i18n.fmt_date(m.date, lang)}",
            align="left",
            showarrow=True,
            arrowcolor="#999",
            arrowhead=0,
            font=dict(size=15, color=TEXT_COLOUR),
        )
    if start <= today <= end:
        fig.add_shape(type="line", x0=-0.1, x1=1, y0=today, y1=today, line=dict(color="#c62828", width=2))
        fig.add_annotation(
            x=1,
            y=today,
            text=i18n.t("chart.today", lang),
            showarrow=False,
            xanchor="right",
            yanchor="bottom",
            font=dict(color="#c62828", size=15),
        )
    fig.update_xaxes(visible=False, range=[-0.1, 1])
    fig.update_yaxes(
        type="date",
        range=[last, first],  # the year runs down the page
        tickformat="%m/%Y",
        dtick="M2",
        tickfont=dict(size=13),
        showgrid=True,
        zeroline=False,
    )
    return _layout(fig, i18n.t("chart.timeline_title", lang, year=settings.plan_year), plot_px + 30)


ITEM_STATUS_ORDER = ("none", "not_started", "in_progress", "done")
ITEM_COLOURS = ("#eeeeee", "#ef9a9a", "#ffe082", "#81c784")


def transitions(table: pd.DataFrame, period: str, settings: Settings, lang: str = "vi") -> go.Figure:
    """Units by 2017 rating (rows) and current rating (columns); above the diagonal moved up."""
    # a rating's name in lines of a word or two: five columns and the rows' names fit a phone
    rows = [wrap(i18n.rating_name(r, lang), RATING_CHARS) for r in table.index]
    cols = [wrap(i18n.rating_name(c, lang), RATING_CHARS) for c in table.columns]
    z = table.to_numpy()
    fig = go.Figure(
        go.Heatmap(
            z=z,
            x=cols,
            y=rows,
            colorscale=[[0, "#ffffff"], [1, "#1565c0"]],
            showscale=False,
            text=[[str(v) if v else "" for v in row] for row in z],
            texttemplate="%{text}",
            textfont=dict(size=22),
            hovertemplate=i18n.t("chart.transition_hover", lang) + "<extra></extra>",
            xgap=3,
            ygap=3,
        )
    )
    fig.update_xaxes(title_text=i18n.t("chart.rating_now", lang, period=i18n.period_name(period, lang)), side="bottom")
    fig.update_yaxes(
        title_text=i18n.t("chart.rating_then", lang, baseline=settings.baseline_year), autorange="reversed"
    )
    return _layout(
        fig,
        i18n.t("chart.transition_title", lang, baseline=settings.baseline_year, period=i18n.period_name(period, lang)),
        440,
    )


RATING_CHARS = 6  # "Vững<br>mạnh": six ratings side by side in half a laptop's width


def status_grid(
    matrix: pd.DataFrame,
    row_labels: list[str],
    col_labels: list[str],
    title: str,
    lang: str = "vi",
    subject: str = "",
) -> go.Figure:
    """A grid of plan-item statuses (not reported / not started / in progress / done), each row's
    name on a band of its own above its cells, so the cells have the chart's whole width."""
    index = {s: i for i, s in enumerate(ITEM_STATUS_ORDER)}
    blank = [None] * len(col_labels)
    z, words = [], []
    for row in matrix.to_numpy():  # a blank band for the name, then the row's cells
        z += [blank, [index.get(v, 0) for v in row]]
        words += [blank, [i18n.t(f"item.{v if v in index and v != 'none' else 'none'}", lang) for v in row]]
    names = [safe(r) for r in row_labels]
    n = len(ITEM_STATUS_ORDER)
    scale = []
    for i, colour in enumerate(ITEM_COLOURS):
        scale += [[i / n, colour], [(i + 1) / n, colour]]
    fig = go.Figure(
        go.Heatmap(
            z=z,
            x=col_labels,
            y=list(range(len(z))),
            zmin=0,
            zmax=n,
            colorscale=scale,
            showscale=False,
            text=words,
            customdata=[[name] * len(col_labels) for name in names for _ in (0, 1)],
            xgap=2,
            ygap=0,
            hoverongaps=False,
            hovertemplate="%{customdata}<br>%{x}: %{text}<extra></extra>",
        )
    )
    rows = [len(z) - 0.5, -0.5]
    _names_trace(fig, [2 * i for i in range(len(names))], names, ["middle right"] * len(names), rows)
    for status, colour in zip(ITEM_STATUS_ORDER, ITEM_COLOURS):  # a legend people can read
        _legend_square(fig, colour, i18n.t(f"item.{status}", lang))
    fig.update_yaxes(range=rows, showticklabels=False, showgrid=False, zeroline=False, fixedrange=True)
    fig.update_xaxes(
        side="top", showgrid=False, zeroline=False, tickvals=col_labels, ticktext=_ticks(col_labels), tickangle=0
    )
    return _layout(fig, title, max(200, 60 + 2 * GRID_BAND_PX * len(row_labels)), subject=subject)


def companion_pairs(pairs: pd.DataFrame, period: str, settings: Settings, lang: str = "vi") -> go.Figure:
    """Each followed unit beside its companion: totals in the period, the unit's 2017 score; a pair
    the plan would want otherwise (another cụm, a companion below Vững mạnh) is marked ⚠. The
    unit's name above its pair of bars."""
    marks = pairs["problems"] if "problems" in pairs else [[]] * len(pairs)
    labels = [("⚠ " if bad else "") + safe(short_name(n)) for n, bad in zip(pairs["unit_name"], marks)]
    statuses = [s if s in STATUS_COLOURS else None for s in pairs["status"]]
    fig = go.Figure()
    fig.add_bar(
        y=labels,
        x=pairs["total"],
        orientation="h",
        name=i18n.t("chart.special_unit", lang),
        showlegend=False,  # its colour is the status: a square per status names each one
        marker_color=[STATUS_COLOURS[s] for s in statuses],
        text=[i18n.fmt_number(v, lang) for v in pairs["total"]],
        textposition="outside",
        cliponaxis=False,
        textfont=dict(size=15, color=TEXT_COLOUR),
        customdata=[safe(n) for n in pairs["unit_name"]],
        hovertemplate="%{customdata}: %{text}<extra></extra>",
    )
    for status in STATUS_COLOURS:
        if status in statuses:
            _legend_square(fig, STATUS_COLOURS[status], i18n.status_name(status, lang))
    fig.add_bar(
        y=labels,
        x=pairs["companion_total"],
        orientation="h",
        name=i18n.t("chart.companion", lang),
        marker_color="#90a4ae",
        customdata=list(zip([safe(n) for n in pairs["companion_name"]], _numbers(pairs["companion_total"], lang))),
        hovertemplate="%{customdata[0]}: %{customdata[1]}<extra></extra>",
    )
    fig.add_scatter(
        y=labels,
        x=pairs["baseline_total"],
        mode="markers",
        name=i18n.t("chart.baseline", lang, baseline=settings.baseline_year),
        marker=dict(symbol="line-ns", size=30, line=dict(width=4, color=BASELINE_COLOUR)),
        customdata=_numbers(pairs["baseline_total"], lang),
        hovertemplate="%{y}: %{customdata}<extra>%{fullData.name}</extra>",
    )
    fig.update_layout(barmode="group", bargap=1 - PAIR_WIDTH, bargroupgap=0.05)
    _names_above(fig, labels, [safe(n) for n in pairs["unit_name"]], PAIR_WIDTH)
    fig.update_xaxes(title_text=i18n.t("chart.points", lang), range=[0, 112], tickvals=list(range(0, 101, 20)))
    return _layout(
        fig, i18n.t("chart.pairs_title", lang, period=i18n.period_name(period, lang)), 90 + PAIR_BAND_PX * len(pairs)
    )


def _ticks(labels: list[str]) -> list[str]:
    """Period names on two lines ("Quý III<br>2018", "Q3<br>2018"): five fit side by side on a phone."""
    return [label.replace("/", "<br>", 1) if "/" in label else "<br>".join(label.rsplit(" ", 1)) for label in labels]


def _point_labels(fig: go.Figure, x: list[str], values: pd.Series, lang: str) -> None:
    """Each point's value on a white box above it (below where the line comes down to it from
    both sides), so no line runs through the figures."""
    ys = list(values)
    for i, (label, y) in enumerate(zip(x, ys)):
        if is_blank(y):
            continue
        around = [v for v in (ys[i - 1] if i else None, ys[i + 1] if i + 1 < len(ys) else None) if not is_blank(v)]
        below = bool(around) and all(v > y for v in around)
        fig.add_annotation(
            x=label,
            y=y,
            text=i18n.fmt_number(y, lang),
            showarrow=False,
            yshift=-22 if below else 22,
            bgcolor="rgba(255,255,255,0.92)",
            borderpad=2,
            font=dict(size=17, color=TEXT_COLOUR),
        )


def _legend_square(fig: go.Figure, colour: str, name: str) -> None:
    """A legend entry for a colour that marks something other than a trace (a status, a grid cell)."""
    fig.add_scatter(x=[None], y=[None], mode="markers", marker=dict(size=16, color=colour, symbol="square"), name=name)


def _numbers(values, lang: str, decimals: int = 1) -> list[str]:
    """Numbers as hover text in the reader's language ("58,5"): plotly's own format writes "58.5"."""
    return [i18n.fmt_number(v, lang, decimals) for v in values]


def short_name(name: str) -> str:
    return name if len(name) <= NAME_CHARS else name[: NAME_CHARS - 1] + "…"


def _low(timeline: pd.DataFrame) -> float:
    values = pd.concat([timeline["total"], timeline["baseline_total"], timeline["expected_total"]]).dropna()
    return float(values.min()) if len(values) else 0.0


# ---------------------------------------------------------------- support plans (#15)

ACTION_COLOURS = {"done": "#2e7d32", "open": "#1565c0", "overdue": "#c62828"}
ACTION_SYMBOLS = {"done": "circle", "open": "diamond", "overdue": "x"}


def actions_timeline(actions: pd.DataFrame, day: dt.date, day_label: str, lang: str = "vi") -> go.Figure:
    """A unit's support actions at their due dates, one row each (its number and plan item), done /
    open / overdue at `day` coloured, and a line at `day` (a period's end, or today). `actions`
    carries support.with_overdue's `overdue` column."""
    from . import support

    fig = go.Figure()
    rows = [f"{int(n)}. {safe(c)}" for n, c in zip(actions["action_no"], actions["item_code"])]
    states = [support.state(s, bool(o)) for s, o in zip(actions["status"], actions["overdue"])]
    names = {
        "done": i18n.t("support.state_done", lang),
        "open": i18n.t("support.state_open", lang),
        "overdue": i18n.t("support.state_overdue", lang),
    }
    dues = [support._as_date(d) for d in actions["due"]]
    for key, colour in ACTION_COLOURS.items():
        picked = [i for i, s in enumerate(states) if s == key]
        fig.add_scatter(
            x=[dues[i] for i in picked],
            y=[rows[i] for i in picked],
            mode="markers+text",
            name=names[key],
            marker=dict(size=18, color=colour, symbol=ACTION_SYMBOLS[key], line=dict(width=1, color="white")),
            text=[i18n.fmt_date(dues[i], lang)[:5] for i in picked],
            textposition="middle right",
            textfont=dict(size=13, color=colour),
            hovertext=[
                safe(f"{short_name(str(actions['action'].iloc[i]))} — ")
                + i18n.t("chart.actions_due", lang, date=i18n.fmt_date(dues[i], lang))
                + f" — {names[key]}"
                for i in picked
            ],
            hoverinfo="text",
            showlegend=True,
        )
    day_line = dict(color="#555", width=2, dash="dash")
    fig.add_vline(x=day, line=day_line)
    # the line named in the legend: a note under the axis met its dates when a phone turned them
    fig.add_scatter(x=[None], y=[None], mode="lines", line=day_line, name=safe(day_label), hoverinfo="skip")
    low = min([*dues, day]) if dues else day
    high = max([*dues, day]) if dues else day
    fig.update_xaxes(
        range=[dt.date(low.year, low.month, 1) - dt.timedelta(days=10), high + dt.timedelta(days=45)],
        tickformat="%m/%Y",
        dtick="M2",
        title_text=None,
    )
    order = list(dict.fromkeys(rows))
    fig.update_yaxes(type="category", categoryorder="array", categoryarray=order[::-1], automargin=True)
    return _layout(fig, i18n.t("chart.actions_title", lang), height=190 + 42 * max(1, len(order)))


def projection_ranges(projections: list, lang: str = "vi") -> go.Figure:
    """The meeting brief's early warning (brief.Projection): per followed unit the range its total may
    reach at the tổng kết at its current pace, the central projection (red below the target, green
    at or above), and its target; the units projected furthest below their target first."""
    data = [p for p in projections if p.projected is not None]
    data.sort(key=lambda p: (p.target or 0) - p.projected, reverse=True)
    names = [safe(short_name(p.unit_name)) for p in data]
    fig = go.Figure()
    fig.add_scatter(
        y=names,
        x=[p.projected for p in data],
        mode="markers",
        name=i18n.t("chart.projected", lang),
        marker=dict(
            size=16, color=[STATUS_COLOURS["behind" if p.shortfall else "on_track"] for p in data], symbol="circle"
        ),
        error_x=dict(
            type="data",
            symmetric=False,
            array=[p.high - p.projected for p in data],
            arrayminus=[p.projected - p.low for p in data],
            thickness=6,
            width=0,
            color="rgba(21,101,192,0.35)",
        ),
        customdata=list(
            zip(
                [safe(p.unit_name) for p in data],
                _numbers([p.projected for p in data], lang),
                _numbers([p.low for p in data], lang),
                _numbers([p.high for p in data], lang),
            )
        ),
        hovertemplate="%{customdata[0]}: %{customdata[1]} (%{customdata[2]}–%{customdata[3]})<extra></extra>",
    )
    fig.add_scatter(
        y=names,
        x=[p.target for p in data],
        mode="markers",
        name=i18n.t("chart.target", lang),
        marker=dict(symbol="line-ns", size=28, line=dict(width=4, color=TARGET_COLOUR)),
        hoverinfo="skip",
    )
    fig.update_yaxes(autorange="reversed")
    fig.update_xaxes(title_text=i18n.t("chart.points", lang))
    title = i18n.t("chart.projection_title", lang, final=i18n.t("review.final", lang))
    return _layout(fig, title, height=max(220, 60 + 44 * len(data)))


# ---------------------------------------------------------------- scoring in stages (#19)

STAGE_STYLES = {  # the self-score dashed and orange, the check solid and blue, the approval green dots
    "self": dict(color="#ef6c00", dash="dash", width=3, marker=10, symbol="circle-open"),
    "checked": dict(color=TARGET_COLOUR, dash="solid", width=4, marker=12, symbol="circle"),
    "approved": dict(color="#2e7d32", dash="dot", width=2, marker=14, symbol="diamond"),
}


def stage_path(path: pd.DataFrame, name: str, lang: str = "vi") -> go.Figure:
    """One unit's self-score total against the working group's checked total (and the approved one
    where there is one) over the quarters (stages.unit_path): where the unit rates itself above what
    the group finds, the gap between the lines; a stage with no card in any quarter is left out."""
    labels = [i18n.period_name(p, lang) for p in path["period"]]
    fig = go.Figure()
    for stage, style in STAGE_STYLES.items():
        values = path[stage]
        if values.isna().all():
            continue
        fig.add_scatter(
            x=labels,
            y=values,
            mode="lines+markers",
            name=i18n.t(f"stage.{stage}", lang),
            line=dict(color=style["color"], dash=style["dash"], width=style["width"]),
            marker=dict(size=style["marker"], symbol=style["symbol"], color=style["color"]),
            customdata=_numbers(values, lang),
            hovertemplate="%{x}: %{customdata}<extra>%{fullData.name}</extra>",
            connectgaps=False,
        )
    shown = path[list(STAGE_STYLES)].stack()
    low, high = (float(shown.min()), float(shown.max())) if len(shown) else (0.0, 100.0)
    # close around the lines: a gap of a point or two between them stays visible
    fig.update_yaxes(range=[max(0, low - 5), min(100, high + 5)])
    fig.update_xaxes(type="category", tickvals=labels, ticktext=_ticks(labels), tickfont_size=14)
    return _layout(fig, i18n.t("chart.stages_title", lang, name=short_name(name)), height=360)
