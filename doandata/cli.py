"""python -m doandata SUBCOMMAND … — a thin face over the library.

Exit codes: 0 done, 1 refused (every problem printed), 2 unreadable or wrong arguments.
No subcommand lets a Python traceback reach the user.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import logging
import os
import re
import sys
from pathlib import Path

import sqlalchemy as sa

from . import cells, i18n, ingest, metrics, migrate, periods
from . import contract as C
from .drafts import PARTS
from .errors import DoanError, Exit
from .problems import ERROR
from .store import Store, default_url

OK, REFUSED, UNREADABLE = Exit.OK, Exit.REFUSED, Exit.UNREADABLE
SUMMARY_KEYS = [
    "unit_code",
    "unit_name",
    "cluster",
    "special",
    "period",
    "total",
    "rating",
    "baseline_total",
    "baseline_rating",
    "delta",
    "target_total",
    "expected_total",
    "status",
    "recognised",
    "items_done",
    "followed",
    "group",
    "stage",  # the stage the total rests on: self, checked, approved (#19)
]


class Parser(argparse.ArgumentParser):
    """argparse in the reader's language, its own words too ("usage:", "options", -h)."""

    def __init__(self, *args, lang: str = "vi", **kwargs):
        super().__init__(*args, add_help=False, formatter_class=_formatter(lang), **kwargs)
        self._positionals.title = i18n.t("cli.help.positionals", lang)
        self._optionals.title = i18n.t("cli.help.options", lang)
        self.add_argument("-h", "--help", action="help", default=argparse.SUPPRESS, help=i18n.t("cli.help.help", lang))

    def error(self, message: str):  # one clear line in Vietnamese, not a usage dump
        self.exit(UNREADABLE, f"doandata: {_argparse_vi(message)} (xem: python -m doandata --help)\n")


def _formatter(lang: str) -> type[argparse.HelpFormatter]:
    class Formatter(argparse.HelpFormatter):
        def add_usage(self, usage, actions, groups, prefix=None):
            prefix = i18n.t("cli.help.usage", lang) if prefix is None else prefix
            return super().add_usage(usage, actions, groups, prefix)

    return Formatter


# The positional arguments by what they are; options keep their own spelling (--period).
ARGUMENT_NAMES = {"command": "lệnh", "file": "tệp", "kind": "loại mẫu", "id": "số lần tải lên"}


def _names(what: str) -> str:
    return ", ".join(ARGUMENT_NAMES.get(name, name) for name in what.split(", "))


def _argparse_vi(message: str) -> str:
    """argparse's own English sentences, said in Vietnamese (the rest are passed through)."""
    m = re.match(r"the following arguments are required: (.+)", message)
    if m:
        return i18n.t("cli.missing_argument", what=_names(m.group(1)))
    m = re.match(r"argument (\S+): invalid choice: '(.*)' \(choose from (.+)\)", message)
    if m:
        return i18n.t("cli.bad_choice", what=_names(m.group(1)), value=m.group(2), allowed=m.group(3).replace("'", ""))
    m = re.match(r"argument (\S+): invalid int value: '(.*)'", message)
    if m:
        return i18n.t("cli.bad_number", what=_names(m.group(1)), value=m.group(2))
    m = re.match(r"argument (\S+): expected one argument", message)
    if m:
        return i18n.t("cli.missing_value", what=m.group(1))
    m = re.match(r"unrecognized arguments: (.+)", message)
    if m:
        return i18n.t("cli.unknown_argument", what=m.group(1))
    return message


