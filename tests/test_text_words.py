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
