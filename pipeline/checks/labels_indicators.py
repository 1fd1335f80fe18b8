"""Thai words the checks of general indicator records read (pipeline/checks/indicators.py),
as data. Matched on thai_text.match_key forms (no spaces, Arabic digits)."""

# A target that is a ceiling: the result meets it when it is at most the target.
AT_MOST = ("ไม่เกิน", "ไม่มากกว่า", "น้อยกว่า", "ต่ำกว่า", "ลดลง")
# Words around a value that say how it compares, not what it counts: not a unit.
COMPARATOR_WORDS = ("ไม่น้อยกว่า", "ไม่ต่ำกว่า", "อย่างน้อย", "มากกว่า", "สูงกว่า") + AT_MOST
# The same unit written two ways.
UNIT_ALIASES = {"%": "ร้อยละ", "เปอร์เซ็นต์": "ร้อยละ"}
PERCENT_UNIT = "ร้อยละ"

# Rows that state the total or the average of the rows above them, kept as records.
TOTAL_NAMES = ("รวม", "รวมทั้งสิ้น", "ผลรวม", "รวมทั้งหมด")
AVERAGE_NAMES = ("เฉลี่ย", "ค่าเฉลี่ย", "เฉลี่ยรวม", "ค่าเฉลี่ยรวม")

# A result given with its parts: "171/200", "171 คน จาก 200 คน", "171 จากทั้งหมด 200".
FRACTION_WORDS = ("จากทั้งหมด", "จาก")
