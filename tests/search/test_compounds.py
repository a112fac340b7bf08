"""Compound splitting: real news compounds are found by their parts, and nothing else is split."""

from __future__ import annotations

import csv
import gzip
import importlib.util
import io
import re
import subprocess
import sys
import time
from importlib import resources
from pathlib import Path
from types import ModuleType

import pytest

from search.compounds import CompoundRules, CompoundSplitter, normalise, parse_rules

ROOT = Path(__file__).resolve().parents[2]
LINKING_ELEMENTS = {"s", "es", "n", "en", "e", "er", "ns"}

# Compounds from German news and the parts a reader would search them by (each must be among the parts).
RECALL = {
    "Truppenentsendung": {"truppen", "entsendung"},
    "Waffenstillstandsabkommen": {"waffenstillstand", "abkommen", "waffen", "stillstand"},
    "Bundestagswahl": {"bundestag", "wahl"},
    "Haushaltsentwurf": {"haushalt", "entwurf"},
    "Flüchtlingsunterkunft": {"flüchtling", "unterkunft"},
    "Energiepreise": {"energie", "preise"},
    "Energiepreisen": {"energie", "preise"},
    "Klimaschutzgesetz": {"klimaschutz", "klima", "schutz", "gesetz"},
    "Verteidigungsminister": {"verteidigung", "minister"},
    "Friedenstruppe": {"frieden", "truppe"},
    "Gaspreisbremse": {"gaspreis", "bremse"},
    "Mietpreisbremse": {"mietpreis", "miete", "preis", "bremse"},
    "Bundeskanzler": {"bund", "kanzler"},
    "Gesundheitsministerium": {"gesundheit", "ministerium"},
    "Regierungserklärung": {"regierung", "erklärung"},
    "Oppositionsführer": {"opposition", "führer"},
    "Flüchtlingskrise": {"flüchtling", "krise"},
    "Kriegsverbrechen": {"krieg", "verbrechen"},
    "Atomkraftwerk": {"atom", "atomkraft", "kraftwerk"},
    "Hochwasserschutz": {"hochwasser", "wasser", "schutz"},
    "Inflationsrate": {"inflation", "rate"},
    "Wohnungsmarkt": {"wohnung", "markt"},
    "Friedensverhandlungen": {"frieden", "verhandlungen"},
    "Waffenlieferungen": {"waffen", "lieferungen"},
    "Untersuchungsausschuss": {"untersuchung", "ausschuss"},
    "Grenzkontrollen": {"grenze", "kontrollen"},
    "Hilfsorganisation": {"hilfe", "organisation"},
    "Menschenrechtsorganisation": {"menschenrecht", "organisation"},
    "Koalitionsvertrag": {"koalition", "vertrag"},
    "Präsidentschaftswahlkampf": {"präsidentschaft", "wahlkampf", "wahl", "kampf"},
    "Nachrichtenagentur": {"nachrichten", "agentur"},
    "Pressekonferenz": {"presse", "konferenz"},
    "Schuldenbremse": {"schulden", "bremse"},
    "Drohnenangriff": {"drohnen", "angriff"},
    "Gefangenenaustausch": {"gefangenen", "austausch"},
    "Wirtschaftswachstum": {"wirtschaft", "wachstum"},
    "Energiewende": {"energie", "wende"},
    "Windkraftanlagen": {"windkraft", "anlagen"},
    "Bundesverfassungsgericht": {"verfassungsgericht", "verfassung", "gericht"},
    "Panzerlieferungen": {"panzer", "lieferungen"},
    "Wahlbeteiligung": {"wahl", "beteiligung"},
    "Straßenbahn": {"strassen", "bahn"},
}

