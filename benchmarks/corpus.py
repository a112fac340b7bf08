"""Builds the import benchmark's corpus: a user's folder of saved articles, with planted copies.

Sources (see ``ATTRIBUTION.txt``, written next to the files):

- 10kGNAD (``10kgnad/articles.csv``, DER STANDARD, CC BY-NC-SA 4.0): 1,028 articles. Each text is
  a teaser sentence followed by the body, with no paragraph breaks; the teaser becomes the title
  (split at its first `` – `` into title and subtitle when it is long), the body is cut into
  paragraphs of two to four sentences.
- German Wikinews (``wikinews-quotes/train`` and ``dev``, CC BY 2.5, credit "Wikinews"): 850
  articles; the title comes from the file name, paragraphs are separated by blank lines.

Scaling: when more stories are wanted than the 1,878 sources hold, the rest are *recombined*:
each takes a run of paragraphs from each of three or more different source articles. No run is
more than 40% of its donor's words nor 45% of the new story's words, and no two recombined
stories share more than one donor, so recombined stories are new stories, not copies (their
shingle overlap with any other file stays under the library's copy thresholds by construction).

Copies: a few percent of the files are *planted near-duplicates*: the same story as another
file, saved again with different boilerplate (a kicker line, a photo credit, a trailing
``Mehr zum Thema - …`` line, a donation or subscription appeal, another outlet's footer), often
in another format, sometimes hard-wrapped or cut off by a paywall. Paywall copies keep at
least 60% of the words and are made of source articles only (a cut-off recombined story would
be mostly one donor's text), so no planted copy is also contained in an unrelated story. ``manifest.json`` lists every
file with its story and, for copies, the file it copies.

Layout: ``<dir>/articles/<jahrgang>/<mappe>/<file>``, 100 files per folder, files shuffled
so copies and originals land in different folders. Everything is derived from ``--seed``.
"""

from __future__ import annotations

import csv
import html
import json
import random
import re
import shutil
import textwrap
from collections import Counter
from dataclasses import dataclass, field, replace
from pathlib import Path

BUILDER_VERSION = 4
ARTICLES_FOLDER = "articles"
MANIFEST_NAME = "manifest.json"
FILES_PER_FOLDER = 100
_FORMATS = (("txt", 0.70), ("md", 0.18), ("html", 0.12))
_SENTENCE_GAP = re.compile(r"(?<=[.!?…“\"])\s+(?=[A-ZÄÖÜ„\"»0-9])")
_ABBREVIATION = re.compile(r"(\b\w{1,2}|\b(?:St|Dr|Nr|Prof|bzw|ca|vgl|etc|Mio|Mrd|Abs|Art|Str))\.$")
_WIKINEWS_NAME = re.compile(r"^\d+ - (?P<title>.*?)(?: \((?P<date>\d{4}-\d{2}-\d{2})\))?\.pretty\.json$")
_MAX_DONOR_SHARE = 0.40
_MAX_STORY_SHARE = 0.45
#: A paywall copy keeps at least this share of its story's words, so a recombined story (at most
#: 40% of a donor) never holds 80% of a paywall copy: the copy stays a copy of its own story only.
_MIN_KEPT_SHARE = 0.6

ATTRIBUTION = """\
This benchmark corpus is generated from, and contains text of, these sources:

- 10kGNAD, "Ten Thousand German News Articles Dataset" (tblock/10kGNAD), test split;
  articles from DER STANDARD. Licence: CC BY-NC-SA 4.0.
- German Wikinews articles (de.wikinews.org), as distributed in the German News Quotation
  Attribution dataset (uhh-lt/german-news-quotation-attribution-2024, Petersen-Frey & Biemann,
  2024). Article texts: CC BY 2.5, credit "Wikinews"; annotations: CC BY-NC-SA 4.0.

Files were re-formatted, split into paragraphs and recombined (paragraphs of different
articles joined into new files); outlet names, credits and appeals are invented.
Non-commercial use only (CC BY-NC-SA 4.0); share adaptations under the same licence.
"""


@dataclass(frozen=True)
class Story:
    number: int
    title: str
    paragraphs: tuple[str, ...]
    subtitle: str = ""
    date: str | None = None
    category: str = ""
    mixed: bool = False


