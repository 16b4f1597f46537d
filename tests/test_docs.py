"""What is declared is checked against its use (in the spirit of Datasette's tests/test_docs.py): the
string catalogue against the code, the README's configuration table against the settings read, and
the domain package against Streamlit."""

import ast
import functools
import re
import string
import subprocess
import sys

import pytest

from doandata import commendations, drafts, errors, i18n, metrics, periods, problems, reports
from doandata import contract as C
from pages._filters import OVERVIEW_PARTS
from tests.conftest import ROOT

SOURCES = sorted([*(ROOT / "doandata").rglob("*.py"), *(ROOT / "pages").glob("*.py"), ROOT / "dashboard.py"])

# Keys built at run time from a prefix and a value (f"kind.{kind}", "report." + key), each prefix
# with the values it takes where the code declares them, else None: any string the code holds.
STATUSES = (*metrics.STATUS_ORDER, "no_data")
DYNAMIC_PREFIXES = {
    "problem.": None,  # problems.Problem: the code given to error(), warning(), Unreadable()
    "severity.": (problems.ERROR, problems.WARNING),
    "kind.": tuple(C.KINDS),
    "templates.help.": tuple(C.KINDS),
    "status.": STATUSES,
    "metric.": (*STATUSES, "recognised"),  # the overview's counts
    "item.": (*(s.key for s in C.STATUSES), "none"),
    "rating.": (*(r.name for r in C.DEFAULT_SCALE), *(r.name for r in C.PREVIOUS_DEFAULT_SCALE)),
    "shown.": metrics.SHOWN,  # the sidebar's choice of units
    "overview.part.": OVERVIEW_PARTS,  # pages/tong_quan.py: the part on screen
    "set.": metrics.SHOWN,  # tables.subject: which units a chart shows
    "group.": (*metrics.GROUPS, "other"),  # tables.group_name
    "unit.kind_": (*metrics.GROUPS, "other"),
    "pair.": ("other_cluster", "not_strong"),  # metrics.pair_problems
    "plan.": C.PLAN_ITEM_CODES,
    "report.": None,  # a quarterly report's fields
    "history.action_": None,  # an upload's action: import, seed, settings, upgrade, unseed
    "reports.": tuple(periods.REVIEW_BY_KEY),
    "review.": tuple(periods.REVIEW_BY_KEY),
    "error.": tuple(code.value for code in errors.Code),  # DoanError.message
    "doc.": ("place", "signer_title", "on_behalf", "superior", "issuer"),  # reports.Signing.worded
    "doc.draft.": None,  # drafts._t: a sentence of a drafted part
    "texts.part.": drafts.PARTS,  # pages/bao_cao.py: each part's text area
    "texts.kind.": reports.KINDS,  # tables.action_name: the report whose wording was edited
    "doc.title.": reports.KINDS,
    "doc.subtitle.": reports.KINDS,
    "doc.task.": STATUSES,
    "doc.col.": None,  # reports._columns: a table's column keys
    "doc.sheet.": None,  # reports._sheet: a sheet's name
    "doc.heading.": None,  # and its heading
    "reports.get_": ("docx", "xlsx"),  # the report page's two download buttons
    "milestone.": tuple(i18n.DEFAULT_MILESTONES),  # i18n.milestone_name: a default milestone's key
    "milestone_note.": tuple(i18n.DEFAULT_MILESTONES),
    # the commendation proposal (commendations.py)
    "commend.refused.": None,  # commendations.Refused(why)
    "commend.kind.": commendations.KINDS,
    "commend.decision.": commendations.DECISIONS,
    "commend.role.": commendations.ROLES,
    "commend.lines.": commendations.KINDS,
    "commend.doc.": ("collective", "individual"),
    "commend.doc.col.": None,
    "commend.get_": ("docx", "xlsx"),
    "stage.": C.STAGE_KEYS,  # scoring stages (#19)
    "brief.doc.col.": ("unit", "before", "after", "projected", "range", "target", "shortfall"),  # brief.to_docx
}


@functools.cache
def trees() -> dict:
    return {path: ast.parse(path.read_text(), str(path)) for path in SOURCES}


def literals() -> set[str]:
    """Every string the code holds, the catalogue's own keys and texts aside."""
    catalogue = {
        id(inner)
        for tree in trees().values()
        for node in ast.walk(tree)
        if isinstance(node, ast.AnnAssign) and getattr(node.target, "id", "") == "CATALOGUE"
        for inner in ast.walk(node.value)
    }
    return {
        node.value
        for tree in trees().values()
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in catalogue
    }


def text_calls() -> list[tuple[str, int, str]]:
    """Every i18n.t("literal", …) of the code, with where it is."""
    out = []
    for path, tree in trees().items():
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and node.args and isinstance(node.args[0], ast.Constant):
                name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
                if name == "t" and isinstance(node.args[0].value, str):
                    out.append((path.relative_to(ROOT).as_posix(), node.lineno, node.args[0].value))
    return out


def fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


