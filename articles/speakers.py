"""Who speaks: the noun phrase beside a speech cue, read as a name, a pronoun or a description.

Works on a small window of one paragraph's text around a cue (never the whole article), so its cost
does not grow with the paragraph. Without person mentions from the actor analysis a name is a run of
capitalised words that is not a role (``Präsident``, ``Außenamtssprecherin``) or a title (``Dr.``):
``sagte Bundeskanzlerin Angela Merkel`` → ``Angela Merkel``. After an article, the first noun is a
description and only an apposition is a name: ``der Minister Hans Muster`` → ``Hans Muster``, but
``der Minister`` → no name.

Tags: ``tag_after`` reads the words after a closing mark (``„…“, sagte X``, ``„…“, so X``, ``„…“, wird X
zitiert``, ``„…“, hatte X gesagt``, ``„…“, zitierte man X``); ``tag_before`` the clause before a colon
(``X sagte: „…“``, ``Ein Sprecher: „…“``). ``subject_of`` finds a speech verb's subject the German way:
the phrase before the verb when it reaches it (allowing adverbs, genitives and appositions), the phrase
after it otherwise, the phrase after a subordinating word for a verb at the clause end.
"""

from __future__ import annotations

from typing import Final

from articles.speech_data import SpeechData
from articles.speech_tokens import Token, tokens, tokens_before


class Mention:
    """A candidate speaker: ``kind`` is "name", "pronoun", "noun" (a description) or "impersonal"."""

    def __init__(self, start: int, end: int, kind: str, gender: str = "") -> None:
        self.start: Final = start
        self.end: Final = end
        self.kind: Final = kind
        self.gender: Final = gender  # "m", "f" or "" when unknown


def phrase_at(text: str, toks: list[Token], data: SpeechData) -> tuple[Mention | None, int]:
    """The noun phrase starting at ``toks[0]`` and the number of tokens it uses (0 when there is none)."""
    if not toks:
        return None, 0
    first = toks[0]
    if first.lower in data.pronoun_gender:
        return Mention(first.start, first.end, "pronoun", data.pronoun_gender[first.lower]), 1
    if first.lower in data.impersonal:
        return Mention(first.start, first.end, "impersonal"), 1
    if first.lower in data.determiners:
        return _described(text, toks, data)
    if first.capitalised and first.lower not in data.function_words and first.lower not in data.prepositions:
        return _bare(text, toks, 0, data)
    return None, 0


def role_names(text: str, data: SpeechData, limit: int = 2_000) -> list[Mention]:
    """Names introduced by a role or title anywhere in ``text``: Präsident Petr Pavel, Frau Kurz."""
    toks = tokens(text, 0, len(text), limit)
    found: list[Mention] = []
    index = 0
    while index < len(toks):
        if toks[index].capitalised and data.is_role(toks[index].text):
            mention, used = _bare(text, toks, index, data)
            if mention is not None and mention.kind == "name":
                found.append(mention)
                index = used
                continue
        index += 1
    return found


def _described(text: str, toks: list[Token], data: SpeechData) -> tuple[Mention | None, int]:
    """``der [alte] Minister [Hans Muster]`` or ``die NATO``."""
    gender = "m" if toks[0].lower in data.masculine_articles else ""
    index = 1
    while index < len(toks) and (_adjective(toks[index]) or not toks[index].capitalised) \
            and toks[index].text[0].isalnum():
        index += 1  # adjectives and numbers: der 23-jährige, die britische, der US-amerikanische
    if index >= len(toks) or not toks[index].capitalised:
        return None, 0
    head = toks[index]
    if head.text.isupper() and len(head.text) > 1:
        return _bare(text, toks, index, data)
    if data.is_feminine_role(head.text):
        gender = "f"
    name, used = _apposition(text, toks, index + 1, data)
    if name is not None:
        return Mention(name.start, name.end, "name", gender), used
    return Mention(toks[0].start, head.end, "noun", gender), index + 1


