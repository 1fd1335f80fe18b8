"""Thai words by pythainlp's newmm (pipeline/text/words.py)."""
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


# nlpo3's wheels (pyproject.toml's marker): there, words() must take nlpo3's answers
_NLPO3_PLATFORMS = {("linux", "x86_64"), ("darwin", "arm64"), ("win32", "AMD64")}


def test_nlpo3_is_loaded_where_thaikpi_installs_it():
    import platform
    import sys

    if (sys.platform, platform.machine()) in _NLPO3_PLATFORMS:
        assert words._nlpo3_segment() is not None
    # with it or without it (no wheel: pythainlp's newmm alone), the same words
    assert words._newmm("ค่าใช้จ่ายเฉลี่ย") == ("ค่าใช้จ่าย", "เฉลี่ย")


def test_bug_nlpo3_cuts_a_word_whose_tone_mark_was_lost_where_newmm_does_not():
    # nlpo3's character clusters split "เ-ี-ย": its "เป/ลี/ย" ends a token where newmm's
    # clusters allow no cut, so newmm's answer is taken (the run is from a real budget book)
    fast = words._nlpo3_segment()
    if fast is not None:  # where it is installed (test_nlpo3_is_loaded_where_thaikpi_installs_it)
        assert fast("การปรับเปลีย", words.NLPO3_DICTIONARY) == ["การ", "ปรับ", "เป", "ลี", "ย"]
    assert words._newmm("การปรับเปลีย") == ("การ", "ปรับ", "เปลีย")


def test_runs_segment_as_newmm_segments_them_whichever_answers():
    # words strung together, damaged (letters dropped, added, marks changed), and random
    # letters: each run's words are newmm's, whether nlpo3's answer was taken or not
    import random

    from pythainlp.corpus import thai_words
    from pythainlp.tokenize.newmm import segment
    rng = random.Random(11)
    vocabulary = sorted(w for w in thai_words() if words.THAI_LETTERS.fullmatch(w))
    letters = [chr(c) for c in range(0x0E01, 0x0E4F)]
    runs, taken = _strung_and_damaged(rng, vocabulary, letters, "่้๊๋ำิีัํ", 4000, 12), 0
    runs += ["".join(rng.choice(letters) for _ in range(rng.randint(1, 40))) for _ in range(1000)]
    fast = words._nlpo3_segment()
    for run in filter(words.THAI_LETTERS.fullmatch, runs):
        taken += fast is not None and words._on_newmm_clusters(run, fast(run, words.NLPO3_DICTIONARY))
        assert words._newmm(run) == tuple(segment(run)), run
    assert fast is None or taken > 4500  # most answers are nlpo3's: the test holds what is taken


def test_sorted_words_give_newmm_the_prefixes_its_trie_gives():
    # newmm's fallback reads the word list sorted (no Trie to build): every prefix list at every
    # place of real and random runs is the Trie's, in its order, and so is the segmentation
    import random

    from pythainlp.tokenize import word_dict_trie
    from pythainlp.tokenize.newmm import segment
    rng = random.Random(13)
    letters = [chr(c) for c in range(0x0E01, 0x0E4F)]
    texts = ["การปรับเปลียนครุภัณฑ์สำน", "ค่าใช้จ่ายเฉลี่ย", "มหาวิทยาลัยราชภัฏรำไพพรรณี", "ก", "กข"]
    texts += ["".join(rng.choice(letters) for _ in range(rng.randint(1, 30))) for _ in range(300)]
    trie, ordered = word_dict_trie(), words._newmm_words()
    for text in texts:
        for start in range(len(text)):
            assert ordered.prefixes(text, start) == trie.prefixes(text, start), (text, start)
        assert segment(text, ordered) == segment(text, trie), text
    assert ordered.prefixes("มหาวิทยาลัย") == trie.prefixes("มหาวิทยาลัย") == ["มหา", "มหาวิทยาลัย"]


def test_nlpo3_answers_that_are_not_the_run_cut_at_newmm_clusters_go_to_newmm(monkeypatch):
    assert words._on_newmm_clusters("การเงิน", ["การ", "เงิน"])
    assert not words._on_newmm_clusters("การเงิน", ["การ"])  # a token lost
    assert not words._on_newmm_clusters("การเงิน", ["", "การ", "เงิน"])  # an empty token
    assert not words._on_newmm_clusters("การเงิน", ["การ", "เงีน"])  # a letter changed
    assert not words._on_newmm_clusters("การเงิน", ["การเ", "งิน"])  # cut inside the cluster "เงิ"

    def failing(run, dictionary):
        raise RuntimeError("nlpo3 cannot take this")
    monkeypatch.setattr(words, "_nlpo3_segment", lambda: failing)
    assert words._newmm("การปรับเปลีย") == ("การ", "ปรับ", "เปลีย")


def test_cluster_ends_are_pythainlps_tcc_ends():
    # the nlpo3 check asks newmm's clusters of one regex (cluster_ends); they must be the ends
    # pythainlp's own loop finds, on words strung together and damaged, random Thai with
    # other characters among it, and the clusters of each of pythainlp's rules
    import random

    from pythainlp.corpus import thai_words
    from pythainlp.tokenize.tcc_p import tcc_pos
    assert words._cluster_pattern() is not None  # the regex answers here, not the fallback
    rng = random.Random(17)
    vocabulary = sorted(thai_words())
    letters = [chr(c) for c in range(0x0E00, 0x0E80)] + list(" \n.a1")
    texts = ["", "ก", "เปลีย", "การปรับเปลียนครุภัณฑ์", "เกาะ", "แข็ง", "ก็", "อึ", "หึ", "กรรม์", "เลี้ยว"]
    texts += _strung_and_damaged(rng, vocabulary, letters, "่้๊๋ำิีัํ็์", 3000, 6)
    texts += ["".join(rng.choice(letters) for _ in range(rng.randint(1, 40))) for _ in range(3000)]
    for text in texts:
        assert words.cluster_ends(text) == tcc_pos(text), text
    # "กา" (rule c[ะ-ู]tk), "ร" (ck), "เงิน" (เcิtck)
    assert words.cluster_ends("การเงิน") == {2, 3, 7}


def _strung_and_damaged(rng, vocabulary, letters, marks, count: int, most_words: int) -> list[str]:
    """`count` runs of 1 to `most_words` words of the vocabulary strung together, each with up
    to three letters dropped, changed to one of `letters` or to one of `marks`."""
    runs = []
    for _ in range(count):
        run = "".join(rng.choice(vocabulary) for _ in range(rng.randint(1, most_words)))
        for _ in range(rng.randint(0, 3)):
            at = rng.randrange(len(run))
            run = run[:at] + rng.choice(["", rng.choice(letters), rng.choice(marks)]) + run[at + 1:]
        runs.append(run)
    return runs
