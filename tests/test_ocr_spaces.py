"""Spaces Thai OCR dropped, put back where label words show one was printed
(pipeline/text/ocr_spaces.py, issue 24): the M&E scan's "จำนวน ๔ จังหวัด จังหวัดน่าน ..." and
"๕ หลักสูตร ดังนี้" read run together; Thai text that runs on as printed stays."""
from thaikpi.extractors.labels import LIST_FOLLOWS_WORDS, NAME_PREFIXES
from thaikpi.pipeline.text.ocr_spaces import restored_spaces


def spaced(text: str) -> str:
    return restored_spaces(text, NAME_PREFIXES, LIST_FOLLOWS_WORDS)


def test_place_names_run_together_are_split():
    assert spaced("จำนวน ๔ จังหวัดจังหวัดน่าน จังหวัดแพร่จังหวัด") == "จำนวน ๔ จังหวัด จังหวัดน่าน จังหวัดแพร่ จังหวัด"
    assert spaced("อำเภอเมืองอำเภอปัว ตำบลตำบลหนึ่ง") == "อำเภอเมือง อำเภอปัว ตำบล ตำบลหนึ่ง"


def test_a_place_name_after_other_words_runs_on_as_printed():
    assert spaced("และจังหวัดสงขลา ในจังหวัดน่าน ต่างจังหวัด") == "และจังหวัดสงขลา ในจังหวัดน่าน ต่างจังหวัด"


def test_a_list_follows_word_run_into_its_unit_is_set_apart():
    assert spaced("จำนวน ๕ หลักสูตรดังนี้") == "จำนวน ๕ หลักสูตร ดังนี้"
    assert spaced("ดังนี้ และดังต่อไปนี้ คือ หรือคือ") == "ดังนี้ และ ดังต่อไปนี้ คือ หรือคือ"


def test_a_mark_read_apart_from_its_letter_joins_it_again():
    assert spaced("หลักสูตรด ังนี้ ม ีผู้เข้ารับ") == "หลักสูตร ดังนี้ มีผู้เข้ารับ"