# Not compounds, or compounds whose split would mislead a search: all must give ().
# Bundeskanzler is not here on purpose: it is a compound (Bund + Kanzler), and "Kanzler" should find it.
NOT_SPLIT = [
    "Kartoffel", "Tatsache", "Verhandlung", "Regierung", "Beispiel", "Präsident", "Abkommen",
    "Stillstand", "Selenskyj", "Starmer", "Netanjahu", "Washington", "Wirtschaft", "Gesellschaft",
    "Gewerkschaft", "Unterstützung", "Unterkunft", "Minister", "Ministerium", "Bundestag",
    "Verbrechen", "Generation", "Kombination", "Transport", "Material", "Katastrophe", "Plattform",
    "Maßnahmen", "Diebstahl", "Regierungen", "Diskussionen", "Bürgerinnen", "Vorsitzende",
    "Widerstand", "Missbrauch", "Verbraucher", "Salzburg", "Düsseldorf", "Hochzeit", "Frühstück",
    "Großbritannien", "Verantwortung", "Österreichische", "diplomatisch", "beispielsweise",
    "allerdings", "deutlich", "mittlerweile",
]
SHORT_WORDS = ["Tat", "Haus", "Krieg", "Wahlen", "Truppe", "Staaten", "", "a", "EU"]
NOT_WORDS = ["G7-Gipfel", "Covid19", "Über-Ich", "Truppen entsendung"]


@pytest.fixture(scope="module")
def splitter() -> CompoundSplitter:
    return CompoundSplitter.german()


@pytest.mark.parametrize("word, expected", RECALL.items())
def test_news_compounds_are_found_by_their_parts(splitter: CompoundSplitter, word: str, expected: set[str]) -> None:
    assert expected <= set(splitter.parts(word))


def test_parts_of_the_examples_are_exact(splitter: CompoundSplitter) -> None:
    assert splitter.parts("Truppenentsendung") == ("truppen", "entsendung")
    assert splitter.parts("Waffenstillstandsabkommen") == ("waffenstillstand", "abkommen", "waffen", "stillstand")
    assert splitter.parts("Bundeskanzler") == ("bund", "kanzler")


@pytest.mark.parametrize("word", NOT_SPLIT + SHORT_WORDS + NOT_WORDS)
def test_non_compounds_give_nothing(splitter: CompoundSplitter, word: str) -> None:
    assert splitter.parts(word) == ()


@pytest.mark.parametrize("word", ["Tatsache", "Straftat", "Tatort", "Straftaten", "Gewalttaten", "Tatverdacht"])
def test_a_short_syllable_never_splits_out(splitter: CompoundSplitter, word: str) -> None:
    assert "tat" not in splitter.parts(word)


def test_no_part_is_shorter_than_min_part_nor_a_linking_element(splitter: CompoundSplitter) -> None:
    for word in [*RECALL, *NOT_SPLIT]:
        for part in splitter.parts(word):
            assert len(part) >= 4, (word, part)
            assert part not in LINKING_ELEMENTS, (word, part)
            assert part != normalise(word), word


def test_linking_s_is_taken_off_but_plural_forms_stay(splitter: CompoundSplitter) -> None:
    assert "bundestags" not in splitter.parts("Bundestagswahl")
    assert "haushalts" not in splitter.parts("Haushaltsentwurf")
    assert "waffenstillstands" not in splitter.parts("Waffenstillstandsabkommen")
    assert "truppe" not in splitter.parts("Truppenentsendung")


def test_case_and_sharp_s_are_folded(splitter: CompoundSplitter) -> None:
    assert splitter.parts("TRUPPENENTSENDUNG") == splitter.parts("truppenentsendung") == ("truppen", "entsendung")
    assert splitter.parts("Straßenbahn") == splitter.parts("Strassenbahn")


def test_noun_parts_skips_words_that_are_not_capitalised(splitter: CompoundSplitter) -> None:
    assert splitter.noun_parts("Truppenentsendung") == ("truppen", "entsendung")
    assert splitter.noun_parts("truppenentsendung") == ()
    assert splitter.noun_parts("") == ()


def test_precision_and_recall_on_the_lists(splitter: CompoundSplitter) -> None:
    found = sum(expected <= set(splitter.parts(word)) for word, expected in RECALL.items())
    wrongly_split = [word for word in NOT_SPLIT if splitter.parts(word)]
    print(f"\nrecall {found}/{len(RECALL)}; wrongly split {len(wrongly_split)}/{len(NOT_SPLIT)}: {wrongly_split}")
    assert found == len(RECALL)
    assert wrongly_split == []


def test_german_splitter_is_one_per_process() -> None:
    assert CompoundSplitter.german() is CompoundSplitter.german()


def test_importing_does_not_load_the_lexicon() -> None:
    code = "import search.compounds as c; assert c._german_splitter.cache_info().currsize == 0"
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr


