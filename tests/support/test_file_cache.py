"""The session's cached readers (support.file_cache): a file is read once while it is unchanged,
again once it is rewritten, and no caller can change what the next one gets."""

from __future__ import annotations

import os

from support.file_cache import per_file


def counting_reader():
    reads: list[str] = []

    @per_file(copy=list, keep=2)
    def lines(path, upper=False):
        reads.append(str(path))
        text = path.read_text(encoding="utf-8")
        return (text.upper() if upper else text).splitlines()

    return lines, reads


def test_an_unchanged_file_is_read_once_and_a_rewritten_one_again(tmp_path):
    lines, reads = counting_reader()
    path = tmp_path / "a.txt"
    path.write_text("one\ntwo\n", encoding="utf-8")
    assert lines(path) == ["one", "two"] and lines(path) == ["one", "two"]
    assert len(reads) == 1
    path.write_text("one\ntwo\nthree\n", encoding="utf-8")
    assert lines(path) == ["one", "two", "three"] and len(reads) == 2
    # the same size and the same modification time (rewritten within the clock's granularity):
    # read again
    st = path.stat()
    path.write_text("ONE\ntwo\nthree\n", encoding="utf-8")
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns))
    assert lines(path) == ["ONE", "two", "three"] and len(reads) == 3


def test_arguments_are_part_of_the_key_and_the_oldest_result_is_dropped(tmp_path):
    lines, reads = counting_reader()
    path = tmp_path / "a.txt"
    path.write_text("one\n", encoding="utf-8")
    assert lines(path) == ["one"] and lines(path, upper=True) == ["ONE"] and len(reads) == 2
    other = tmp_path / "b.txt"
    other.write_text("b\n", encoding="utf-8")
    lines(other)  # keep=2: the first result (path, not upper) is dropped
    assert lines(path, upper=True) == ["ONE"] and len(reads) == 3
    assert lines(path) == ["one"] and len(reads) == 4


def test_each_caller_gets_its_own_copy(tmp_path):
    lines, reads = counting_reader()
    path = tmp_path / "a.txt"
    path.write_text("one\ntwo\n", encoding="utf-8")
    first = lines(path)
    first.clear()
    assert lines(path) == ["one", "two"] and len(reads) == 1