def build_parser(lang: str = "vi") -> argparse.ArgumentParser:
    """The parser, its help in `lang`. --db and --lang are taken before or after the subcommand, as
    the README says: a subcommand's own copy wins only when it is given."""

    def says(key: str) -> str:
        return i18n.t(key, lang)

    parser = Parser(prog="python -m doandata", description=says("cli.help.description"), lang=lang)
    parser.add_argument("--db", metavar="URL", help=says("cli.help.db"))
    parser.add_argument("--lang", choices=i18n.LANGS, default="vi", help=says("cli.help.lang"))
    sub = parser.add_subparsers(dest="command", required=True, parser_class=Parser)

    def command(name: str, key: str) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=says(key), description=says(key), lang=lang)
        p.add_argument("--db", metavar="URL", default=argparse.SUPPRESS, help=says("cli.help.db"))
        p.add_argument("--lang", choices=i18n.LANGS, default=argparse.SUPPRESS, help=says("cli.help.lang"))
        return p

    command("seed", "cli.help.seed")
    for name, key in (("import", "cli.help.import"), ("validate", "cli.help.validate")):
        p = command(name, key)
        p.add_argument("file", help=says("cli.help.file"))
        p.add_argument("--period", metavar=says("cli.help.period_name"), help=says("cli.help.period_upload"))
        p.add_argument("--marked", metavar="OUT.xlsx", help=says("cli.help.marked"))
        p.add_argument("--stage", metavar=says("cli.help.stage_name"), help=says("cli.help.stage_upload"))
        if name == "import":
            p.add_argument("--by", default="", help=says("cli.help.by"))
    p = command("summary", "cli.help.summary")
    p.add_argument("--period", required=True, metavar=says("cli.help.period_name"), help=says("cli.help.period"))
    p.add_argument("--json", action="store_true", help=says("cli.help.json"))
    p = command("template", "cli.help.template")
    p.add_argument("kind", choices=[k for k, kind in C.KINDS.items() if not kind.part_of], help=says("cli.help.kind"))
    p.add_argument("-o", "--output", required=True, metavar=says("cli.help.file_name"), help=says("cli.help.output"))
    p.add_argument("--period", metavar=says("cli.help.period_name"), help=says("cli.help.period_template"))
    p = command("report", "cli.help.report")
    p.add_argument("--period", required=True, metavar=says("cli.help.period_name"), help=says("cli.help.period_report"))
    p.add_argument(
        "-o", "--output", required=True, metavar=says("cli.help.file_name"), help=says("cli.help.report_output")
    )
    p.add_argument("--number", default="", help=says("cli.help.number"))
    p.add_argument("--code", default="BC/ĐTN", help=says("cli.help.code"))
    p.add_argument("--signer", help=says("cli.help.signer"))  # not given: the name in settings
    p.add_argument("--date", default="", help=says("cli.help.date"))
    p.add_argument("--group", type=int, metavar="N", help=says("cli.help.report_group"))
    p = command("report-text", "cli.help.report_text")
    p.add_argument("--period", required=True, metavar=says("cli.help.period_name"), help=says("cli.help.period_report"))
    p.add_argument("--kind", choices=("quarter", "midyear", "final"), help=says("cli.help.report_kind"))
    p.add_argument("--part", help=i18n.t("cli.help.report_part", lang, parts=", ".join(PARTS)))
    p.add_argument("--set-file", metavar=says("cli.help.file_name"), help=says("cli.help.set_file"))
    p.add_argument("--by", default="", help=says("cli.help.by_editor"))
    p.add_argument("--json", action="store_true", help=says("cli.help.json"))
    p = command("actions", "cli.help.actions")
    p.add_argument(
        "--period", default="now", metavar=says("cli.help.period_name"), help=says("cli.help.period_actions")
    )
    p.add_argument("--group", type=int, metavar="N", help=says("cli.help.group"))
    p.add_argument("--json", action="store_true", help=says("cli.help.json"))
    p = command("meetings", "cli.help.meetings")
    p.add_argument("--group", type=int, metavar="N", help=says("cli.help.group"))
    p.add_argument("--json", action="store_true", help=says("cli.help.json"))
    p = command("commendations", "cli.help.commendations")
    p.add_argument(
        "--period", required=True, metavar=says("cli.help.period_name"), help=says("cli.help.period_commendations")
    )
    p.add_argument("--json", action="store_true", help=says("cli.help.json"))
    p.add_argument("--decide", metavar="CODE", help=says("cli.help.decide"))
    p.add_argument("--decision", help=says("cli.help.decision"))
    p.add_argument("--kind", choices=("unit", "companion", "person"), help=says("cli.help.commend_kind"))
    p.add_argument("--by", default="", help=says("cli.help.by"))
    p = command("scores", "cli.help.scores")
    p.add_argument("--period", required=True, metavar=says("cli.help.period_name"), help=says("cli.help.period"))
    p.add_argument("--unit", required=True, metavar=says("cli.help.unit_name"), help=says("cli.help.unit"))
    p.add_argument("--json", action="store_true", help=says("cli.help.json"))
    p = command("approve", "cli.help.approve")
    p.add_argument("--period", required=True, metavar=says("cli.help.period_name"), help=says("cli.help.period"))
    p.add_argument("--group", type=int, metavar="N", help=says("cli.help.approve_group"))
    p.add_argument("--by", default="", help=says("cli.help.by_approve"))
    p.add_argument("--yes", action="store_true", help=says("cli.help.yes"))
    p = command("brief", "cli.help.brief")  # the meeting brief (#20)
    p.add_argument("--since", required=True, metavar="DATE", help=says("cli.help.since"))
    p.add_argument("--at", metavar="DATE", help=says("cli.help.at"))
    p.add_argument("--json", action="store_true", help=says("cli.help.json"))
    for name, key in (("backup", "cli.help.backup"), ("restore", "cli.help.restore")):
        command(name, key).add_argument("file", help=says("cli.help.backup_file"))
    command("history", "cli.help.history")
    command("upgrade", "cli.help.upgrade")
    command("hash-password", "cli.help.hash_password")
    p = command("rollback", "cli.help.rollback")
    p.add_argument("id", type=int, help=says("cli.help.id"))
    p.add_argument("--by", default="", help=says("cli.help.by_rollback"))
    return parser