def test_cached_parts_are_fast(splitter: CompoundSplitter) -> None:
    splitter.parts("Waffenstillstandsabkommen")
    calls = 100_000
    start = time.perf_counter()
    for _ in range(calls):
        splitter.parts("Waffenstillstandsabkommen")
    per_call = (time.perf_counter() - start) / calls
    assert per_call < 10e-6  # about 0.2 µs here; the bound leaves room for slow machines


# A small lexicon makes each rule visible on its own.
WORDS = frozenset(
    {"haus", "haustür", "tür", "türen", "schloss", "schlösser", "garten", "gartenhaus", "zaun",
     "preise", "energie", "bund", "bundes", "wahl", "unter", "kunft", "schaft", "wirt", "grenze", "zeit", "hoch"}
)


def small(rules: CompoundRules | None = None) -> CompoundSplitter:
    return CompoundSplitter(WORDS, rules=rules)


def test_fewest_parts_win_and_the_longest_head_breaks_ties() -> None:
    assert small().parts("gartenhaustür")[:2] == ("garten", "haustür")
    assert small().parts("gartenzaun") == ("garten", "zaun")


def test_the_head_may_be_a_dative_plural() -> None:
    assert small().parts("energiepreisen") == ("energie", "preise")


def test_a_linking_s_or_es_is_taken_off() -> None:
    assert small().parts("bundeswahl") == ("bund", "wahl")
    assert small().parts("hausschloss") == ("haus", "schloss")


def test_rules_block_heads_modifiers_and_whole_words() -> None:
    rules = parse_rules("-schaft  unter-  # a comment\n=hochzeit +grenze")
    assert small().parts("wirtschaft") == ("wirt", "schaft")
    assert small(rules).parts("wirtschaft") == ()
    assert small(rules).parts("unterkunft") == ()
    assert small().parts("hochzeit") == ("hoch", "zeit")
    assert small(rules).parts("hochzeit") == ()
    assert small().parts("grenzzaun") == ()
    assert small(rules).parts("grenzzaun") == ("grenze", "zaun")


def test_parse_rules_reads_every_notation() -> None:
    rules = parse_rules("-kopf fuss- gros =hochzeit +straße")
    assert rules.not_heads == {"kopf", "gros"}
    assert rules.not_modifiers == {"fuss", "gros"}
    assert rules.not_split == {"hochzeit"}
    assert rules.drop_e == {"strasse"}


def test_min_part_is_respected() -> None:
    assert CompoundSplitter(frozenset({"tür", "haus"}), min_part=3).parts("haustür") == ("haus", "tür")
    assert CompoundSplitter(frozenset({"tür", "haus"})).parts("haustür") == ()


def test_the_shipped_lexicon_is_sorted_normalised_and_reproducible() -> None:
    data = resources.files("resources").joinpath("lexicon/german_nouns.txt.gz").read_bytes()
    assert len(data) < 1_000_000
    assert data[4:8] == b"\0\0\0\0"  # gzip mtime 0
    words = gzip.decompress(data).decode("utf-8").splitlines()
    assert 200_000 < len(words) < 230_000
    assert words == sorted(set(words))
    assert all(re.fullmatch(r"[a-zäöü]{4,}", word) for word in words)


def load_build_tool() -> ModuleType:
    spec = importlib.util.spec_from_file_location("build_noun_lexicon", ROOT / "tools" / "build_noun_lexicon.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_build_tool_keeps_noun_forms_and_drops_names_and_morphemes(tmp_path: Path) -> None:
    tool = load_build_tool()
    columns = ["lemma", "pos", "nominativ singular", "genitiv plural", "dativ plural"]
    rows = [
        ["Straße", "Substantiv", "Straße", "Straßen", "Straßen"],
        ["Kind", "Substantiv", "Kind", "Kinder", "Kindern"],
        ["Müller", "Nachname,Substantiv", "Müller", "Müllers", ""],
        ["-algie", "Gebundenes Lexem,Substantiv", "-algie", "-algien", ""],
        ["Tat", "Substantiv", "Tat", "Taten", "Taten"],
    ]
    buffer = io.StringIO()
    csv.writer(buffer).writerows([columns, *rows])
    source = tmp_path / "nouns.csv"
    source.write_text(buffer.getvalue(), encoding="utf-8")
    output = tmp_path / "out.txt.gz"
    assert tool.main([str(source), "-o", str(output)]) == 0
    assert gzip.decompress(output.read_bytes()).decode("utf-8").split() == [
        "kind", "kinder", "strasse", "strassen", "taten"
    ]
