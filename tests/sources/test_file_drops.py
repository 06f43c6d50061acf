"""File-drop formats, the bad variants included: each bad record is one quarantine row."""

from __future__ import annotations

import json
import os
from datetime import UTC, date, datetime

from engagement.sources.config import Source
from engagement.sources.files import drop_files, read_drop
from engagement.sources.records import Article, Limits, Rejected, stable_id

DROPS = Source(name="demo-files", kind="files", path=".", language="en", timezone="Asia/Kolkata")
MTIME = datetime(2025, 11, 20, 8, 0, tzinfo=UTC)
GOOD = {
    "id": "demo-en-001",
    "url": "https://example.org/news/1",
    "source": "demo-english-daily",
    "title": "India and Japan sign semiconductor pact",
    "language": "en",
    "published": "2025-11-17T09:30:00+05:30",
    "text": "Prime Minister Narendra Modi met Japanese Prime Minister Shigeru Ishiba in Tokyo.",
}


def _drop(tmp_path, name: str, content: bytes | str, max_chars: int = 10_000):
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    os.utime(path, (MTIME.timestamp(), MTIME.timestamp()))
    return list(read_drop(path, name, DROPS, Limits(max_chars, 2_048, 1_000_000)))


def _reasons(records) -> list[tuple[str, str]]:
    return [(r.raw_ref, r.reason) for r in records if isinstance(r, Rejected)]


def test_jsonl_good_and_bad_lines(tmp_path):
    lines = [
        json.dumps(GOOD, ensure_ascii=False).encode(),
        b'{"id": "demo-en-002", "title": "truncated',
        json.dumps({**GOOD, "id": "demo-en-003", "published": None}).encode(),
        json.dumps({**GOOD, "id": "demo-en-004", "published": "17/11/2025 soon"}).encode(),
        json.dumps({**GOOD, "id": "demo-en-005", "text": "   "}).encode(),
        json.dumps({**GOOD, "id": "demo-en-006", "text": "x" * 10_001}).encode(),
        '{"id": "demo-hi-007", "text": "भारत"}'.encode()[:-6] + b'\xff\xfe"}',
        b"",
        b'["not", "an", "object"]',
    ]
    records = _drop(tmp_path, "batch/2025-11-17.jsonl", b"\n".join(lines))
    (article,) = [r for r in records if isinstance(r, Article)]
    assert (article.article_id, article.source) == ("demo-en-001", "demo-english-daily")
    assert article.published_at == datetime(2025, 11, 17, 4, 0, tzinfo=UTC)
    assert article.raw_ref == "batch/2025-11-17.jsonl:1"
    assert _reasons(records) == [
        ("batch/2025-11-17.jsonl:2", "bad_record"),
        ("batch/2025-11-17.jsonl:3", "missing_date"),
        ("batch/2025-11-17.jsonl:4", "bad_date"),
        ("batch/2025-11-17.jsonl:5", "empty_text"),
        ("batch/2025-11-17.jsonl:6", "too_large"),
        ("batch/2025-11-17.jsonl:7", "invalid_utf8"),
        ("batch/2025-11-17.jsonl:9", "bad_record"),
    ]
    undated = {r.raw_ref: r.day for r in records if isinstance(r, Rejected)}
    assert undated["batch/2025-11-17.jsonl:3"] == date(2025, 11, 20)  # file modification day
    assert undated["batch/2025-11-17.jsonl:5"] == date(2025, 11, 17)  # its own publication day


def test_txt_with_front_matter(tmp_path):
    (article,) = _drop(
        tmp_path,
        "hi/demo-hi-001.txt",
        (
            "---\nid: demo-hi-001\nurl: https://example.org/hi/1\ntitle: जयशंकर और लावरोव की बातचीत\n"
            "published: 2025-11-17T09:30:00+05:30\nlanguage: hi\nsource: demo-hindi-daily\n---\n"
            "विदेश मंत्री एस जयशंकर ने मॉस्को में रूसी विदेश मंत्री सर्गेई लावरोव से बातचीत की।\n"
        ),
    )
    assert (article.article_id, article.title, article.language, article.source) == (
        "demo-hi-001",
        "जयशंकर और लावरोव की बातचीत",
        "hi",
        "demo-hindi-daily",
    )
    assert article.text.startswith("विदेश मंत्री एस जयशंकर ने मॉस्को में")
    assert article.text.endswith("बातचीत की।")  # front matter and trailing newline gone
    assert article.published_at.isoformat() == "2025-11-17T04:00:00+00:00"