def lang_asked(argv: list[str]) -> str:
    """The --lang of the command line, wherever it stands (the last one given), before parsing:
    --help is answered while parsing, in the language asked for."""
    lang = "vi"
    for i, arg in enumerate(argv):
        if arg == "--lang" and i + 1 < len(argv):
            lang = argv[i + 1]
        elif arg.startswith("--lang="):
            lang = arg.partition("=")[2]
    return lang if lang in i18n.LANGS else "vi"


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    args = build_parser(lang_asked(argv)).parse_args(argv)
    # what the app's log says (in English, for the server's log) is said here in the reader's words
    logging.getLogger("doandata").addHandler(logging.NullHandler())
    if args.command == "hash-password":  # needs no store
        return cmd_hash_password(None, args)
    try:
        store = Store(args.db or default_url())
    except DoanError as exc:
        return _said(exc, args.lang)
    except (sa.exc.SQLAlchemyError, OSError, ValueError) as exc:
        return _fail(i18n.t("cli.db_error", args.lang, url=_shown(args.db or default_url()), reason=_short(exc)))
    try:
        return COMMANDS[args.command](store, args)
    except DoanError as exc:
        return _said(exc, args.lang)
    except KeyboardInterrupt:
        return _fail(i18n.t("cli.interrupted", args.lang))
    except BrokenPipeError:  # `… | head`: the reader has gone, nothing more to say
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return OK
    except sa.exc.SQLAlchemyError as exc:
        return _fail(i18n.t("cli.db_error", args.lang, url=_shown(store.url), reason=_short(exc)))
    except Exception as exc:  # noqa: BLE001 - a user never sees a traceback, even for our bugs
        return _fail(i18n.t("cli.unexpected", args.lang, kind=type(exc).__name__))
    finally:
        store.dispose()


def _fail(line: str, code: int = UNREADABLE) -> int:
    print(line, file=sys.stderr)
    return code


def _said(exc: DoanError, lang: str) -> int:
    """Any error of ours, in the reader's language: on stdout when nothing failed (the same file
    uploaded again), else on stderr."""
    print(exc.message(lang), file=sys.stdout if exc.exit_status == OK else sys.stderr)
    return int(exc.exit_status)


def _shown(url: str) -> str:
    """A store URL fit to print: the password hidden."""
    try:
        return sa.engine.make_url(url).render_as_string(hide_password=True)
    except sa.exc.ArgumentError:
        return url


def _short(exc: BaseException) -> str:
    return str(exc).splitlines()[0][:200] if str(exc) else type(exc).__name__


# ---------------------------------------------------------------- scoring in stages (#19)

SCORE_KEYS = ["criterion", "self", "checked", "approved", "reason", "evidence"]


def _quarter_or_none(store: Store, args) -> str | None:
    """The period of --period (a review gives its quarter), or None when it is not one of the plan's."""
    settings = store.settings()
    period = periods.review_quarter(args.period, settings.plan_year) or C.normalise_period(args.period)
    return period if period in settings.periods else None


def _period_refused(store: Store, args) -> int:
    allowed = ", ".join(store.settings().periods)
    return _fail(i18n.t("cli.period_unknown", args.lang, value=args.period, allowed=allowed))