def _adjective(token: Token) -> bool:
    """A capitalised compound adjective: US-amerikanische, EU-weiten."""
    return "-" in token.text and token.text.rsplit("-", 1)[1][:1].islower()


def _apposition(text: str, toks: list[Token], index: int, data: SpeechData) -> tuple[Mention | None, int]:
    """A name after a description: after its genitive and a comma (der Chef der X, Hans Y), or right after it."""
    probe = index
    while probe < len(toks) and toks[probe].text != "," and probe < index + 6:
        if toks[probe].lower in data.pronoun_gender or toks[probe].lower in data.speech_verbs:
            break
        probe += 1
    if probe + 1 < len(toks) and toks[probe].text == "," and toks[probe + 1].capitalised:
        name, used = _bare(text, toks, probe + 1, data)
        if name is not None and name.kind == "name" and (used >= len(toks) or toks[used].text in ",.;:()"):
            return name, used + 1 if used < len(toks) and toks[used].text == "," else used
    if index < len(toks) and toks[index].capitalised and toks[index].lower not in data.function_words:
        name, used = _bare(text, toks, index, data)  # der Forscher (Dr.) Heino Stoever
        if name is not None and name.kind == "name":
            return name, used
    return None, 0


def _bare(text: str, toks: list[Token], index: int, data: SpeechData) -> tuple[Mention | None, int]:
    """A run of capitalised words: roles and titles first, then the name (``Präsident Emmanuel Macron``)."""
    gender = ""
    while index < len(toks) and (data.is_role(toks[index].text) or toks[index].lower.rstrip(".") in data.titles):
        word = toks[index].lower
        if word in data.female_words or data.is_feminine_role(word):
            gender = "f"
        elif word in data.male_words:
            gender = gender or "m"
        index += 1
        if index < len(toks) and toks[index].text == ".":
            index += 1
    start = index
    while index < len(toks) and _name_word(toks, index, start, data):
        index += 1
        if index + 1 < len(toks) and len(toks[index - 1].text) == 1 and toks[index].text == "." \
                and toks[index + 1].capitalised:
            index += 1  # an initial: Matthias W. Beckmann
    if index == start:
        return (Mention(toks[start - 1].start, toks[start - 1].end, "noun", gender), start) if start else (None, 0)
    return Mention(toks[start].start, toks[index - 1].end, "name", gender), index


def _name_word(toks: list[Token], index: int, start: int, data: SpeechData) -> bool:
    """A word of a name: capitalised (a role word only after the name began: Gerhard Richter) or a particle."""
    token = toks[index]
    if token.capitalised and token.text[0].isalpha():
        if token.lower in data.pronoun_gender or (index == start and token.lower in data.function_words):
            return False
        return index > start or not data.is_role(token.text)
    if token.lower in data.name_particles:
        if token.lower in data.determiners and toks[index - 1].lower not in data.name_particles:
            return False  # von der Leyen, but not Hauk das Projekt
        return index > start and index + 1 < len(toks) and toks[index + 1].capitalised
    return False


class Tag:
    """A speech cue beside a quote and the phrase naming its speaker (None: the cue names nobody)."""

    def __init__(self, cue: str, mention: Mention | None, end: int) -> None:
        self.cue: Final = cue  # the cue word ("sagte", "so", ":")
        self.mention: Final = mention
        self.end: Final = end  # where the tag ends in the text


