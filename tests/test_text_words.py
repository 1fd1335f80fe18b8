"""Thai words by pythainlp's newmm (pipeline/text/words.py)."""
from thaikpi.pipeline import text as tt
from thaikpi.pipeline.text import words


def test_runs_of_thai_letters_segment_as_word_tokenize_segments_them():
    # words() calls newmm directly for Thai letters alone (word_tokenize's steps after it
    # change nothing there): random runs, real phrases and damaged ones ("ค าน า" split).
    import random

    from pythainlp.tokenize import word_tokenize
    rng = random.Random(5)
    letters = [chr(c) for c in range(0x0E01, 0x0E4F)]
    runs = ["".join(rng.choice(letters) for _ in range(rng.randint(1, 40))) for _ in range(1500)]
    runs += ["ประสิทธิภาพ", "มหาวิทยาลัย", "คานา", "รวมทังการเปลีย", "ค่าใช้จ่ายเฉลีย", "ส่วนราชการได้จัดทำ"]
    for run in runs:
        assert words.words(run) == tuple(word_tokenize(run, engine="newmm", keep_whitespace=False)), run
    # anything else takes word_tokenize itself
    assert words.words("เวลา 12:00น") == tuple(word_tokenize("เวลา 12:00น", engine="newmm", keep_whitespace=False))


def test_a_known_token_across_a_join_is_always_a_known_piece_across_it():
    # join_split_words segments only where known_word_spans finds a known word that spans the
    # join: wherever the segmentation's token across the join is a known word, it must say so.
    import random
    rng = random.Random(7)
    letters = [chr(c) for c in range(0x0E01, 0x0E4F)]
    phrases = ["ประสิทธิภาพ", "มหาวิทยาลัย", "ส่วนราชการได้จัดทำ", "ค่าใช้จ่ายเฉลี่ย", "ติดตามการเบิกจ่าย",
               "งบประมาณ", "ชัชวาลย์ฉายะบุตร", "การปฏิบัติราชการ", "จังหวัดเชียงใหม่"]
    texts = phrases + ["".join(rng.choice(letters) for _ in range(rng.randint(2, 20))) for _ in range(80)]
    found = 0
    for text in texts:
        for cut in range(1, len(text)):
            left, right = text[max(0, cut - 12):cut], text[cut:cut + 12]
            at, across = 0, None
            for token in words.words(left + right):
                if at < len(left) < at + len(token):
                    across = token
                at += len(token)
            if across and words.is_known_word(across):
                found += 1
                assert words.known_word_spans(left, right), (left, right)
    assert found > 50
    assert words.known_word_spans("ประสิทธิ", "ภาพ")
    assert not words.known_word_spans("ชัชวาลย์", "ฉายะบุตร")
