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
FONT = dict(family="Arial, 'Noto Sans', sans-serif", size=16)
MAX_BARS = 40


def safe(text: object) -> str:
    """User text shown as text: '<img ...>' stays literally '<img ...>' in every chart."""
    return html.escape(str(text if text is not None else ""), quote=False)


# The top margin each chart's height was sized with; a taller title and legend band adds to it.
BASE_TOP = 110


def _layout(fig: go.Figure, title: str, height: int, subject: str = "") -> go.Figure:
    """`subject` says which units the chart shows, on a line under the title."""
    fig.update_layout(
        title=dict(text=safe(title), font=dict(size=22), subtitle=dict(text=safe(subject), font=dict(size=15))),
        font=FONT,
        height=height,
        template="plotly_white",
        legend=dict(orientation="h", font=dict(size=15)),
        margin=dict(l=10, r=20, b=50),
        hoverlabel=dict(font_size=15),
    )
    return _legend_under_title(fig)


def _legend_under_title(fig: go.Figure) -> go.Figure:
    """The title on the figure's top line, the legend in rows on the plot's top edge, and room for
    them: a legend held to the plot area (narrow beside long unit names) grew up into the title.
    plotly lets a legend above the plot use the figure's whole width when x < 0, and keeps it inside;
    the room is for the rows a 560 px chart needs (one item a row up to three, else two), and the
    figure grows by it so the plot keeps its height."""
    title_px, legend_px = fig.layout.title.font.size or 22, fig.layout.legend.font.size or 15
    items = sum(1 for t in fig.data if t.showlegend is not False and t.name)
    rows = items if items <= 3 else -(-items // 2)
    subtitle_px = (fig.layout.title.subtitle.font.size or 15) if fig.layout.title.subtitle.text else 0
    top = int(24 + 1.5 * title_px + 1.5 * subtitle_px + rows * 1.7 * legend_px)
    before = fig.layout.margin.t or BASE_TOP  # the room the figure's height already holds
    fig.update_layout(
        title=dict(y=1, yref="container", yanchor="top", pad=dict(t=14)),
        legend=dict(x=-0.001, xref="paper", xanchor="left", y=1.0, yref="paper", yanchor="bottom", **_columns(items)),
        margin=dict(t=top),
        height=(fig.layout.height or 450) + max(0, top - before),
    )
    return fig


def _columns(items: int) -> dict:
    """Two legend entries a row past three, whatever the screen: the room above was sized for that."""
    return dict(entrywidth=0.5, entrywidthmode="fraction") if items > 3 else {}


def for_projector(fig: go.Figure, factor: float = 1.3) -> go.Figure:
    """The same figure with every font and the height scaled up for a projector."""
    fig = go.Figure(fig)
    size = (fig.layout.font.size or FONT["size"]) * factor
    fig.update_layout(
        font_size=size,
        title_font_size=(fig.layout.title.font.size or 22) * factor,
        legend_font_size=size,
        height=int((fig.layout.height or 450) * 1.15),
    )
    fig.update_annotations(font_size=size * 0.9)
    if fig.layout.legend.yanchor == "bottom":  # not a legend placed under the plot
        _legend_under_title(fig)
    return fig


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
    fig.add_scatter(
        y=names,
        x=data["expected_total"],
        mode="markers",
        name=i18n.t("chart.expected", lang, period=pname),
        marker=dict(symbol="diamond", size=13, color=EXPECTED_COLOUR),
        hoverinfo="skip",
    )
    fig.add_scatter(
        y=names,
        x=data["target_total"],
        mode="markers",
        name=i18n.t("chart.target", lang),
        marker=dict(symbol="star", size=16, color=TARGET_COLOUR),
        hoverinfo="skip",
    )
    rows = _group_rows(data, names, lang)
    fig.update_yaxes(categoryorder="array", categoryarray=list(reversed(rows)), automargin=True)
    fig.update_xaxes(title_text=i18n.t("chart.points", lang), range=[0, 100], dtick=10)
    fig.update_layout(barmode="overlay")
    title = i18n.t("chart.overview_title", lang, period=pname, baseline=settings.baseline_year)
    return _layout(fig, title, height=max(380, 150 + 38 * len(rows)), subject=subject)


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
        mode="lines+markers+text",
        name=i18n.t("chart.unit_total", lang),
        line=dict(color=TARGET_COLOUR, width=5),
        marker=dict(size=14),
        text=_numbers(timeline["total"], lang),
        textposition="top center",
        textfont=dict(size=17),
        hovertemplate="%{x}: %{text}<extra>%{fullData.name}</extra>",
    )
    if not is_blank(baseline):
        fig.add_hline(
            y=baseline,
            line=dict(color=BASELINE_COLOUR, width=2, dash="dot"),
            annotation_text=i18n.t("chart.baseline", lang, baseline=settings.baseline_year)
            + f": {i18n.fmt_number(baseline, lang)}",
            annotation_position="bottom right",
        )
    if not is_blank(target):
        fig.add_hline(
            y=target,
            line=dict(color="#2e7d32", width=2),
            annotation_text=i18n.t("chart.target", lang) + f": {i18n.fmt_number(target, lang)}",
            annotation_position="top left",
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
    fig.update_yaxes(title_text=i18n.t("chart.points", lang), range=[max(0, _low(timeline) - 10), 100])
    fig.update_xaxes(title_text=i18n.t("chart.period", lang), type="category")
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


def milestones(settings: Settings, today: dt.date, lang: str = "vi") -> go.Figure:
    """The plan timeline (section IV) with today's position."""
    ms = sorted(settings.milestones, key=lambda m: m.date)
    fig = go.Figure()
    # the plan's own milestones above the line, the quarterly meetings below it
    levels = [-1 if m.key.startswith("meeting") else 1 for m in ms]
    fig.add_scatter(
        x=[m.date for m in ms],
        y=[0] * len(ms),
        mode="markers",
        marker=dict(size=18, color=["#2e7d32" if m.date <= today else TARGET_COLOUR for m in ms]),
        hovertext=[safe(f"{i18n.milestone_name(m, lang)} — {i18n.fmt_date(m.date, lang)}") for m in ms],
        hoverinfo="text",
        showlegend=False,
    )
    for m, lv in zip(ms, levels):
        fig.add_annotation(
            x=m.date,
            y=0,
            ax=0,
            ay=-55 * lv,
            text=f"<b>{safe(i18n.milestone_name(m, lang))}</b><br>{i18n.fmt_date(m.date, lang)}",
            showarrow=True,
            arrowcolor="#999",
            font=dict(size=14),
        )
    start, end = dt.date(settings.plan_year, 1, 1), dt.date(settings.plan_year, 12, 31)
    fig.add_shape(type="line", x0=start, x1=end, y0=0, y1=0, line=dict(color="#999", width=3))
    if start <= today <= end:
        fig.add_vline(x=today, line=dict(color="#c62828", width=3))
        fig.add_annotation(
            x=today, y=-1.4, text=i18n.t("chart.today", lang), showarrow=False, font=dict(color="#c62828", size=15)
        )
    fig.update_yaxes(visible=False, range=[-1.8, 1.8])
    fig.update_xaxes(
        range=[start - dt.timedelta(days=25), end + dt.timedelta(days=40)],
        tickformat="%m/%Y",
        dtick="M1",
        title_text=i18n.t("chart.date", lang),
    )
    return _layout(fig, i18n.t("chart.timeline_title", lang, year=settings.plan_year), 320)


ITEM_STATUS_ORDER = ("none", "not_started", "in_progress", "done")
ITEM_COLOURS = ("#eeeeee", "#ef9a9a", "#ffe082", "#81c784")


def transitions(table: pd.DataFrame, period: str, settings: Settings, lang: str = "vi") -> go.Figure:
    """Units by 2017 rating (rows) and current rating (columns); above the diagonal moved up."""
    rows = [i18n.rating_name(r, lang) for r in table.index]
    cols = [i18n.rating_name(c, lang) for c in table.columns]
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


def status_grid(
    matrix: pd.DataFrame,
    row_labels: list[str],
    col_labels: list[str],
    title: str,
    lang: str = "vi",
    subject: str = "",
) -> go.Figure:
    """A grid of plan-item statuses (not reported / not started / in progress / done)."""
    index = {s: i for i, s in enumerate(ITEM_STATUS_ORDER)}
    z = [[index.get(v, 0) for v in row] for row in matrix.to_numpy()]
    words = [
        [i18n.t(f"item.{v if v in index and v != 'none' else 'none'}", lang) for v in row] for row in matrix.to_numpy()
    ]
    n = len(ITEM_STATUS_ORDER)
    scale = []
    for i, colour in enumerate(ITEM_COLOURS):
        scale += [[i / n, colour], [(i + 1) / n, colour]]
    fig = go.Figure(
        go.Heatmap(
            z=z,
            x=col_labels,
            y=[safe(r) for r in row_labels],
            zmin=0,
            zmax=n,
            colorscale=scale,
            showscale=False,
            text=words,
            xgap=2,
            ygap=2,
            hovertemplate="%{y}<br>%{x}: %{text}<extra></extra>",
        )
    )
    for status, colour in zip(ITEM_STATUS_ORDER, ITEM_COLOURS):  # a legend people can read
        _legend_square(fig, colour, i18n.t(f"item.{status}", lang))
    fig.update_yaxes(autorange="reversed", automargin=True, showgrid=False, zeroline=False)
    fig.update_xaxes(side="top", tickangle=0, showgrid=False, zeroline=False)
    fig = _layout(fig, title, max(320, 190 + 38 * len(row_labels)), subject=subject)
    # the quarter or item labels sit on top of the grid, so the legend goes under it
    fig.update_layout(
        legend=dict(orientation="h", yanchor="top", y=-0.02, xanchor="left", x=-0.001),  # whole width
        margin=dict(t=120, b=60),
    )
    return fig


def companion_pairs(pairs: pd.DataFrame, period: str, settings: Settings, lang: str = "vi") -> go.Figure:
    """Each followed unit beside its companion: totals in the period, the unit's 2017 score; a pair
    the plan would want otherwise (another cụm, a companion below Vững mạnh) is marked ⚠."""
    marks = pairs["problems"] if "problems" in pairs else [[]] * len(pairs)
    labels = [("⚠ " if bad else "") + safe(short_name(n)) for n, bad in zip(pairs["unit_name"], marks)]
    statuses = [s if s in STATUS_COLOURS else None for s in pairs["status"]]
    fig = go.Figure()
    fig.add_bar(
        x=labels,
        y=pairs["total"],
        name=i18n.t("chart.special_unit", lang),
        showlegend=False,  # its colour is the status: a square per status names each one
        marker_color=[STATUS_COLOURS[s] for s in statuses],
        text=[i18n.fmt_number(v, lang) for v in pairs["total"]],
        textposition="outside",
        customdata=[safe(n) for n in pairs["unit_name"]],
        hovertemplate="%{customdata}: %{text}<extra></extra>",
    )
    for status in STATUS_COLOURS:
        if status in statuses:
            _legend_square(fig, STATUS_COLOURS[status], i18n.status_name(status, lang))
    fig.add_bar(
        x=labels,
        y=pairs["companion_total"],
        name=i18n.t("chart.companion", lang),
        marker_color="#90a4ae",
        customdata=list(zip([safe(n) for n in pairs["companion_name"]], _numbers(pairs["companion_total"], lang))),
        hovertemplate="%{customdata[0]}: %{customdata[1]}<extra></extra>",
    )
    fig.add_scatter(
        x=labels,
        y=pairs["baseline_total"],
        mode="markers",
        name=i18n.t("chart.baseline", lang, baseline=settings.baseline_year),
        marker=dict(symbol="line-ew", size=40, line=dict(width=4, color=BASELINE_COLOUR)),
        customdata=_numbers(pairs["baseline_total"], lang),
        hovertemplate="%{x}: %{customdata}<extra>%{fullData.name}</extra>",
    )
    fig.update_layout(barmode="group")
    fig.update_yaxes(title_text=i18n.t("chart.points", lang), range=[0, 105])
    return _layout(fig, i18n.t("chart.pairs_title", lang, period=i18n.period_name(period, lang)), 460)


def _legend_square(fig: go.Figure, colour: str, name: str) -> None:
    """A legend entry for a colour that marks something other than a trace (a status, a grid cell)."""
    fig.add_scatter(x=[None], y=[None], mode="markers", marker=dict(size=16, color=colour, symbol="square"), name=name)


def _numbers(values, lang: str, decimals: int = 1) -> list[str]:
    """Numbers as hover text in the reader's language ("58,5"): plotly's own format writes "58.5"."""
    return [i18n.fmt_number(v, lang, decimals) for v in values]


def short_name(name: str) -> str:
    return name if len(name) <= 48 else name[:46] + "…"


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
    fig.add_vline(x=day, line=dict(color="#555", width=2, dash="dash"))
    fig.add_annotation(  # under the axis's dates: above the plot it met the legend on a phone
        x=day,
        y=0,
        yref="paper",
        yshift=-30,
        text=safe(day_label),
        showarrow=False,
        yanchor="top",
        xanchor="center",
        font=dict(size=14, color="#555"),
    )
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
    fig = _layout(fig, i18n.t("chart.actions_title", lang), height=190 + 42 * max(1, len(order)))
    fig.update_layout(margin=dict(b=70))
    return fig
