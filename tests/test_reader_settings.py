"""ReaderSettings: the PDF reader's tolerances in one documented, validated place, and the
reader reading with them."""
import ast
import dataclasses
import inspect

import pytest

from conftest import SAMPLES
from thaikpi.pipeline.readers.pdf_reader import read_pdf
from thaikpi.pipeline.settings import ReaderSettings, Settings

CHROMIUM_SAMPLE = next(SAMPLES.glob("*browser_print.chromium.pdf"))
FIELDS = [f.name for f in dataclasses.fields(ReaderSettings)]


def test_settings_hold_the_reader_s_defaults():
    assert Settings().reader == ReaderSettings()
    assert ReaderSettings().duplicate_tolerance == 1.0 and ReaderSettings().checkbox_max_side == 16


def test_reader_settings_are_frozen():
    with pytest.raises(dataclasses.FrozenInstanceError):
        ReaderSettings().indent = 4


def test_every_field_is_documented_with_its_unit():
    # a docstring right after each field, saying what it measures in
    tree = ast.parse(inspect.getsource(ReaderSettings))
    body = tree.body[0].body
    documented = {}
    for node, after in zip(body, body[1:]):
        if isinstance(node, ast.AnnAssign) and isinstance(after, ast.Expr) and isinstance(after.value, ast.Constant):
            documented[node.target.id] = after.value.value
    assert list(documented) == FIELDS
    for name, doc in documented.items():
        assert any(unit in doc for unit in ("Points", "points", "Share", "share", "Chars")), name


@pytest.mark.parametrize("name", FIELDS)
@pytest.mark.parametrize("value", [0, -1])
def test_a_value_that_is_not_positive_is_refused(name, value):
    with pytest.raises(ValueError, match=name):
        ReaderSettings(**{name: value})


@pytest.mark.parametrize("value", ["3", True, None])
def test_a_value_that_is_not_a_number_is_refused(value):
    with pytest.raises(ValueError, match="line_tolerance"):
        ReaderSettings(line_tolerance=value)


def test_checkbox_sides_must_make_a_range():
    with pytest.raises(ValueError, match="checkbox_min_side"):
        ReaderSettings(checkbox_min_side=16, checkbox_max_side=16)


@pytest.mark.parametrize("name", ["scan_coverage", "ocr_min_thai_share", "checkbox_mark_share"])
def test_a_share_over_one_is_refused(name):
    with pytest.raises(ValueError, match=name):
        ReaderSettings(**{name: 1.5})


def test_settings_refuse_a_reader_that_is_not_reader_settings():
    with pytest.raises(ValueError, match="reader"):
        Settings(reader={"indent": 8})


def test_the_table_tolerances_are_pdfplumber_s_defaults():
    from pdfplumber.table import TableSettings
    assert TableSettings.resolve(ReaderSettings().table_settings()) == TableSettings.resolve(None)


def test_the_reader_reads_with_the_settings_it_is_given():
    data = CHROMIUM_SAMPLE.read_bytes()
    default = read_pdf(data)
    text = "\n".join(line.text for line in default.lines)
    assert "☑ รอบ 6 เดือน" in text and any(line.table is not None for line in default.lines)
    # squares of 4-16 points are checkboxes by default; none are with a range below them
    no_boxes = read_pdf(data, settings=ReaderSettings(checkbox_min_side=1, checkbox_max_side=2))
    assert not any("☑" in line.text or "☐" in line.text for line in no_boxes.lines)
    # rules shorter than table_edge_min_length are left out of table finding: no table is left
    no_tables = read_pdf(data, settings=ReaderSettings(table_edge_min_length=10_000))
    assert all(line.table is None for line in no_tables.lines)