def tag_after(text: str, start: int, end: int, data: SpeechData) -> Tag | None:
    """A speech tag right after a closing mark: „…“, sagte X / „…“, so X / „…“, wie X zitiert wird /
    "…," X said."""
    toks = tokens(text, start, end, 2)  # most quotes have no tag: two tokens tell, before reading more
    index = 1 if toks and toks[0].text in ",;" and toks[0].start - start < 3 else 0
    if index >= len(toks) or (index == 0 and toks and toks[0].start - start > 2):
        return None
    first = toks[index]
    word = first.lower
    opens_verb = word in data.speech_verbs or word in data.auxiliaries
    opens_cue = word in data.so_cue or word in data.wie_cue
    if not (opens_verb or opens_cue or word in data.impersonal or _starts_phrase(first, data)):
        return None  # (no tag can open with it: the full window is not read)
    toks = tokens(text, start, end)
    if opens_verb:
        return _verb_tag(text, toks, index, data)
    if opens_cue:
        mention, used = phrase_at(text, toks[index + 1:], data)
        if mention is None or (first.lower in data.wie_cue and not any(
                token.lower in data.speech_verbs for token in toks[index + 1 + used:index + 5 + used])):
            return None
        return Tag(first.lower, mention, toks[index + used].end)
    mention, used = phrase_at(text, toks[index:], data)
    verb = index + used
    if mention is not None and verb < len(toks) and toks[verb].lower in data.subject_first_verbs:
        return Tag(toks[verb].lower, mention, toks[verb].end)
    return None


def _verb_tag(text: str, toks: list[Token], index: int, data: SpeechData) -> Tag | None:
    """``sagte X``; ``hatte X gesagt`` / ``wird X zitiert``; ``hieß es vom Abgeordneten X``."""
    first = toks[index]
    mention, used = subject_after(text, toks, index + 1, data)
    if first.lower in data.auxiliaries and first.lower not in data.speech_verbs and not any(
            token.lower in data.quoted_participles or token.lower in data.speech_verbs for token in toks[used:]):
        return None
    if first.lower in data.quoting_verbs:  # „…“, zitierte man X / zitiert die Zeitung Sprecher X: the object
        quoted, _ = phrase_at(text, toks[used:], data) if mention is not None else (None, 0)
        mention = quoted if quoted is not None and quoted.kind == "name" else (
            _only_introduced_name(text, toks[index + 1:], data) or mention)
    elif mention is not None and mention.kind == "impersonal" and used < len(toks) \
            and toks[used].lower in data.source_prepositions:
        source, _ = phrase_at(text, toks[used + 1:], data)  # hieß es von Sprecher Hans Muster
        if source is not None and source.kind == "name" and " " in text[source.start:source.end]:
            mention = source
    return Tag(first.lower, mention, toks[used - 1].end if used else first.end)


def tag_before(text: str, sentence_start: int, quote_start: int, data: SpeechData) -> Tag | None:
    """A speech tag ending in a colon before the quote: X sagte: „…“ / Ein Sprecher: „…“."""
    colon = quote_start - 1
    while colon >= sentence_start and text[colon] in " \t\n*_\u00a0":
        colon -= 1
    if colon < sentence_start or text[colon] != ":":
        return None
    toks = tokens_before(text, sentence_start, colon, 40)
    for index in range(len(toks) - 1, -1, -1):
        if toks[index].lower in data.speech_verbs:
            return Tag(toks[index].lower, _colon_speaker(text, toks, index, data), colon + 1)
    mention = _name_before_colon(text, toks, data) or clause_subject(text, toks, data)
    if mention is None or mention.kind in ("noun", "impersonal"):
        mention = _only_introduced_name(text, toks, data) or mention
    return Tag(":", mention, colon + 1)


def _only_introduced_name(text: str, toks: list[Token], data: SpeechData) -> Mention | None:
    """The one person a tag introduces with a role (…, Annette Widmann-Mauz, zum Ausdruck:), if only one."""
    found = []
    for index in range(1, len(toks)):
        if toks[index].capitalised and (data.is_role(toks[index - 1].text) or toks[index - 1].text == ","):
            mention, _ = _bare(text, toks, index, data)
            if mention is not None and mention.kind == "name" and " " in text[mention.start:mention.end]:
                found.append(mention)
    return found[0] if len({text[m.start:m.end] for m in found}) == 1 else None