def cmd_scores(store: Store, args) -> int:
    """One unit's scores of a period, criterion by criterion, at each stage, with the group's reason
    and the evidence."""
    period = _quarter_or_none(store, args)
    if period is None:
        return _period_refused(store, args)
    units = store.units()
    code = C.normal_code(args.unit)
    if code not in set(units["unit_code"]):
        by_name = {C.fold(n): c for c, n in zip(units["unit_code"], units["name"])}
        code = by_name.get(C.fold(args.unit))
    if code is None:
        return _fail(i18n.t("cli.unit_unknown", args.lang, value=C.clean_text(args.unit)))
    frame = store.card_scores(period, code)

    def number(v):
        return None if v != v else round(float(v), 2)

    records = [
        {
            "criterion": r["criterion"],
            "self": number(r["self"]),
            "checked": number(r["checked"]),
            "approved": number(r["approved"]),
            "reason": r["reason"] if isinstance(r["reason"], str) else None,
            "evidence": (
                {"text": _text_or_none(r["evidence_text"]), "link": _text_or_none(r["evidence_link"])}
                if isinstance(r["evidence_text"], str) or isinstance(r["evidence_link"], str)
                else None
            ),
        }
        for r in frame.to_dict("records")
    ]
    if _printed_json_or_none(records, SCORE_KEYS, "cli.no_scores", args):
        return OK
    heads = [i18n.t("cli.scores_head", args.lang)] + [i18n.t(f"stage.{s}", args.lang) for s in C.STAGE_KEYS]
    print(" | ".join(heads))
    for r in records:
        cells = [r["criterion"]] + [i18n.fmt_number(r[s], args.lang) if r[s] is not None else "—" for s in C.STAGE_KEYS]
        extra = [r["reason"] or "", " ".join(v for v in (r["evidence"] or {}).values() if v)]
        print(" | ".join(cells + [e for e in extra if e]))
    return OK


def _text_or_none(value) -> str | None:
    return value if isinstance(value, str) and value else None


YES_WORDS = ("y", "yes", "c", "co", "dong y")


def cmd_approve(store: Store, args) -> int:
    """Ban Thường vụ duyệt: the period's checked scores, of one working group's units or of all, approved
    in one history entry; asks first unless --yes."""
    period = _quarter_or_none(store, args)
    if period is None:
        return _period_refused(store, args)
    waiting = store.approvable(period, args.group)
    who = (
        i18n.t("cli.approve_group", args.lang, group=args.group)
        if args.group is not None
        else i18n.t("cli.approve_all", args.lang)
    )
    if not waiting:
        from .store import NothingToApprove

        raise NothingToApprove(period, args.group)
    if not args.yes:
        question = i18n.t(
            "cli.approve_confirm",
            args.lang,
            n=len(waiting),
            who=who,
            period=i18n.period_name(period, args.lang),
            units=", ".join(waiting),
        )
        print(question, end=" ", flush=True)
        try:
            answer = input()
        except EOFError:
            answer = ""
        if C.fold(answer) not in YES_WORDS:
            return _fail(i18n.t("cli.approve_cancelled", args.lang), REFUSED)
    by = args.by or _login_name()
    entry = store.approve(period, args.group, by=by)
    print(i18n.t("cli.approved", args.lang, n=len(waiting), period=i18n.period_name(period, args.lang), entry=entry))
    return OK


def _login_name() -> str:
    import getpass

    try:
        return getpass.getuser()
    except Exception:  # noqa: BLE001 - no login name: the store asks for one
        return ""


def cmd_upgrade(store: Store, args) -> int:
    after, before = migrate.head(), store.upgraded_from
    if before is None:
        print(i18n.t("cli.created", args.lang, after=after))
    elif before == after:
        print(i18n.t("cli.up_to_date", args.lang, after=after))
    else:
        print(i18n.t("cli.upgraded", args.lang, before=before, after=after))
    return OK


def cmd_seed(store: Store, args) -> int:
    if not store.is_empty():
        print(i18n.t("cli.seed_not_empty", args.lang))
        return OK
    outcomes = ingest.seed(store)
    print(i18n.t("cli.seeded", args.lang, count=len(outcomes)))
    return OK