@dataclass(frozen=True)
class Rendering:
    """How one file presents its story: format and the boilerplate around the article."""

    format: str
    outlet: str
    kicker: str = ""
    credit: str = ""
    related_title: str = ""
    appeal: str = ""
    footer: bool = False
    front_matter: bool = False
    wrap: int = 0
    keep_share: float = 1.0
    variant: str = ""


@dataclass(frozen=True)
class CorpusFile:
    path: str                 # relative to the articles folder, with "/" separators
    story: int
    format: str
    copy_of: str | None = None
    variant: str = ""


@dataclass(frozen=True)
class Corpus:
    directory: Path
    files: tuple[CorpusFile, ...]
    #: "recombined": stories made of other stories' paragraphs; "stories_per_paragraph": how often
    #: a paragraph recurs across stories (shared text is what duplicate detection must sift).
    stats: dict[str, float] = field(default_factory=dict)

    @property
    def articles(self) -> Path:
        return self.directory / ARTICLES_FOLDER

    def planted_pairs(self) -> list[tuple[str, str]]:
        """(copy, original) for every planted near-duplicate."""
        return [(item.path, item.copy_of) for item in self.files if item.copy_of]


def ensure_corpus(root: Path, corpora: Path, files: int, seed: int, copy_share: float, *,
                  rebuild: bool = False) -> tuple[Corpus, bool]:
    """The cached corpus for these parameters under ``root``, built if missing; and whether it was built."""
    directory = root / f"files-{files}-seed-{seed}-copies-{copy_share:g}"
    wanted = {"builder": BUILDER_VERSION, "files": files, "seed": seed, "copy_share": copy_share}
    manifest = directory / MANIFEST_NAME
    if not rebuild and manifest.is_file():
        data = json.loads(manifest.read_text(encoding="utf-8"))
        if data.get("parameters") == wanted:
            return Corpus(directory, tuple(CorpusFile(**entry) for entry in data["files"]), data["stats"]), False
    if directory.exists():
        shutil.rmtree(directory)
    corpus = build_corpus(directory, corpora, files, random.Random(seed), copy_share)
    entries = [item.__dict__ for item in corpus.files]
    manifest.write_text(json.dumps({"parameters": wanted, "stats": corpus.stats, "files": entries},
                                   ensure_ascii=False, indent=0), encoding="utf-8")
    return corpus, True


def build_corpus(directory: Path, corpora: Path, count: int, rng: random.Random, copy_share: float) -> Corpus:
    sources = load_10kgnad(corpora / "10kgnad" / "articles.csv", rng) + load_wikinews(corpora / "wikinews-quotes")
    copies = round(count * copy_share)
    stories = scaled_stories(sources, count - copies, rng)
    plans: list[tuple[Story, Rendering, int | None]] = [(story, _original_rendering(rng), None) for story in stories]
    for index in rng.sample(range(len(plans)), copies):
        story, rendering, _ = plans[index]
        plans.append((story, _copy_rendering(rendering, story, stories, rng), index))
    order = list(range(len(plans)))
    rng.shuffle(order)
    paths = {index: _file_path(slot, plans[index][0], plans[index][1]) for slot, index in enumerate(order)}
    articles = directory / ARTICLES_FOLDER
    files = []
    for index in order:
        story, rendering, original = plans[index]
        target = articles / paths[index]
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(render(story, rendering), encoding="utf-8")
        copy_of = paths[original] if original is not None else None
        files.append(CorpusFile(paths[index], story.number, rendering.format, copy_of, rendering.variant))
    (directory / "ATTRIBUTION.txt").write_text(ATTRIBUTION, encoding="utf-8")
    return Corpus(directory, tuple(files), _stats(stories))


def _stats(stories: list[Story]) -> dict[str, float]:
    uses = Counter(paragraph for story in stories for paragraph in set(story.paragraphs))
    return {"recombined": sum(story.mixed for story in stories),
            "stories_per_paragraph": round(sum(uses.values()) / max(1, len(uses)), 2)}


# Sources -------------------------------------------------------------------------------