def test_every_key_the_code_asks_for_exists():
    missing = [f"{path}:{line} {key}" for path, line, key in text_calls() if key not in i18n.CATALOGUE]
    assert not missing


def test_every_dynamic_prefix_is_built_somewhere():
    """The allow-list above stays honest: each prefix is the start of an f-string or a sum in the code."""
    built = set()
    for tree in trees().values():
        for node in ast.walk(tree):
            parts = (
                node.values if isinstance(node, ast.JoinedStr) else [node.left] if isinstance(node, ast.BinOp) else []
            )
            if parts and isinstance(parts[0], ast.Constant) and isinstance(parts[0].value, str):
                built.add(parts[0].value)
    assert [p for p in DYNAMIC_PREFIXES if not any(b.startswith(p) for b in built)] == []


def test_no_key_is_unused():
    held = literals()
    unused = [
        key
        for key in i18n.CATALOGUE
        if key not in held
        and not any(
            key.startswith(p) and key.removeprefix(p) in held.union(values or ())
            for p, values in DYNAMIC_PREFIXES.items()
        )
    ]
    assert unused == []


# Texts whose languages say one fact with different values: Quý II/2018 but Q2 2018.
OWN_PLACEHOLDERS = {"period.quarter": ({"roman", "year"}, {"q", "year"})}


@pytest.mark.parametrize("key", sorted(i18n.CATALOGUE))
def test_vietnamese_and_english_take_the_same_placeholders(key):
    vi, en = i18n.CATALOGUE[key]
    assert vi.strip(), "every text has its Vietnamese"
    if key in OWN_PLACEHOLDERS:
        assert (fields(vi), fields(en)) == OWN_PLACEHOLDERS[key]
    else:
        assert not en or fields(vi) == fields(en)


# words after a placeholder that are not plural nouns ("{file} is empty"), and placeholders that
# are not counts ("{baseline} results": a year)
NOT_NOUNS = {"is", "has", "needs", "unpacks", "appears", "gives", "was", "does"}
NOT_COUNTS = {"baseline"}


def test_english_plurals_agree_with_their_count():
    """A count before an English noun says the noun through {n:row|rows}, so that 1 row, 2 rows."""
    bare = [
        f"{key}: {{{field}}} {word}"
        for key, (_vi, en) in i18n.CATALOGUE.items()
        if "%{" not in en  # plotly's hover templates count nothing of ours
        for field, word in re.findall(r"\{(\w+)\} ([a-z]+s)\b", en)
        if word not in NOT_NOUNS and field not in NOT_COUNTS
    ]
    assert bare == []
    assert i18n.t("cli.refused", "en", errors=1).startswith("Nothing stored: the file has 1 error.")
    assert i18n.t("cli.refused", "en", errors=2).startswith("Nothing stored: the file has 2 errors.")
    assert i18n.t("cli.refused", "vi", errors=1).startswith("Không lưu gì: tệp có 1 lỗi.")
    assert i18n.t("upload.changes_count", "en", moved=1, same=2) == (
        "1 unit gets a new or changed total, 2 stay the same."
    )


def test_the_readme_names_every_setting_read():
    """The configuration table lists each environment variable the package reads and each key of
    secrets.toml that config.py asks for."""
    readme = (ROOT / "README.md").read_text()
    table = readme.split("## Configuration", 1)[1].split("\n## ", 1)[0]
    code = "\n".join(p.read_text() for p in (ROOT / "doandata").rglob("*.py"))
    settings = set(re.findall(r"\"(DOANDATA_[A-Z_]+)\"", code))
    config = ast.parse((ROOT / "doandata" / "config.py").read_text())
    secrets = {
        node.args[1].value
        for node in ast.walk(config)
        if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "_setting"
    }
    assert settings and secrets  # the search itself still finds them
    assert sorted(s for s in settings | secrets if f"`{s}`" not in table) == []


def test_the_domain_package_never_imports_streamlit():
    """Every module of doandata, imported in a fresh interpreter, leaves streamlit out of sys.modules."""
    script = (
        "import importlib, pkgutil, sys, doandata\n"
        "names = [m.name for m in pkgutil.walk_packages(doandata.__path__, 'doandata.') if m.name != 'doandata.__main__']\n"
        "for name in names: importlib.import_module(name)\n"
        "print(len(names), sorted(m for m in sys.modules if m.split('.')[0] == 'streamlit'))\n"
    )
    out = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    count, loaded = out.stdout.split(" ", 1)
    assert int(count) >= 20 and loaded.strip() == "[]"


def test_the_committed_sample_is_what_make_sample_writes(tmp_path):
    """The sample is written by the template writer: a change to the templates is a change to the
    sample, made by running sample_data/make_sample.py and committing what it writes."""
    sys.path.insert(0, str(ROOT / "sample_data"))
    try:
        import make_sample
    finally:
        sys.path.pop(0)
    written = make_sample.main(tmp_path)
    stale = [p.name for p in written if p.read_bytes() != (ROOT / "sample_data" / p.name).read_bytes()]
    assert stale == [], "run python sample_data/make_sample.py and commit the sample"