def test_txt_date_only_means_midnight_utc_and_naive_time_the_source_zone(tmp_path):
    (day_only,) = _drop(tmp_path, "a.txt", "---\npublished: 2025-11-17\n---\nSome body text here.")
    naive_time = "---\npublished: '2025-11-17 09:30'\n---\nSome body text here."
    (naive,) = _drop(tmp_path, "b.txt", naive_time)
    assert day_only.published_at == datetime(2025, 11, 17, tzinfo=UTC)
    assert naive.published_at == datetime(2025, 11, 17, 4, 0, tzinfo=UTC)  # Asia/Kolkata
    assert (day_only.article_id, day_only.language) == ("a", "en")  # file name; source default


def test_bad_txt_files(tmp_path):
    (no_front,) = _drop(tmp_path, "plain-note.txt", "Modi met Ishiba in Tokyo on Monday.")
    broken_yaml = "---\ntitle: [unclosed\npublished: 2025-11-17\n---\nBody."
    (broken,) = _drop(tmp_path, "broken.txt", broken_yaml)
    latin1_bytes = "---\npublished: 2025-11-17\n---\nSão Paulo".encode("latin-1")
    (latin1,) = _drop(tmp_path, "latin1.txt", latin1_bytes)
    assert (no_front.article_id, no_front.reason) == ("plain-note", "missing_date")
    assert no_front.day == date(2025, 11, 20)  # file modification day
    assert broken.reason == "bad_record"
    assert broken.detail.startswith("front matter is not YAML")
    assert (latin1.reason, latin1.raw_ref) == ("invalid_utf8", "latin1.txt:1")


def test_csv_rows_and_a_row_with_wrong_fields(tmp_path):
    header = "id,url,title,text,published,language,source\n"
    rows = [
        'demo-en-010,https://example.org/10,"Talks, again","Jaishankar met Wang Yi."'
        ",2025-11-17T08:00:00Z,en,wire",
        "demo-en-011,https://example.org/11,Short row",
        ',https://example.org/12,No id,"Ministers met in Delhi.",2025-11-17,,',
    ]
    records = _drop(tmp_path, "export.csv", header + "\n".join(rows) + "\n")
    articles = [r for r in records if isinstance(r, Article)]
    assert [(a.article_id, a.title, a.language, a.source) for a in articles] == [
        ("demo-en-010", "Talks, again", "en", "wire"),
        (stable_id("demo-files", "https://example.org/12"), "No id", "en", "demo-files"),
    ]
    assert _reasons(records) == [("export.csv:3", "bad_record")]


def test_html_file_is_reduced_to_its_article(tmp_path):
    html = (
        '<html lang="en"><head><title>India and Japan sign pact | Example Times</title>'
        '<meta property="article:published_time" content="2025-11-17T02:00:00+05:30"></head><body>'
        "<nav><a href='/'>Home</a> <a href='/world'>World</a></nav>"
        "<article><h1>India and Japan sign pact</h1>"
        "<p>Prime Minister Narendra Modi held talks with Japanese Prime Minister Shigeru Ishiba "
        "in Tokyo "
        "and the two leaders signed an agreement on semiconductor supply chains.</p>"
        "<p>External Affairs Minister S Jaishankar said the visit opened a new phase in the "
        "special "
        "strategic and global partnership between the two countries.</p></article>"
        "<footer>Copyright 2025 Example Times</footer></body></html>"
    )
    (article,) = _drop(tmp_path, "pages/summit.html", html)
    assert article.published_at == datetime(2025, 11, 16, 20, 30, tzinfo=UTC)
    assert (article.title, article.language) == ("India and Japan sign pact", "en")
    assert "semiconductor supply chains" in article.text and "Copyright" not in article.text
    assert article.article_id == stable_id("pages/summit.html", 1)


def test_hidden_readme_and_unknown_files_are_not_drops(tmp_path):
    names = (
        "a.jsonl",
        "sub/b.txt",
        ".hidden.jsonl",
        ".git/c.jsonl",
        "README.txt",
        "SOURCE.txt",
        "notes.md",
    )
    for name in names:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("{}", encoding="utf-8")
    found = [path.relative_to(tmp_path).as_posix() for path in drop_files(tmp_path)]
    assert found == ["a.jsonl", "sub/b.txt"]