def _colon_speaker(text: str, toks: list[Token], verb: int, data: SpeechData) -> Mention | None:
    """The speaker of ``X sagte: „…“``; for ``zitierte X mit den Worten:`` the object, and for
    ``wird X wie folgt zitiert:`` the phrase after the auxiliary."""
    if toks[verb].lower in data.quoting_verbs:
        aux = next((index for index in range(verb - 1, -1, -1) if toks[index].lower in data.auxiliaries), -1)
        quoted, _ = subject_after(text, toks, aux + 1 if aux >= 0 else verb + 1, data)
        if quoted is not None and quoted.kind in ("name", "pronoun"):
            return quoted
    return subject_of(text, toks, verb, data)


def _name_before_colon(text: str, toks: list[Token], data: SpeechData, after: str = "") -> Mention | None:
    """``…, und der norwegische Ministerpräsident Jens Stoltenberg: „…“``: a role and a name end the tag
    (or, with ``after`` ",", a name in commas: ``…, Frank Bsirske,``)."""
    end = len(toks)
    while end > 0 and toks[end - 1].text in ")":
        end = next((index for index in range(end - 1, -1, -1) if toks[index].text == "("), 0)
    start = end
    while start > 0 and toks[start - 1].capitalised and not data.is_role(toks[start - 1].text) \
            and toks[start - 1].lower not in data.function_words:
        start -= 1
    if start == end or start == 0 or not (data.is_role(toks[start - 1].text) or (
            after and toks[start - 1].text == after and end - start > 1)):
        return None
    return Mention(toks[start].start, toks[end - 1].end, "name", _gender_of(toks[start - 1], data))


def _gender_of(role: Token, data: SpeechData) -> str:
    if role.lower in data.female_words or data.is_feminine_role(role.text):
        return "f"
    return "m" if role.lower in data.male_words else ""


def subject_of(text: str, toks: list[Token], verb: int, data: SpeechData) -> Mention | None:
    """The subject of the speech verb ``toks[verb]``: the phrase opening its clause, else the one after it.

    ``toks`` start at the clause or sentence start. German puts the verb second: a noun phrase before
    it is the subject (Merkel sagte …); anything else there (Dazu sagte …) puts the subject after it.
    A phrase that opens the clause but does not reach the verb leaves the subject unknown (the phrase
    after the verb is then its object). A verb after ``und`` shares the subject that opens a simple
    sentence (Key informierte sich und sprach von …), else its subject is unknown.
    """
    before = toks[:verb]
    if before and before[-1].lower in data.conjunctions:
        return _shared_subject(text, before, data)
    opener = next((index for index in range(len(before) - 1, -1, -1) if before[index].lower in data.clause_openers
                   or before[index].text in ",;:"), -1)
    if opener >= 0 and before[opener].lower in data.clause_openers:
        mention, used = phrase_at(text, before[opener + 1:], data)  # …, zumal X betont hatte
        if mention is not None:  # (but not: wird X wie folgt zitiert)
            return mention if _reaches_verb(before[opener + 1 + used:], data) else None
    lead = 0
    while lead < len(before) and before[lead].lower in data.clause_words:
        lead += 1  # Auch der Minister sagte …
    if lead < len(before) and _starts_phrase(before[lead], data) and before[lead].lower not in data.object_articles:
        mention, used = phrase_at(text, before[lead:], data)
        if mention is not None and _reaches_verb(before[lead + used:], data):
            return mention
        if mention is not None and before[-1].text == ",":  # Der Vorsitzende der …, Frank Bsirske, würdigte
            named = _name_before_colon(text, before[:-1], data, ",")
            if named is not None:
                return named
    mention, _ = subject_after(text, toks, verb + 1, data)
    return mention if mention is not None else clause_subject(text, before, data)


def _shared_subject(text: str, before: list[Token], data: SpeechData) -> Mention | None:
    """The name or pronoun opening a sentence with no comma before ``und``, its verb right after it."""
    if not _starts_phrase(before[0], data) or any(token.text in ",;:()" for token in before):
        return None
    mention, used = phrase_at(text, before, data)
    if mention is None or mention.kind not in ("name", "pronoun") or used >= len(before) - 1:
        return None
    return mention if before[used].text.islower() and before[used].text.isalpha() else None


