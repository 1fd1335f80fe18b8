"""The ground floor: Thai text rules (digits, SARA AM, PUA, spacing, wraps, numbers, dates).

Readers, extractors, checks and outputs may import it; it imports nothing of thaikpi but
schemas. Each module holds one family of rules (letters, digits, dates, repair, clean, words,
lost_glyphs, quality, lists); this package re-exports their public names."""
from thaikpi.pipeline.text.clean import clean_line, clean_parsed, clean_text, match_key
from thaikpi.pipeline.text.dates import (
    THAI_MONTH_ABBREVIATIONS, THAI_MONTHS, be_to_ce, find_dates, find_fiscal_year, parse_thai_date,
    parse_thai_month, year_to_ce,
)
from thaikpi.pipeline.text.digits import (
    THAI_DIGITS, decimals_written, find_number, parse_baht, parse_number, to_arabic_digits, tolerance,
)
from thaikpi.pipeline.text.letters import (
    COMBINING_MARKS, NIKHAHIT, SARA_AA, SARA_AM, TONE_MARKS, is_thai, is_thai_letter,
)
from thaikpi.pipeline.text.lists import (
    is_list_marker, is_list_marker_start, is_page_number, join_lines, join_paragraphs, join_wrapped, split_inline_numbered,
    split_items,
)
from thaikpi.pipeline.text.lost_glyphs import LOST_GLYPH, repair_lost_glyphs
from thaikpi.pipeline.text.quality import NON_WORD_MIN_THAI, NON_WORD_SHARE, text_layer_problem, thai_share
from thaikpi.pipeline.text.repair import (
    PUA_TO_THAI, compose_sara_am, join_letter_spacing, join_split_words, map_pua, remove_space_before_marks,
    tidy_whitespace, undouble_overprint,
)
from thaikpi.pipeline.text.words import dictionary_share, document_memo

__all__ = [
    "COMBINING_MARKS", "LOST_GLYPH", "NIKHAHIT", "NON_WORD_MIN_THAI", "NON_WORD_SHARE", "PUA_TO_THAI",
    "SARA_AA", "SARA_AM", "THAI_DIGITS", "THAI_MONTHS", "THAI_MONTH_ABBREVIATIONS", "TONE_MARKS",
    "be_to_ce", "clean_line", "clean_parsed", "clean_text", "compose_sara_am", "decimals_written",
    "dictionary_share", "document_memo", "find_dates", "find_fiscal_year", "find_number",
    "is_list_marker", "is_list_marker_start", "is_page_number", "is_thai", "is_thai_letter", "join_letter_spacing",
    "join_lines", "join_paragraphs", "join_split_words", "join_wrapped", "map_pua", "match_key",
    "parse_baht", "parse_number", "parse_thai_date", "parse_thai_month", "remove_space_before_marks",
    "repair_lost_glyphs", "split_inline_numbered", "split_items", "text_layer_problem", "thai_share",
    "tidy_whitespace", "to_arabic_digits", "tolerance", "undouble_overprint", "year_to_ce",
]