def cmd_import(store: Store, args, store_it: bool = True) -> int:
    path = Path(args.file)
    data, name = _read(path)
    if store_it:
        outcome = ingest.import_bytes(data, name, store, args.period, by=args.by, stage=args.stage)
    else:
        outcome = ingest.inspect(data, name, store, args.period, args.stage)
    batch = outcome.batch
    stream = sys.stdout if batch.ok else sys.stderr  # a refusal says everything on stderr
    for problem in batch.problems:
        print(problem.line(args.lang), file=stream)
    if args.marked and batch.problems:
        from . import markup  # openpyxl only when asked for

        Path(args.marked).write_bytes(markup.marked_workbook(data, name, batch.problems, args.lang, store=store))
        print(i18n.t("cli.marked", args.lang, file=args.marked))
    if not batch.ok:
        errors = sum(p.severity == ERROR for p in batch.problems)
        return _fail(i18n.t("cli.refused", args.lang, errors=errors), REFUSED)
    facts = dict(
        kinds=", ".join(i18n.t(f"kind.{k}", args.lang) for k in dict.fromkeys(batch.kinds)),
        periods=", ".join(i18n.period_name(p, args.lang) for p in batch.periods) or "—",
        rows=batch.rows(),
        units=batch.units_touched(),
    )
    if store_it:
        print(i18n.t("cli.stored", args.lang, id=outcome.imported.id, **facts))
    else:
        print(i18n.t("cli.valid", args.lang, **facts))
    return OK


def _read(path: Path) -> tuple[bytes, str]:
    from .read import read_path

    return read_path(path)


def cmd_validate(store: Store, args) -> int:
    return cmd_import(store, args, store_it=False)


def cmd_summary(store: Store, args) -> int:
    settings = store.settings()
    # a review gives the rows it reads: the sơ kết Q2's, the tổng kết (10/2018) Q3's
    period = periods.review_quarter(args.period, settings.plan_year) or C.normalise_period(args.period)
    if period not in settings.periods:
        allowed = ", ".join([*settings.periods, *(r.option for r in periods.REVIEWS)])
        return _fail(i18n.t("cli.period_unknown", args.lang, value=args.period, allowed=allowed))
    frame = metrics.of_period(store, period, settings)
    if args.json:
        print(summary_json(frame))
        return OK
    names = {s: i18n.status_name(s, args.lang) for s in (*metrics.STATUS_ORDER, None)}
    lines = [
        f"{code:<8} {i18n.fmt_number(total, args.lang):>6} ({i18n.fmt_signed(delta, args.lang)})  "
        f"{names[status]:<16} {name}"
        for code, total, delta, status, name in zip(
            *(frame[k].tolist() for k in ("unit_code", "total", "delta", "status", "unit_name"))
        )
    ]
    print("\n".join(lines))
    return OK


def summary_json(frame) -> str:
    """The summary's rows as a JSON array: numbers rounded to 2 decimals, NaN as null (pandas'
    C encoder: 50,000 units in a tenth of a second)."""
    out = frame[SUMMARY_KEYS].copy()
    floats = [k for k in SUMMARY_KEYS if out[k].dtype.kind == "f"]
    out[floats] = out[floats].round(2)
    return out.to_json(orient="records", force_ascii=False)


ACTION_KEYS = ["unit_code", "group", "item", "action", "owner", "partner", "due", "status", "overdue", "result"]
MEETING_KEYS = ["group", "date", "period", "present", "absent", "units", "conclusions"]


def cmd_actions(store: Store, args) -> int:
    """The support plans' actions, each with whether it is overdue at the period's end (or today)."""
    from . import support

    settings = store.settings()
    period = support.NOW if C.fold(args.period) in ("now", "hom nay") else C.normalise_period(args.period)
    if period != support.NOW and period not in settings.periods:
        allowed = ", ".join([*settings.periods, support.NOW])
        return _fail(i18n.t("cli.period_unknown", args.lang, value=args.period, allowed=allowed))
    units = store.units()
    groups = support.unit_groups(units, store.members())
    actions = support.with_overdue(store.support_actions(), support.judged_at(period))
    records = [
        {
            "unit_code": a["unit_code"],
            "group": groups.get(a["unit_code"]),
            "item": a["item_code"],
            "action": a["action"],
            "owner": a["owner"],
            "partner": a["partner"] or "",
            "due": _iso(a["due"]),
            "status": support.JSON_STATUS.get(a["status"], a["status"]),
            "overdue": bool(a["overdue"]),
            "result": a["result"] or "",
            "_no": int(a["action_no"]),
            "_status": a["status"],
        }
        for a in actions.to_dict("records")
        if args.group is None or groups.get(a["unit_code"]) == args.group
    ]
    if _printed_json_or_none(records, ACTION_KEYS, "cli.no_actions", args):
        return OK
    for r in records:
        flag = i18n.t("cli.overdue", args.lang) if r["overdue"] else ""
        print(
            f"{r['unit_code']:<8} #{r['_no']:<3} {r['item']:<5} {i18n.fmt_date(dt.date.fromisoformat(r['due']), args.lang)}  "
            f"{i18n.t('item.' + r['_status'], args.lang):<16} {flag:<9} {r['action']} ({r['owner']})"
        )
    return OK


