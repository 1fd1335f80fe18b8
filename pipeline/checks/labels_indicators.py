"""Thai words the checks of general indicator records read (pipeline/checks/indicators.py),
as data. Matched on thai_text.match_key forms (no spaces, Arabic digits)."""

# A target that is a ceiling: the result meets it when it is at most the target.
AT_MOST = ("ไม่เกิน", "ไม่มากกว่า", "น้อยกว่า", "ต่ำกว่า", "ลดลง")
# Words around a value that say how it compares, not what it counts: not a unit.
COMPARATOR_WORDS = ("ไม่น้อยกว่า", "ไม่ต่ำกว่า", "อย่างน้อย", "มากกว่า", "สูงกว่า") + AT_MOST
# The same unit written two ways.
UNIT_ALIASES = {"%": "ร้อยละ", "เปอร์เซ็นต์": "ร้อยละ"}
PERCENT_UNIT = "ร้อยละ"

# The names of total and average rows: extractors/labels_indicators.py (SUM_ROW_NAMES,
# AVERAGE_ROW_NAMES), one list for the extractor that reads them and the check.

# A result given with its parts: "171/200", "171 คน จาก 200 คน", "171 จากทั้งหมด 200".
FRACTION_WORDS = ("จากทั้งหมด", "จาก")