def clause_subject(text: str, toks: list[Token], data: SpeechData) -> Mention | None:
    """The subject of a main clause whose verb is unknown: its first phrase, or the one after the verb.

    ``Jean Todt stellt sich vor seinen Fahrer:`` → Jean Todt; ``Hier sparte der Präsident nicht mit Kritik:``
    → der Präsident (a description, so no name).
    """
    if not toks:
        return None
    if _starts_phrase(toks[0], data):
        return phrase_at(text, toks, data)[0]
    index = _skip_adverbials(toks, 0, data)
    if index == 0 and toks[0].lower in data.function_words:
        index = 1
    if 0 < index < len(toks) and toks[index].text[0].islower() and toks[index].lower not in data.determiners:
        return subject_after(text, toks, index + 1, data)[0]
    return None


def _starts_phrase(token: Token, data: SpeechData) -> bool:
    word = token.lower
    if word in data.pronoun_gender or word in data.determiners:
        return True
    return token.capitalised and word not in data.function_words and word not in data.prepositions


def _reaches_verb(between: list[Token], data: SpeechData) -> bool:
    """Only adverbs, genitives (des Ministeriums), a parenthesis (SPD) or an apposition in commas
    stand between a subject and its verb."""
    index = 0
    while index < len(between):
        token = between[index]
        if token.lower in data.clause_words or (token.text[0].islower() and token.lower in data.function_words
                                                 and token.lower not in data.conjunctions):
            index += 1
        elif token.lower in data.genitive_articles:
            index += 1
            while index < len(between) and not between[index].capitalised and between[index].text[0].isalpha():
                index += 1
            while index < len(between) and between[index].capitalised:
                index += 1
        elif token.text in "(,":
            closing = ")" if token.text == "(" else ","
            end = next((probe for probe in range(index + 1, len(between)) if between[probe].text == closing), -1)
            if end < 0 and token.text == "," and index == len(between) - 1:
                return True  # the comma closing the apposition right before the verb
            relative = token.text == "," and index + 1 < len(between) and between[index + 1].lower in data.relative_pronouns
            if end < 0 or not relative and any(word.lower in data.speech_verbs for word in between[index:end]):
                return False  # (a verb inside a relative clause is that clause's: Klose, der Gelb-Rot sah, nannte)
            index = end if closing == "," else end + 1  # a comma may open the next apposition
        else:
            return False
    return True


def subject_after(text: str, toks: list[Token], index: int, data: SpeechData) -> tuple[Mention | None, int]:
    """The phrase after a speech verb, past adverbs and prepositional phrases (sagte am Montag X)."""
    index = _skip_adverbials(toks, index, data)
    mention, used = phrase_at(text, toks[index:], data)
    if mention is None:
        return _name_after_lowercase_role(text, toks, index, data)
    return mention, index + used


def _name_after_lowercase_role(text: str, toks: list[Token], index: int, data: SpeechData) -> tuple[Mention | None, int]:
    """``said project director Alan Moore``: a name after a role written in lowercase (English), else nothing."""
    probe = index
    while probe < len(toks) and probe - index < 3 and toks[probe].text.isalpha() and toks[probe].text.islower() \
            and toks[probe].lower not in data.function_words:
        probe += 1
    if probe == index or probe >= len(toks) or not toks[probe].capitalised:
        return None, index
    mention, used = _bare(text, toks[probe:], 0, data)
    return (mention, probe + used) if mention is not None and mention.kind == "name" else (None, index)


def _skip_adverbials(toks: list[Token], index: int, data: SpeechData) -> int:
    while index < len(toks):
        word = toks[index].lower
        if word in data.clause_words:
            index += 1
        elif word in data.prepositions:
            index += 1
            while index < len(toks) and (toks[index].lower in data.determiners or not toks[index].capitalised) \
                    and toks[index].text[0].isalnum():
                index += 1
            while index < len(toks) and toks[index].capitalised:
                index += 1
        else:
            break
    return index