def _printed_json_or_none(records: list[dict], keys: list[str], none_key: str, args) -> bool:
    """With --json the records' contract keys as a JSON array; without, a line when there are none.
    True when that was all there is to print."""
    if args.json:
        print(json.dumps([{k: r[k] for k in keys} for r in records], ensure_ascii=False))
        return True
    if not records:
        print(i18n.t(none_key, args.lang))
        return True
    return False


def cmd_meetings(store: Store, args) -> int:
    """The working groups' meetings, each with its quarter."""
    meetings = store.meetings()
    records = [
        {
            "group": int(m["group_no"]),
            "date": _iso(m["meeting_date"]),
            "period": m["period"],
            "present": m["present"] or "",
            "absent": m["absent"] or "",
            "units": [c for c in (m["units_discussed"] or "").split(",") if c],
            "conclusions": m["conclusions"] or "",
            "place": m["place"] or "",
        }
        for m in meetings.to_dict("records")
        if args.group is None or int(m["group_no"]) == args.group
    ]
    if _printed_json_or_none(records, MEETING_KEYS, "cli.no_meetings", args):
        return OK
    for r in records:
        print(
            i18n.t(
                "cli.meeting_line",
                args.lang,
                group=r["group"],
                date=i18n.fmt_date(dt.date.fromisoformat(r["date"]), args.lang),
                period=i18n.period_name(r["period"], args.lang),
                place=r["place"] or "—",
                units=", ".join(r["units"]) or "—",
            )
        )
    return OK


BRIEF_KEYS = ["changed", "missing_reports", "actions_done", "actions_overdue", "projected_short", "to_decide"]


def cmd_brief(store: Store, args) -> int:
    """The meeting brief of the meeting on --at (today) since the meeting on --since (brief.py)."""
    from . import brief

    since = brief.parse_date(args.since)
    if since is None:
        return _fail(i18n.t("cli.bad_date", args.lang, value=args.since))
    at = dt.date.today() if args.at is None else brief.parse_date(args.at)
    if at is None:
        return _fail(i18n.t("cli.bad_date", args.lang, value=args.at))
    if since >= at:
        return _fail(i18n.t("cli.dates_order", args.lang, since=i18n.fmt_date(since), at=i18n.fmt_date(at)))
    made = brief.build(store, at=at, since=since)
    if args.json:
        record = made.record()
        print(json.dumps({**{k: record[k] for k in BRIEF_KEYS}, **record}, ensure_ascii=False))
        return OK
    print(brief.title(made, args.lang))
    for heading, lines in brief.sections(made, args.lang):
        print()
        print(heading)
        for line in lines:
            print(f"- {line}")
    return OK


def _iso(value) -> str | None:
    """A stored date as YYYY-MM-DD (SQLite and PostgreSQL give a date; a frame may hold a string)."""
    if value is None or (isinstance(value, float) and value != value):
        return None
    return value.isoformat()[:10] if hasattr(value, "isoformat") else str(value)[:10]


def cmd_template(store: Store, args) -> int:
    from . import safety, templates

    safety.require_defused_xml()
    period = C.normalise_period(args.period) if args.period else None
    criteria = store.criteria()
    units = store.units()
    data = templates.write_workbook(
        args.kind, period=period, criteria=criteria if len(criteria) else None, units=units, settings=store.settings()
    )
    try:
        Path(args.output).write_bytes(data)
    except OSError as exc:
        return _fail(i18n.t("cli.cannot_write", args.lang, file=args.output, reason=_short(exc)))
    print(args.output)
    return OK