def load_10kgnad(path: Path, rng: random.Random) -> list[Story]:
    """DER STANDARD articles: teaser sentence as title (and subtitle), body in 2-4 sentence paragraphs."""
    stories = []
    with open(path, encoding="utf-8", newline="") as handle:
        for category, text in csv.reader(handle, delimiter=";", quotechar="'"):
            sentences = split_sentences(text)
            if len(sentences) < 3:
                continue
            title, subtitle = _title_and_subtitle(sentences[0])
            paragraphs = _group_sentences(sentences[1:], rng)
            stories.append(Story(0, title, tuple(paragraphs), subtitle=subtitle, category=category))
    return stories


def load_wikinews(folder: Path) -> list[Story]:
    stories = []
    for path in sorted([*folder.glob("train/*.json"), *folder.glob("dev/*.json")]):
        named = _WIKINEWS_NAME.match(path.name)
        text = json.loads(path.read_text(encoding="utf-8"))["originalText"]
        paragraphs = tuple(p.strip() for p in re.split(r"\n\s*\n", text) if p.strip())
        if named is None or len(paragraphs) < 2:
            continue
        stories.append(Story(0, named.group("title"), paragraphs, date=named.group("date"), category="Wikinews"))
    return stories


def split_sentences(text: str) -> list[str]:
    """Sentences of a German text, not split after common abbreviations or initials."""
    sentences, start = [], 0
    for gap in _SENTENCE_GAP.finditer(text):
        if _ABBREVIATION.search(text[start:gap.start()]):
            continue
        sentences.append(text[start:gap.start()].strip())
        start = gap.end()
    sentences.append(text[start:].strip())
    return [s for s in sentences if s]


def _title_and_subtitle(teaser: str) -> tuple[str, str]:
    head, dash, rest = teaser.partition(" – ")
    if len(teaser) > 90 and dash and 12 <= len(head) <= 100:
        return head, rest
    return teaser.rstrip(".").strip(), ""


def _group_sentences(sentences: list[str], rng: random.Random) -> list[str]:
    paragraphs, index = [], 0
    while index < len(sentences):
        size = rng.randint(2, 4)
        paragraphs.append(" ".join(sentences[index:index + size]))
        index += size
    return paragraphs


# Scaling -------------------------------------------------------------------------------


def scaled_stories(sources: list[Story], count: int, rng: random.Random) -> list[Story]:
    """``count`` distinct stories: the sources (a sample when fewer are wanted), then recombinations."""
    originals = rng.sample(sources, min(count, len(sources)))
    stories = [replace(story, number=number) for number, story in enumerate(originals)]
    used_pairs: set[frozenset[int]] = set()
    while len(stories) < count:
        mixed = _recombined(sources, used_pairs, rng)
        if mixed is not None:
            stories.append(replace(mixed, number=len(stories)))
    return stories


def _recombined(sources: list[Story], used_pairs: set[frozenset[int]], rng: random.Random) -> Story | None:
    """A new story from paragraph runs of 3-4 donors, or None when this draw breaks a limit."""
    donors = rng.sample(range(len(sources)), rng.choice((3, 3, 4)))
    pairs = {frozenset((a, b)) for a in donors for b in donors if a < b}
    if pairs & used_pairs:
        return None
    runs = [_paragraph_run(sources[d], rng) for d in donors]
    total = sum(_words(run) for run in runs)
    if any(_words(run) > _MAX_STORY_SHARE * total for run in runs):
        return None
    used_pairs.update(pairs)
    first = sources[donors[0]]
    return Story(0, first.title, tuple(p for run in runs for p in run), subtitle=first.subtitle,
                 date=first.date, category=first.category, mixed=True)


