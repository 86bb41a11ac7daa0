"""The translation-memory contract, run against every backend: SQLite file, SQLite in memory, PostgreSQL.

PostgreSQL tests connect to ``$HENAN_TERMS_PG_URL`` (default
``postgresql://henan_terms:henan_terms@localhost/henan_terms_test``), each in a schema of its own.
They are skipped when no server answers, except with ``HENAN_TERMS_REQUIRE_PG=1`` (set by
``.ci/run``, which installs and starts a server), where that is a failure.
"""

from __future__ import annotations

import os
import random
import shutil
import sqlite3
import subprocess
import uuid
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta, timezone
from itertools import chain, pairwise
from pathlib import Path

import polib
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree
from rapidfuzz.distance import Levenshtein

from henan_terms import Glossary, HenanTermsError, Status
from henan_terms.languages import language_tag
from henan_terms.model import TMUnit
from henan_terms.tm import index, rows
from henan_terms.tm.index import BLOCK, bigrams, length_class, length_window, plan, postings, score
from henan_terms.tm.normalize import nfkc, normalize, normalize_many
from henan_terms.tm.protocol import TranslationMemory
from henan_terms.tm.results import AddCounts
from henan_terms.tm.store import open_tm

from .conftest import shared_path

BACKENDS = ("sqlite-file", "sqlite-memory", "postgresql")
PG_URL = os.environ.get("HENAN_TERMS_PG_URL", "postgresql://henan_terms:henan_terms@localhost/henan_terms_test")
HAN = "链长制产业发展智能化改造数字经济先进制造业强省头雁"

Factory = Callable[[], TranslationMemory]


def _pg_required() -> bool:
    return os.environ.get("HENAN_TERMS_REQUIRE_PG") == "1"


def _pg_unavailable(reason: str) -> None:
    message = f"PostgreSQL not available ({reason}); set HENAN_TERMS_PG_URL to a server's URL"
    if _pg_required():
        pytest.fail(message)
    pytest.skip(message)


class _Postgres:
    """Fresh schemas on the test server, dropped at the end."""

    def __init__(self) -> None:
        try:
            import psycopg
        except ImportError:
            _pg_unavailable("psycopg is not installed: pip install '.[postgres]'")
        try:
            self.admin = psycopg.connect(PG_URL, autocommit=True, connect_timeout=5)
        except psycopg.Error as error:
            _pg_unavailable(f"cannot connect to {PG_URL}: {str(error).strip()}")
        self.schemas: list[str] = []

    def url(self) -> str:
        schema = f"tm_test_{uuid.uuid4().hex[:12]}"
        self.admin.execute(f"CREATE SCHEMA {schema}")
        self.schemas.append(schema)
        separator = "&" if "?" in PG_URL else "?"
        return f"{PG_URL}{separator}options=-csearch_path%3D{schema}"

    def close(self) -> None:
        for schema in self.schemas:
            self.admin.execute(f"DROP SCHEMA {schema} CASCADE")
        self.admin.close()


@pytest.fixture(params=BACKENDS)
def make_tm(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Factory]:
    """A factory of empty translation memories of one backend."""
    opened: list[TranslationMemory] = []
    postgres = _Postgres() if request.param == "postgresql" else None

    def make() -> TranslationMemory:
        if postgres is not None:
            url = postgres.url()
        elif request.param == "sqlite-file":
            url = str(tmp_path / f"{uuid.uuid4().hex}.sqlite")
        else:
            url = ":memory:"
        tm = open_tm(url)
        opened.append(tm)
        return tm

    yield make
    for tm in opened:
        tm.close()
    if postgres is not None:
        postgres.close()


@pytest.fixture
def tm(make_tm: Factory) -> TranslationMemory:
    return make_tm()


@pytest.fixture
def postgres() -> Iterator[_Postgres]:
    """The test server, for tests of PostgreSQL alone; their schemas are dropped at the end."""
    server = _Postgres()
    yield server
    server.close()


def unit(source: str, target: str = "Target.", **fields: object) -> TMUnit:
    return TMUnit(source, target, **fields)  # type: ignore[arg-type]