def cmd_report(store: Store, args) -> int:
    from . import reports, safety
    from .cells import parse_date

    safety.require_defused_xml()
    settings = store.settings()
    resolved = reports.resolve_kind(args.period, settings)
    if resolved is None:
        allowed = ", ".join(periods.report_choices(settings.plan_year))
        return _fail(i18n.t("cli.period_unknown", args.lang, value=args.period, allowed=allowed))
    fmt = Path(args.output).suffix.lower().lstrip(".")
    if fmt not in ("docx", "xlsx"):
        return _fail(i18n.t("cli.report_format", args.lang, file=args.output))
    date = None
    if args.date:
        date, problem = parse_date(args.date)
        if problem:
            return _fail(i18n.t("problem.not_date", args.lang, value=args.date))
    if store.units().empty:
        return _fail(i18n.t("cli.report_empty", args.lang), REFUSED)
    if args.group is not None:  # a working group's quarterly report (#15): the quarter of the period given
        from . import support

        if fmt != "docx":
            return _fail(i18n.t("cli.group_docx", args.lang))
        groups = support.groups_of(store.units(), store.members(), store.meetings())
        if args.group not in groups:
            allowed = ", ".join(str(g) for g in groups) or "—"
            return _fail(i18n.t("cli.group_unknown", args.lang, group=args.group, allowed=allowed))
        code = args.code if args.code != "BC/ĐTN" else "BC/TCT"  # the committee's default is not the group's
        signing = reports.Signing(number=args.number, code=code, signer=args.signer or "", date=date)
        data = reports.build_group(store, args.group, resolved[1], signing)
    else:
        signing = reports.Signing(number=args.number, code=args.code, signer=args.signer, date=date)
        data = reports.build(store, *resolved, fmt, signing)
    try:
        Path(args.output).write_bytes(data)
    except OSError as exc:
        return _fail(i18n.t("cli.cannot_write", args.lang, file=args.output, reason=_short(exc)))
    print(i18n.t("cli.report_written", args.lang, file=args.output))
    return OK


def cmd_report_text(store: Store, args) -> int:
    """The prose parts of a report (#16): printed, each the editors' text or the draft; with --part
    and --set-file one part set from a file (an empty file puts it back to the draft)."""
    from . import drafts, reports

    settings = store.settings()
    resolved = reports.resolve_kind(args.period, settings)
    if resolved is None:
        allowed = ", ".join(periods.report_choices(settings.plan_year))
        return _fail(i18n.t("cli.period_unknown", args.lang, value=args.period, allowed=allowed))
    kind, period = args.kind or resolved[0], resolved[1]
    if args.part is not None and args.part not in drafts.PARTS:
        return _fail(i18n.t("cli.part_unknown", args.lang, value=args.part, allowed=", ".join(drafts.PARTS)))
    if args.set_file is not None:
        if args.part is None:
            return _fail(i18n.t("cli.part_needed", args.lang, allowed=", ".join(drafts.PARTS)))
        try:
            text = Path(args.set_file).read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as exc:
            return _fail(i18n.t("cli.cannot_read", args.lang, file=args.set_file, reason=_short(exc)))
        entry = store.save_report_texts(kind, period, {args.part: text}, by=args.by)
        print(i18n.t("cli.text_saved" if entry else "cli.text_same", args.lang, part=args.part, entry=entry or 0))
        return OK
    if store.units().empty:
        return _fail(i18n.t("cli.report_empty", args.lang), REFUSED)
    texts = reports.texts_of(store, kind, period, args.lang)
    if args.part is not None:
        texts = {args.part: texts[args.part]}
    if args.json:
        shown = {
            part: {
                "text": t["text"],
                "edited": t["edited"],
                "by": t["by"],
                "at": t["at"].isoformat() if t["at"] else None,
            }
            for part, t in texts.items()
        }
        print(json.dumps(shown, ensure_ascii=False))
        return OK
    for part, t in texts.items():
        said = i18n.t("cli.text_edited", args.lang, by=t["by"], at=i18n.fmt_datetime(t["at"], args.lang))
        print(f"== {part} ({said if t['edited'] else i18n.t('cli.text_draft', args.lang)})")
        print(t["text"])
    return OK


def cmd_backup(store: Store, args) -> int:
    from .backup import backup_to

    try:
        backup_to(store.engine, args.file)
    except OSError as exc:
        return _fail(i18n.t("cli.cannot_write", args.lang, file=args.file, reason=_short(exc)))
    print(i18n.t("cli.backup_done", args.lang, file=args.file))
    return OK


def cmd_restore(store: Store, args) -> int:
    from .backup import restore_from

    if not Path(args.file).is_file():
        return _fail(i18n.t("problem.file_missing", args.lang, file=args.file))
    try:
        restore_from(store.engine, args.file)
    except OSError as exc:  # the store's own file cannot be written
        return _fail(i18n.t("cli.cannot_write", args.lang, file=_shown(store.url), reason=_short(exc)))
    print(i18n.t("cli.restore_done", args.lang, file=args.file))
    return OK