def _paragraph_run(story: Story, rng: random.Random) -> tuple[str, ...]:
    """Consecutive paragraphs holding at most ``_MAX_DONOR_SHARE`` of the story's words (at least one)."""
    limit = _MAX_DONOR_SHARE * _words(story.paragraphs)
    start = rng.randrange(len(story.paragraphs))
    run = [story.paragraphs[start]]
    for paragraph in story.paragraphs[start + 1:]:
        if _words([*run, paragraph]) > limit or len(run) >= 3:
            break
        run.append(paragraph)
    if _words(run) > limit:  # one long paragraph: take its first sentences only
        sentences = split_sentences(run[0])
        run = [" ".join(sentences[: max(1, len(sentences) * 2 // 5)])]
    return tuple(run)


def _words(paragraphs: tuple[str, ...] | list[str]) -> int:
    return sum(len(p.split()) for p in paragraphs)


# Boilerplate and copies ----------------------------------------------------------------

_OUTLETS = ("Nordstadt Anzeiger", "Alpenpost", "Der Morgenbote", "Rheinblick", "Wiener Tagesecho",
            "Elbe-Kurier", "Freie Stimme")
_CREDITS = ("Foto: dpa", "Foto: APA/Helmut Fohringer", "Bild: Reuters", "Foto: AFP/Getty Images",
            "Foto: imago images/photothek", "Symbolbild: picture alliance", "Foto: Christian Fischer")
_KICKERS = ("Inland", "International", "Wirtschaft", "Politik", "Ausland", "Analyse", "Exklusiv")
_APPEALS = (
    "Unterstützen Sie unabhängigen Journalismus: Mit einem freiwilligen Beitrag sichern Sie unsere Arbeit.",
    "Abonnieren Sie unseren Newsletter und erhalten Sie die wichtigsten Nachrichten jeden Morgen.",
    "Da die Freie Stimme in der EU gesperrt ist, teilen Sie unsere Artikel, wo Sie nur können.",
    "Jetzt abonnieren und weiterlesen: die ersten vier Wochen gratis testen.",
)


def _original_rendering(rng: random.Random) -> Rendering:
    return Rendering(
        format=rng.choices([f for f, _ in _FORMATS], [w for _, w in _FORMATS])[0],
        outlet=rng.choice(_OUTLETS),
        kicker=rng.choice(_KICKERS) if rng.random() < 0.10 else "",
        credit=rng.choice(_CREDITS) if rng.random() < 0.30 else "",
        related_title="",
        appeal=rng.choice(_APPEALS) if rng.random() < 0.05 else "",
        footer=rng.random() < 0.30,
        front_matter=rng.random() < 0.35,
        wrap=72 if rng.random() < 0.10 else 0,
    )


def _copy_rendering(original: Rendering, story: Story, stories: list[Story], rng: random.Random) -> Rendering:
    """The same story saved again: another outlet, often another format, different boilerplate."""
    fmt = original.format if rng.random() < 0.5 else rng.choice([f for f, _ in _FORMATS if f != original.format])
    copy = Rendering(
        format=fmt,
        outlet=rng.choice([o for o in _OUTLETS if o != original.outlet]),
        kicker=rng.choice(_KICKERS) if rng.random() < 0.5 else "",
        credit=rng.choice(_CREDITS) if rng.random() < 0.5 else "",
        related_title=rng.choice(stories).title if rng.random() < 0.4 else "",
        appeal=rng.choice(_APPEALS) if rng.random() < 0.4 else "",
        footer=rng.random() < 0.5,
        front_matter=rng.random() < 0.35,
        wrap=72 if fmt == "txt" and rng.random() < 0.2 else 0,
        keep_share=rng.uniform(_MIN_KEPT_SHARE, 0.9) if not story.mixed and rng.random() < 0.3 else 1.0,
    )
    if not (copy.kicker or copy.related_title or copy.appeal):
        copy = replace(copy, related_title=rng.choice(stories).title)
    variants = [name for name, on in (("format", fmt != original.format), ("kicker", copy.kicker),
                                      ("related", copy.related_title), ("appeal", copy.appeal),
                                      ("paywall", copy.keep_share < 1), ("wrapped", copy.wrap)) if on]
    return replace(copy, variant="+".join(variants))


def _file_path(slot: int, story: Story, rendering: Rendering) -> str:
    folder = f"jahrgang-{2015 + slot // 1000}/mappe-{(slot // FILES_PER_FOLDER) % 10:02d}"
    return f"{folder}/{_slug(story.title)}-{slot:05d}.{rendering.format}"


_UMLAUTS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})


def _slug(title: str) -> str:
    text = title.lower().translate(_UMLAUTS)
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")[:60].rstrip("-") or "artikel"


# Rendering -----------------------------------------------------------------------------


def render(story: Story, rendering: Rendering) -> str:
    paragraphs = _kept(story.paragraphs, rendering.keep_share)
    trailer = [line for line in (
        f"Mehr zum Thema - {rendering.related_title}" if rendering.related_title else "",
        rendering.appeal,
        f"© 2024 {rendering.outlet}. Alle Rechte vorbehalten." if rendering.footer else "",
    ) if line]
    if rendering.format == "html":
        return _html(story, rendering, paragraphs, trailer)
    if rendering.wrap:
        paragraphs = [textwrap.fill(p, rendering.wrap, break_on_hyphens=False) for p in paragraphs]
    body = [*paragraphs[:1], *([rendering.credit] if rendering.credit else []), *paragraphs[1:], *trailer]
    if rendering.format == "md":
        head = [f"# {story.title}", *([f"*{story.subtitle}*"] if story.subtitle else [])]
        return _front_matter(story, rendering) + "\n\n".join([*_kicker(rendering), *head, *body]) + "\n"
    head = [story.title, *([story.subtitle] if story.subtitle else [])]
    return "\n\n".join([*_kicker(rendering), *head, *body]) + "\n"


def _kept(paragraphs: tuple[str, ...], share: float) -> list[str]:
    """The first paragraphs holding at least ``share`` of the words (a capture cut off by a paywall)."""
    if share >= 1:
        return list(paragraphs)
    limit, kept = share * _words(paragraphs), []
    for paragraph in paragraphs:
        kept.append(paragraph)
        if _words(kept) >= limit:
            break
    return kept


def _kicker(rendering: Rendering) -> list[str]:
    return [rendering.kicker] if rendering.kicker else []


def _front_matter(story: Story, rendering: Rendering) -> str:
    if not rendering.front_matter:
        return ""
    title = story.title.replace('"', "'")
    lines = [f'title: "{title}"', f"source: https://{_domain(rendering.outlet)}/{_slug(story.title)}"]
    if story.date:
        lines.append(f"date: {story.date}")
    return "---\n" + "\n".join(lines) + "\n---\n\n"


def _html(story: Story, rendering: Rendering, paragraphs: list[str], trailer: list[str]) -> str:
    e, domain = html.escape, _domain(rendering.outlet)
    url = f"https://{domain}/{story.category.lower() or 'news'}/{_slug(story.title)}"
    published = (f'<meta property="article:published_time" content="{story.date}T08:00:00+01:00">\n'
                 if story.date else "")
    article = [f'<p class="kicker">{e(rendering.kicker)}</p>' if rendering.kicker else "",
               f"<h1>{e(story.title)}</h1>",
               f'<p class="subtitle">{e(story.subtitle)}</p>' if story.subtitle else ""]
    for index, paragraph in enumerate(paragraphs):
        article.append(f"<p>{e(paragraph)}</p>")
        if index == 0 and rendering.credit:
            article.append(f'<figure><img src="https://cdn.{domain}/bild-{story.number}.jpg" alt="">'
                           f"<figcaption>{e(rendering.credit)}</figcaption></figure>")
    article += [f"<p>{e(line)}</p>" for line in trailer if not line.startswith("©")]
    footer = f"<footer><p>© 2024 {e(rendering.outlet)}. Alle Rechte vorbehalten.</p>" \
             f'<p><a href="/impressum">Impressum</a> <a href="/datenschutz">Datenschutz</a></p></footer>'
    return f"""<!DOCTYPE html>
<html lang="de">
<head>
<meta charset="utf-8">
<title>{e(story.title)} | {e(rendering.outlet)}</title>
<meta property="og:site_name" content="{e(rendering.outlet)}">
<meta property="og:title" content="{e(story.title)}">
{published}<link rel="canonical" href="{url}">
<script>window.dataLayer = [];</script>
</head>
<body>
<header><nav><a href="/">Startseite</a> <a href="/politik">Politik</a> <a href="/wirtschaft">Wirtschaft</a> \
<a href="/sport">Sport</a></nav></header>
<main>
<article>
{chr(10).join(line for line in article if line)}
</article>
</main>
{footer}
</body>
</html>
"""


def _domain(outlet: str) -> str:
    return _slug(outlet) + ".example"
