"""Header labels (extractors/indicator_header.py): a header printed again is told from data."""
import random
from difflib import SequenceMatcher

from thaikpi.extractors import indicator_header as ih


def test_similar_labels_take_the_ratio_at_its_threshold_not_its_quick_bounds():
    # _similar asks SequenceMatcher's quick upper bounds first: they may pass where the ratio
    # fails (the same letters in another order), and a ratio of exactly the threshold passes
    assert ih._SAME_LABEL == 0.7
    assert SequenceMatcher(None, "1234567890", "1234567abc", autojunk=False).ratio() == 0.7
    assert ih._similar("1234567890", "1234567abc")
    assert not ih._similar("1234567890", "123456abcd")  # 0.6
    reordered = SequenceMatcher(None, "abcdefghij", "fghijabcde", autojunk=False)
    assert reordered.quick_ratio() == 1.0 and reordered.ratio() == 0.5
    assert not ih._similar("abcdefghij", "fghijabcde")


def test_a_header_repeated_on_a_page_is_told_as_before_when_the_compare_stops_early():
    # _repeats_row stops at a second miss and _similar asks SequenceMatcher's quick bounds
    # first: on header labels against themselves damaged, and against data cells, each answer
    # is the whole compare's (every label's verdict, the ratio itself)
    rng = random.Random(5)
    labels = ["ตัวชี้วัด", "หน่วยนับ", "ค่าเป้าหมาย", "ผลการดำเนินงาน", "ปี 2565", "ปี 2566", "น้ำหนัก",
              "ร้อยละ", "คะแนน", "", "ผลผลิต", "แผน", "ผล", "1", "80", "ระดับ 5"]

    def damaged(text):
        if not text or rng.random() < 0.5:
            return text
        at = rng.randrange(len(text))
        return text[:at] + rng.choice(["", "x", "ำ", " ", "5 po)"]) + text[at + 1:]

    agree = 0
    for _ in range(3000):
        seen = [rng.choice(labels) for _ in range(rng.randint(2, 7))]
        cells = [damaged(c) if rng.random() < 0.7 else rng.choice(labels) for c in seen]
        for a, b in zip(cells, seen):
            ka, kb = ih.loose_key(a), ih.loose_key(b)
            assert ih._similar(ka, kb) == (SequenceMatcher(None, ka, kb, autojunk=False).ratio() >= ih._SAME_LABEL)
        misses = sum(not ih._same_label(c, s) for c, s in zip(cells, seen))
        whole = misses <= 1 and sum(bool(c.strip()) for c in seen) - misses >= 2
        assert ih._repeats_row(cells, seen) == whole, (cells, seen)
        agree += whole
    assert 300 < agree < 2700  # both answers are asked often