def brute_force(units: list[TMUnit], query: str, min_score: float) -> list[tuple[str, str, float]]:
    """Every stored unit scoring at least min_score, best first, ties in the order stored."""
    wanted = normalize(query)
    if not wanted:
        return []  # the contract: an empty query finds nothing
    scored = [(score(wanted, normalize(u.source)), index, u) for index, u in enumerate(units)]
    found = sorted((-value, index, u) for value, index, u in scored if value >= min_score)
    return [(u.source, u.target, -value) for value, _, u in found]


def found(
    tm: TranslationMemory, query: str, min_score: float, limit: int | None = None
) -> list[tuple[str, str, float]]:
    return [(m.unit.source, m.unit.target, m.score) for m in tm.search(query, min_score, limit)]


# Adding and reading back ---------------------------------------------------------------------------


def test_units_keep_every_field(tm: TranslationMemory) -> None:
    created = datetime(2023, 3, 23, 0, 32, 5, 123456, tzinfo=timezone(timedelta(hours=8)))
    stored = TMUnit(
        "以链长制为抓手。",
        "Take the chain leader system as the lever.",
        source_lang="zh-CN",
        target_lang="en-GB",
        origin="henan-advanced-manufacturing#p26",
        created=created,
        confidence=0.8125,
        properties=(("aligner", "gale-church"), ("note", "b"), ("aligner", "second")),
        tuid="tu-1",
    )
    plain = TMUnit("头雁企业", "leading enterprises")
    assert tm.add([stored, plain]).added == 2
    assert list(tm.units()) == [stored, plain]
    assert len(tm) == 2


def test_the_same_pair_is_stored_once(tm: TranslationMemory) -> None:
    first = unit("以链长制为抓手，推动发展。", "Use the chain leader system.", origin="a#p1")
    same = [
        unit("以鏈長制為抓手，推動發展。", "Use the chain leader system.", origin="b#p2"),  # traditional script
        unit(" 以链长制为抓手,推动发展。 ", "Use  the chain leader system.", origin="c#p3"),  # width, spaces
        unit("以链长制为抓手，推动发展。", "Use the chain leader system.", source_lang="ZH-cn"),  # tag case
    ]
    counts = tm.add([first, *same, first])
    assert (counts.added, counts.duplicates, counts.empty) == (1, 4, 0)
    assert tm.add(same).duplicates == 3
    assert [u.origin for u in tm.units()] == ["a#p1"]


def test_other_target_or_languages_are_other_units(tm: TranslationMemory) -> None:
    counts = tm.add(
        [
            unit("以链长制为抓手。", "Use the chain leader system."),
            unit("以链长制为抓手。", "Rely on the chain chief system."),
            unit("以链长制为抓手。", "Use the chain leader system.", target_lang="en-US"),
        ]
    )
    assert counts.added == 3


def test_units_without_text_are_not_stored(tm: TranslationMemory) -> None:
    counts = tm.add([unit("", "x"), unit("源", " \u3000 "), unit("源", "source")])
    assert (counts.added, counts.empty) == (1, 2)


def test_text_no_store_can_keep_is_refused(tm: TranslationMemory) -> None:
    with pytest.raises(HenanTermsError, match="NUL"):
        tm.add([unit("源\x00", "x")])
    with pytest.raises(HenanTermsError, match="surrogate"):
        tm.add([unit("源", "x\ud800")])
    good = [unit(f"好{i}", "Good.") for i in range(5)]
    with pytest.raises(HenanTermsError, match="'坏'"):
        tm.add([*good, unit("坏", "Bad.", properties=(("note", "\x00"),)), *good])
    assert len(tm) == 0