def cmd_history(store: Store, args) -> int:
    for row in store.history().to_dict("records"):
        state = "" if row["active"] else " (đã hoàn tác)" if args.lang == "vi" else " (undone)"
        target = f" → #{int(row['target_id'])}" if not cells.is_blank(row["target_id"]) and row["target_id"] else ""
        print(
            f"#{row['id']:<4} {i18n.fmt_datetime(row['at'], args.lang)}  {row['action']:<9}{target} {row['kinds']:<18} "
            f"{row['periods']:<24} {row['filename']}  +{row['rows_added']}/~{row['rows_replaced']}"
            f"  {row['by']}{state}"
        )
    return OK


def cmd_rollback(store: Store, args) -> int:
    entry = store.rollback(args.id, by=args.by)
    print(i18n.t("cli.rolled_back", args.lang, id=args.id, entry=entry))
    return OK


def cmd_hash_password(store: Store, args) -> int:
    """The password is read without echo (or from stdin), never from the command line."""
    import getpass

    from . import auth

    if sys.stdin.isatty():
        first = getpass.getpass(i18n.t("cli.password", args.lang))
        if first != getpass.getpass(i18n.t("cli.password_again", args.lang)):
            return _fail(i18n.t("cli.password_mismatch", args.lang), REFUSED)
    else:
        first = sys.stdin.readline().rstrip("\n")
    if len(first) < 8:
        return _fail(i18n.t("cli.password_short", args.lang), REFUSED)
    print(auth.hash_password(first))
    return OK


# ---------------------------------------------------------------- the commendation proposal (#16)

COMMENDATION_KEYS = ["kind", "key", "name", "unit_code", "unit_name", "role", "reason", "decision", "current"]


def cmd_commendations(store: Store, args) -> int:
    """The proposal of a quarter or a review, one candidate a line (or a JSON array); with --decide,
    the Standing Committee's decision on one candidate recorded first (a history entry)."""
    from . import commendations as K

    settings = store.settings()
    target = K.target(args.period, settings)
    if target is None:
        return _fail(i18n.t("cli.period_unknown", args.lang, value=args.period, allowed=K.choices(settings)))
    if args.decide is not None:
        if not args.decision:
            return _fail(i18n.t("cli.commend_decision_needed", args.lang))
        entry = store.decide_commendation(target.key, args.kind, args.decide, args.decision, by=args.by)
        chosen = next(
            c
            for c in K.candidates(store, target, args.lang)
            if c.key.upper() == args.decide.strip().upper() and (args.kind is None or c.kind == args.kind)
        )
        said = {"name": chosen.name, "decision": K.decision_name(chosen.decision, args.lang)}
        key = "cli.commend_unchanged" if entry is None else "cli.commend_decided"
        print(i18n.t(key, args.lang, entry=entry, **said), file=sys.stderr if args.json else sys.stdout)
    records = [c.record() for c in K.candidates(store, target, args.lang)]
    if _printed_json_or_none(records, COMMENDATION_KEYS, "cli.no_commendations", args):
        return OK
    for i, r in enumerate(records, start=1):
        who = r["name"] if r["kind"] != "person" else f"{r['name']} ({K.role_name(r['role'], args.lang)})"
        print(
            f"{i:>2}. [{r['key']}] {K.kind_name(r['kind'], args.lang)} · {who} · "
            f"{K.decision_name(r['decision'], args.lang)}\n    {r['reason']}"
            + ("" if r["current"] else f" {K.note(K.Candidate(**r), args.lang)}")
        )
    return OK


COMMANDS = {
    "commendations": cmd_commendations,
    "brief": cmd_brief,
    "backup": cmd_backup,
    "restore": cmd_restore,
    "hash-password": cmd_hash_password,
    "report": cmd_report,
    "report-text": cmd_report_text,
    "seed": cmd_seed,
    "import": cmd_import,
    "validate": cmd_validate,
    "summary": cmd_summary,
    "template": cmd_template,
    "actions": cmd_actions,
    "meetings": cmd_meetings,
    "history": cmd_history,
    "rollback": cmd_rollback,
    "upgrade": cmd_upgrade,
    "scores": cmd_scores,
    "approve": cmd_approve,
}