def test_adding_streams_in_chunks(tm: TranslationMemory, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(rows, "CHUNK", 100)
    units = (unit(f"第{i}条：{HAN[i % 7 : i % 7 + 5]}", f"Item {i}.") for i in range(1200))
    assert tm.add(chain(units, [unit("第5条：" + HAN[5:10], "Item 5.")])) == AddCounts(1200, 1, 0)
    assert tm.search("第1100条：" + HAN[1100 % 7 : 1100 % 7 + 5], 100)[0].unit.target == "Item 1100."
    (gram,) = bigrams(normalize("条："))
    assert tm.count_postings([gram], (0, length_class(2**62))) == {gram: 1200}  # each unit listed once


def test_an_add_that_fails_stores_nothing(tm: TranslationMemory, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(rows, "CHUNK", 100)
    tm.add([unit("已有的句子", "Kept.")])
    units = [unit(f"第{i}条", f"Item {i}.") for i in range(250)]
    with pytest.raises(HenanTermsError, match="NUL"):
        tm.add([*units, unit("坏\x00", "Bad.")])
    assert [unit.target for unit in tm.units()] == ["Kept."]
    assert tm.add(units).added == 250
    assert tm.search("第249条", 100)[0].unit.target == "Item 249."


def test_postgresql_writers_adding_at_once_both_succeed(postgres: _Postgres, monkeypatch: pytest.MonkeyPatch) -> None:
    """Two large adds into one team memory at the same time: neither fails, nothing is lost."""
    url = postgres.url()
    memories = [open_tm(url), open_tm(url)]
    monkeypatch.setattr(index, "BLOCK", 16)  # the writers' chunks of ids interleave across many blocks
    monkeypatch.setattr(rows, "CHUNK", 20)
    batches = [
        [unit(f"{HAN[i % 9 : i % 9 + 8]}第{writer}号{i}条", f"Item {writer}-{i}.") for i in range(600)]
        for writer in (1, 2)
    ]
    try:
        with ThreadPoolExecutor(max_workers=2) as pool:
            counts = list(pool.map(lambda memory, batch: memory.add(batch), memories, batches))
        assert [count.added for count in counts] == [600, 600] and len(memories[0]) == 1200
        for batch in batches:
            assert [match.unit.target for match in memories[1].search(batch[-1].source, 100)] == [batch[-1].target]
    finally:
        for memory in memories:
            memory.close()


def test_postgresql_add_held_past_the_wait_is_a_clear_error(postgres: _Postgres) -> None:
    import psycopg

    url = postgres.url()
    with open_tm(url, wait=0.2) as memory, psycopg.connect(url) as other:
        other.execute("LOCK TABLE tm_postings IN SHARE ROW EXCLUSIVE MODE")  # another add in progress
        with pytest.raises(HenanTermsError, match=r"nothing added .*writing to it for more than 0\.2 s"):
            memory.add([unit("新的句子", "New.")])
        other.rollback()
        assert memory.add([unit("新的句子", "New.")]).added == 1


def test_postgresql_connection_lost_while_adding_is_a_clear_error(postgres: _Postgres) -> None:
    url = postgres.url()
    with open_tm(url) as memory:
        memory.add([unit("已有的句子", "Kept.")])
        postgres.admin.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
            " WHERE datname = current_database() AND usename = current_user AND pid <> pg_backend_pid()"
        )
        with pytest.raises(HenanTermsError, match="nothing added to the translation memory"):
            memory.add([unit("新的句子", "New.")])
    with open_tm(url) as memory:
        assert [unit.target for unit in memory.units()] == ["Kept."]


# Fuzzy lookup ---------------------------------------------------------------------------------------


def test_an_exact_sentence_is_found_with_score_100_and_its_translation(tm: TranslationMemory) -> None:
    tm.add(
        [
            unit("以链长制为抓手，推动产业链现代化。", "Use the chain leader system to modernise industrial chains."),
            unit("推动制造业高质量发展。", "Promote high-quality development of manufacturing."),
        ]
    )
    [match] = tm.search("以链长制为抓手，推动产业链现代化。")
    assert match.score == 100.0
    assert match.unit.target == "Use the chain leader system to modernise industrial chains."


def test_lookup_normalises_script_width_quotes_and_spaces(tm: TranslationMemory) -> None:
    tm.add([unit("实施“头雁”企业培育行动。", "Cultivate leading enterprises.")])
    [match] = tm.search("實施「頭雁」企業培育行動。")
    assert match.score == 100.0
    assert tm.search("\u3000实施＂头雁＂企业培育行动。 ")[0].score == 100.0


def test_scores_below_min_score_are_left_out(tm: TranslationMemory) -> None:
    tm.add([unit("一二三四五六七八", "x")])
    assert found(tm, "一二三四五六七九", 75) == [("一二三四五六七八", "x", 87.5)]
    assert found(tm, "一二三四五六九九", 75) == [("一二三四五六七八", "x", 75.0)]
    assert found(tm, "一二三四五九九九", 75) == []
    assert found(tm, "一二三四五九九九", 60) == [("一二三四五六七八", "x", 62.5)]


def test_ties_keep_the_order_stored_and_limit_cuts(tm: TranslationMemory) -> None:
    tm.add([unit("产业发展", f"t{i}") for i in range(6)] + [unit("产业发达", "u")])
    assert [m.unit.target for m in tm.search("产业发展", limit=3)] == ["t0", "t1", "t2"]
    assert [m.unit.target for m in tm.search("产业发展", limit=None)][-1] == "u"
    assert tm.search("产业发展", limit=0) == []
    with pytest.raises(HenanTermsError):
        tm.search("产业发展", limit=-1)


def test_empty_and_short_queries(tm: TranslationMemory) -> None:
    tm.add([unit("链", "chain"), unit("链长", "chain leader"), unit("链长制", "chain leader system")])
    assert tm.search("") == [] and tm.search(" \u3000") == []
    assert found(tm, "链", 50) == [("链", "chain", 100.0), ("链长", "chain leader", 50.0)]
    assert found(tm, "链长", 60) == [("链长", "chain leader", 100.0), ("链长制", "chain leader system", 200 / 3)]


def test_a_long_sentence_is_found(tm: TranslationMemory) -> None:
    rng = random.Random(7)
    long_source = "".join(rng.choice(HAN) for _ in range(3000))
    tm.add([unit(long_source, "long"), unit(long_source[:1500], "half")])
    edited = long_source[:1000] + "数" + long_source[1001:]
    assert [m.unit.target for m in tm.search(edited)] == ["long"]
    assert tm.search(long_source, 0, None)[1].score == 50.0


# Recall equals a brute-force scan -------------------------------------------------------------------

sources = st.text(alphabet=HAN[:8], min_size=1, max_size=40)


@st.composite
def memories(draw: st.DrawFn) -> list[TMUnit]:
    """Units over a small alphabet (many near matches), with repeats under other targets (ties)."""
    texts = draw(st.lists(sources, min_size=1, max_size=30))
    long_texts = draw(st.lists(st.text(alphabet=HAN[:4], min_size=200, max_size=400), max_size=2))
    units = [unit(text, f"t{index}") for index, text in enumerate(texts + long_texts)]
    repeats = draw(st.lists(st.sampled_from(texts), max_size=5))
    return units + [unit(text, f"again {index}") for index, text in enumerate(repeats)]


@st.composite
def edits_of(draw: st.DrawFn, texts: list[str]) -> str:
    text = list(draw(st.sampled_from(texts)))
    for _ in range(draw(st.integers(0, 6))):
        position = draw(st.integers(0, len(text)))
        operation = draw(st.sampled_from(["insert", "delete", "substitute"]))
        if operation == "insert" or not text:
            text.insert(position, draw(st.sampled_from(HAN[:10])))
        elif operation == "delete":
            del text[min(position, len(text) - 1)]
        else:
            text[min(position, len(text) - 1)] = draw(st.sampled_from(HAN[:10]))
    return "".join(text)


min_scores = st.one_of(st.sampled_from([0, 30, 50, 60, 66.66666666666667, 75, 80, 90, 100]), st.floats(0, 100))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_search_equals_a_brute_force_scan(make_tm: Factory, data: st.DataObject) -> None:
    units = data.draw(memories())
    tm = make_tm()
    tm.add(units)
    stored = list(tm.units())
    texts = [u.source for u in stored]
    for _ in range(5):
        query = data.draw(st.one_of(edits_of(texts), sources))
        min_score = data.draw(min_scores)
        assert found(tm, query, min_score) == brute_force(stored, query, min_score)
        assert found(tm, query, min_score, 3) == brute_force(stored, query, min_score)[:3]


@pytest.fixture(params=BACKENDS)
def seeded_tm(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[tuple[TranslationMemory, list[TMUnit]]]:
    """A memory of 3000 sentences recombining clauses, with long sentences and repeats (only read)."""
    postgres = _Postgres() if request.param == "postgresql" else None
    url = {"sqlite-file": str(tmp_path / "seeded.sqlite"), "sqlite-memory": ":memory:"}.get(request.param)
    tm = open_tm(postgres.url() if postgres is not None else str(url))
    rng = random.Random(11)
    clauses = ["".join(rng.choice(HAN) for _ in range(rng.randint(3, 12))) for _ in range(60)]
    sentences = ["，".join(rng.choice(clauses) for _ in range(rng.randint(1, 4))) + "。" for _ in range(3000)]
    sentences += ["；".join(rng.choice(clauses) for _ in range(80)) for _ in range(5)]  # 300+ characters
    tm.add(unit(text, f"t{index}") for index, text in enumerate(sentences))
    tm.add(unit(text, "repeat") for text in sentences[:50])
    yield tm, list(tm.units())
    tm.close()
    if postgres is not None:
        postgres.close()


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(seed=st.integers(0, 2**32), min_score=st.sampled_from([50, 70, 75, 85, 95]))
def test_search_in_a_larger_memory_equals_a_brute_force_scan(
    seeded_tm: tuple[TranslationMemory, list[TMUnit]], seed: int, min_score: float
) -> None:
    tm, stored = seeded_tm
    rng = random.Random(seed)
    query = list(rng.choice(stored).source)
    for _ in range(rng.randint(0, max(1, len(query) // 3))):
        query[rng.randrange(len(query))] = rng.choice(HAN)
    text = "".join(query)
    assert found(tm, text, min_score) == brute_force(stored, text, min_score)


# Scoring and the filter's bound ---------------------------------------------------------------------

short_texts = st.text(alphabet=HAN[:5] + "ab", max_size=30)


@given(short_texts, short_texts)
def test_rapidfuzz_normalized_similarity_is_the_score(a: str, b: str) -> None:
    longer = max(len(a), len(b))
    expected = 100 * (1 - Levenshtein.distance(a, b) / longer) if longer else 100.0
    assert 100 * Levenshtein.normalized_similarity(a, b) == expected == score(a, b)


@given(short_texts, short_texts, st.floats(50, 100))
def test_the_filter_bound_holds_for_every_pair(a: str, b: str, min_score: float) -> None:
    """A source scoring min_score lies in the length window and misses at most B query bigrams."""
    if not a or score(a, b) < min_score:
        return
    shortest, longest = length_window(len(a), min_score)
    assert shortest <= len(b) <= longest
    chosen = plan(a, min_score, {})
    assert len(set(chosen.grams) & bigrams(b)) >= chosen.need


# Concordance and rendering history ------------------------------------------------------------------


def test_concordance_finds_sources_containing_a_term(tm: TranslationMemory) -> None:
    tm.add(
        [
            unit("全面推行链长制。", "a"),
            unit("产业链长期稳定。", "b"),
            unit("鏈長制落實。", "c"),
            unit("推动发展。", "d"),
        ]
    )
    assert [u.target for u in tm.concordance("链长制")] == ["a", "c"]
    assert [u.target for u in tm.concordance("鏈長")] == ["a", "b", "c"]
    assert [u.target for u in tm.concordance("链", limit=2)] == ["a", "b"]
    assert tm.concordance("数字") == [] and tm.concordance("") == []


def test_history_shows_renderings_counts_and_other_targets(tm: TranslationMemory, glossary: Glossary) -> None:
    concept = glossary.lookup("智能化改造")[0].concept
    renderings = [r.text for r in concept.renderings]
    tm.add(
        [
            unit("推进智能化改造。", f"Promote {renderings[0]}.", origin="a#p1"),
            unit("加快智能化改造步伐。", f"Speed up {renderings[0].upper()}S.", origin="a#p2"),
            unit("实施智能化改造工程。", "Carry out a smart upgrade project.", origin="a#p3"),
            unit("推动数字化转型。", "Promote digital transformation."),
        ]
    )
    [history] = tm.history(glossary, "智能化改造")
    assert history.concept == concept and history.units == 3
    first = history.renderings[0]
    assert (first.text, first.count, first.status is not None) == (renderings[0], 2, True)
    assert [u.origin for u in first.examples] == ["a#p1", "a#p2"]
    assert all(use.count == 0 for use in history.renderings[1:])
    assert [(o.text, o.count, o.status) for o in history.others] == [("Carry out a smart upgrade project.", 1, None)]


def test_history_of_the_whole_glossary(tm: TranslationMemory, glossary: Glossary) -> None:
    tm.add([unit("全面推行链长制。", "Fully implement the industrial chain leader system.")])
    histories = tm.history(glossary)
    assert len(histories) == len(glossary)
    used = [h for h in histories if h.units]
    assert [h.concept.zh for h in used] == ["链长制"]
    assert used[0].renderings[0].status is Status.PREFERRED and used[0].renderings[0].count == 1
    assert tm.history(glossary, "no such term") == []


def test_seed_articles_are_found_and_智能化改造_has_two_renderings(tm: TranslationMemory, glossary: Glossary) -> None:
    """Paragraph pairs of the seed articles stand in for aligned sentences."""
    from henan_terms.formats.bilingual import read_bilingual

    pairs = [
        pair
        for name in ("henan-advanced-manufacturing.txt", "henan-industry-carriers.txt")
        for pair in read_bilingual(shared_path(f"corpus/{name}")).pairs
    ]
    tm.add(unit(p.zh.text, p.en.text, origin=f"seed#p{p.zh.number}") for p in pairs)
    for pair in pairs:
        translations = {p.en.text for p in pairs if p.zh.text == pair.zh.text}  # a credit line comes twice
        best = tm.search(pair.zh.text, limit=1)[0]
        assert best.score == 100.0 and best.unit.target in translations
    [history] = tm.history(glossary, "智能化改造")
    assert len([use for use in history.renderings if use.count]) >= 2


# Persistence, URLs, exchange ------------------------------------------------------------------------


def test_a_sqlite_file_keeps_its_units(tmp_path: Path) -> None:
    path = tmp_path / "memory.sqlite"
    with open_tm(path) as tm:
        tm.add([unit("头雁", "lead geese")])
    with open_tm(f"sqlite:///{path}") as tm:
        assert [u.target for u in tm.units()] == ["lead geese"]
        assert tm.search("头雁")[0].score == 100.0


def test_urls(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    for url in (":memory:", "sqlite://", "sqlite:///relative.sqlite", "plain.sqlite"):
        with open_tm(url) as tm:
            assert len(tm) == 0
    assert (tmp_path / "relative.sqlite").exists() and (tmp_path / "plain.sqlite").exists()
    with pytest.raises(HenanTermsError, match="unsupported"):
        open_tm("mysql://localhost/tm")


def test_a_memory_of_another_schema_version_is_refused_and_left_as_it_is(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
        db.execute("INSERT INTO meta VALUES ('schema', '2')")
    before = path.read_bytes()
    with pytest.raises(HenanTermsError, match="schema 2, expected 3"):
        open_tm(path)
    assert path.read_bytes() == before


def test_adding_while_another_connection_writes_past_the_wait_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "memory.sqlite"
    with open_tm(path, wait=0.2) as memory:
        memory.add([unit("已有的句子", "Kept.")])
        other = sqlite3.connect(path, isolation_level=None)
        other.execute("BEGIN IMMEDIATE")  # another writer holds the memory for longer than the add waits
        with pytest.raises(HenanTermsError, match=r"memory\.sqlite: nothing added .*for more than 0\.2 s"):
            memory.add([unit("新的句子", "New.")])
        other.execute("ROLLBACK")
        other.close()
        assert [unit.target for unit in memory.units()] == ["Kept."]
        assert memory.add([unit("新的句子", "New.")]).added == 1


def test_opening_without_creating_refuses_what_holds_no_memory(tmp_path: Path) -> None:
    with pytest.raises(HenanTermsError, match="no translation memory here"):
        open_tm(tmp_path / "missing.sqlite", create=False)
    (tmp_path / "empty.sqlite").touch()
    with pytest.raises(HenanTermsError, match="no translation memory here"):
        open_tm(tmp_path / "empty.sqlite", create=False)
    assert sorted(path.name for path in tmp_path.iterdir()) == ["empty.sqlite"]
    assert (tmp_path / "empty.sqlite").stat().st_size == 0
    open_tm(tmp_path / "made.sqlite").close()
    with open_tm(tmp_path / "made.sqlite", create=False) as memory:
        assert len(memory) == 0


def test_postgresql_opening_without_creating_refuses_a_schema_without_memory(postgres: _Postgres) -> None:
    url = postgres.url()
    with pytest.raises(HenanTermsError, match="no translation memory here"):
        open_tm(url, create=False)
    (tables,) = postgres.admin.execute(
        "SELECT count(*) FROM pg_tables WHERE schemaname = %s", (postgres.schemas[-1],)
    ).fetchone() or (None,)
    assert tables == 0
    open_tm(url).close()
    with open_tm(url, create=False) as memory:
        assert len(memory) == 0


def test_postgresql_memory_is_read_where_writing_is_refused(postgres: _Postgres) -> None:
    url = postgres.url()
    with open_tm(url) as memory:
        memory.add([unit("已有的句子", "Kept.")])
    standby = f"{url}%20-cdefault_transaction_read_only%3Don"  # a server or role that only reads
    with open_tm(standby, create=False) as memory:
        assert [match.unit.target for match in memory.search("已有的句子", 100)] == ["Kept."]
        with pytest.raises(HenanTermsError, match=r"nothing added to the translation memory: .*read-only"):
            memory.add([unit("新的句子", "New.")])
    with pytest.raises(HenanTermsError, match=r"cannot open as a translation memory: .*read-only"):
        open_tm(standby)  # creating needs writing: refused with the server's reason
    # opened for reading: adding is refused, nothing stored
    with open_tm(url, create=False) as memory, pytest.raises(HenanTermsError, match="nothing added"):
        memory.add([unit("新的句子", "New.")])
    with open_tm(url) as memory:
        assert [stored.target for stored in memory.units()] == ["Kept."]


def test_files_that_are_not_memories_are_refused(tmp_path: Path) -> None:
    other = tmp_path / "other.sqlite"
    with sqlite3.connect(other) as db:
        db.execute("CREATE TABLE things (x)")
    with pytest.raises(HenanTermsError, match="not a translation memory"):
        open_tm(other)
    garbage = tmp_path / "garbage.sqlite"
    garbage.write_bytes(b"this is not a database at all" * 100)
    with pytest.raises(HenanTermsError, match="cannot open"):
        open_tm(garbage)


def test_an_unreachable_server_is_a_clear_error() -> None:
    pytest.importorskip("psycopg")
    with pytest.raises(HenanTermsError, match=r"\*\*\*@.*cannot open"):
        open_tm("postgresql://someone:secret@127.0.0.1:1/nothing?connect_timeout=2")


def test_tmx_export_validates_and_imports_back(tm: TranslationMemory, tmp_path: Path) -> None:
    units = [
        TMUnit("以链长制为抓手。", "Use it.", origin="a#p1", confidence=0.75, properties=(("k", "v"),), tuid="1"),
        TMUnit("头雁", "lead geese", created=datetime(2023, 3, 23, 0, 32, 5, tzinfo=UTC)),
    ]
    tm.add(units)
    path = tmp_path / "memory.tmx"
    assert tm.export(path) == 2
    dtd = etree.DTD(str(shared_path("schemas/TMX/tmx14.dtd")))
    assert dtd.validate(etree.parse(str(path))), dtd.error_log
    other = open_tm(":memory:")
    assert other.import_file(path).added == 2
    assert list(other.units()) == units


def test_import_of_xliff_and_unknown_formats(tm: TranslationMemory, tmp_path: Path) -> None:
    skipped: list[object] = []
    counts = tm.import_file(shared_path("realworld/xliff/heartsome_Test_UTF16LE_zh-HK_nobom.xlf"), skipped=skipped)  # type: ignore[arg-type]
    assert counts.added == 2 and counts.duplicates == 2 and skipped == []
    assert tm.search("这是第一个测试。")[0].unit.target == "This is the first test."
    with pytest.raises(HenanTermsError, match=r"cannot read \.csv as translation units"):
        tm.import_file(tmp_path / "memory.csv")
    with pytest.raises(HenanTermsError, match="cannot export"):
        tm.export(tmp_path / "memory.csv", "csv")


def test_po_export_is_valid_for_msgfmt(tm: TranslationMemory, tmp_path: Path) -> None:
    tm.add(
        [
            unit("以链长制为抓手。", "Use it.", origin="seed#p26", confidence=0.5),
            unit("以链长制为抓手。", "Rely on it.", tuid="t2"),
            unit("以链长制为抓手。", "A third.", target_lang="en"),
            unit('引号"与\\反斜杠\t制表', 'quotes " and \\ backslash'),
        ]
    )
    path = tmp_path / "memory.po"
    assert tm.export(path, "po") == 4
    catalog = polib.pofile(str(path))
    assert [(e.msgctxt, e.msgstr) for e in catalog][:3] == [(None, "Use it."), ("t2", "Rely on it."), ("3", "A third.")]
    assert "origin: seed#p26" in catalog[0].comment and "confidence: 0.5" in catalog[0].comment
    msgfmt = shutil.which("msgfmt")
    if msgfmt is None:
        pytest.skip("msgfmt not found: install GNU gettext (apt-get install gettext) to check the PO file")
    subprocess.run([msgfmt, "-c", "-o", os.devnull, str(path)], check=True)


def test_length_classes_keep_the_order_of_lengths() -> None:
    classes = [length_class(length) for length in range(100_000)]
    assert classes[:16] == list(range(16))
    assert all(a <= b for a, b in pairwise(classes))  # a window of lengths is a range of classes
    firsts = [length for length in range(16, 200) if classes[length] != classes[length - 1]]
    assert firsts == [16, 24, 32, 48, 64, 96, 128, 192]  # two classes per doubling


@given(st.lists(st.text(alphabet="ab链长制\U00020000 ", max_size=40), max_size=30), st.integers(1, 3 * BLOCK))
def test_postings_rows_hold_every_bigram_of_every_unit(texts: list[str], first: int) -> None:
    ids = list(range(first, first + len(texts)))
    flat = iter(postings(ids, texts))
    rows = list(zip(flat, flat, flat, flat, strict=True))
    assert [row[:3] for row in rows] == sorted({row[:3] for row in rows})  # sorted, one row per key
    found = set()
    for gram, group, block, offsets in rows:
        members = [block * BLOCK + int.from_bytes(offsets[i : i + 2], "little") for i in range(0, len(offsets), 2)]
        assert members == sorted(set(members))
        found |= {(gram, group, unit_id) for unit_id in members}
    expected = {
        (gram, length_class(len(text)), unit_id)
        for unit_id, text in zip(ids, texts, strict=True)
        for gram in bigrams(text)
    }
    assert found == expected


# Normalisation --------------------------------------------------------------------------------------


@given(st.text())
def test_nfkc_equals_unicodedata(text: str) -> None:
    import unicodedata

    assert nfkc(text) == unicodedata.normalize("NFKC", text)


@given(st.lists(st.text(), max_size=5))
def test_normalising_many_equals_one_by_one(texts: list[str]) -> None:
    assert normalize_many(texts) == [normalize(text) for text in texts]


def test_language_tags() -> None:
    assert language_tag("zh_hant_tw") == "zh-Hant-TW"
