"""Reading files: each kind of bad input fails with a specific reason; good ones keep every paragraph."""

from __future__ import annotations

import os
import zipfile
from pathlib import Path

import pytest

from articles.errors import FileTooLarge, FileUnreadable, NotAnArticle, UndecodableText
from articles.model import Role
from articles.reader import read_article


def write(path: Path, content: str | bytes) -> Path:
    path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    return path


def test_empty_file_is_refused(tmp_path: Path) -> None:
    with pytest.raises(NotAnArticle, match="empty file"):
        read_article(write(tmp_path / "empty.txt", ""))


def test_whitespace_only_file_is_refused(tmp_path: Path) -> None:
    with pytest.raises(NotAnArticle, match="empty file"):
        read_article(write(tmp_path / "blank.md", " \n\n\t \r\n"))


def test_file_over_the_size_limit_is_refused_with_both_sizes(tmp_path: Path) -> None:
    path = write(tmp_path / "huge.txt", "Wort " * 300_000)
    with pytest.raises(FileTooLarge, match=r"1\.4 MB is over the limit of 1\.0 MB"):
        read_article(path, max_bytes=1024 * 1024)


def test_missing_file_and_broken_link(tmp_path: Path) -> None:
    with pytest.raises(FileUnreadable, match="not found"):
        read_article(tmp_path / "gone.txt")
    link = tmp_path / "dangling.txt"
    link.symlink_to(tmp_path / "nowhere.txt")
    with pytest.raises(FileUnreadable, match="not found"):
        read_article(link)


def test_symlink_loop_is_named(tmp_path: Path) -> None:
    loop = tmp_path / "loop.txt"
    loop.symlink_to(loop)
    with pytest.raises(FileUnreadable, match="link loop"):
        read_article(loop)


def test_folder_given_as_file_is_not_a_regular_file(tmp_path: Path) -> None:
    with pytest.raises(FileUnreadable, match="not a regular file"):
        read_article(tmp_path)


def test_unreadable_file_says_permission_denied(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write(tmp_path / "secret.txt", "Titel\n\nText.")
    if os.geteuid() == 0:  # root reads everything; make open() fail the way it does for users
        def refuse(*args: object, **kwargs: object) -> None:
            raise PermissionError(13, "Permission denied")
        monkeypatch.setattr("builtins.open", refuse)
    else:
        path.chmod(0)
    with pytest.raises(FileUnreadable, match="permission denied"):
        read_article(path)


def test_binary_file_with_text_extension_is_refused(tmp_path: Path) -> None:
    with pytest.raises(NotAnArticle, match="JPEG"):
        read_article(write(tmp_path / "photo.txt", b"\xff\xd8\xff\xe0" + bytes(range(256)) * 4))


def test_undecodable_bytes_are_refused(tmp_path: Path) -> None:
    noise = bytes(b for b in range(128, 256) for _ in range(20))
    with pytest.raises(UndecodableText):
        read_article(write(tmp_path / "noise.txt", noise))


def test_html_with_only_scripts_has_no_text(tmp_path: Path) -> None:
    page = "<html><head><script>alert(1)</script></head><body><script>x()</script></body></html>"
    with pytest.raises(NotAnArticle, match="no readable text"):
        read_article(write(tmp_path / "scripts.html", page))


def test_broken_html_still_yields_its_text(tmp_path: Path) -> None:
    page = "<html><body><h1>Streik bei der Bahn<p>Die Gewerkschaft ruft zum Streik auf.<p>Züge fallen aus"
    article = read_article(write(tmp_path / "broken.html", page))
    assert article.metadata.title == "Streik bei der Bahn"
    assert "Die Gewerkschaft ruft zum Streik auf." in [p.text for p in article.paragraphs]


def test_html_with_scripts_iframes_and_remote_images_fetches_nothing(tmp_path: Path) -> None:
    # The autouse no_network fixture fails the test on any connection attempt.
    page = """<html><head><title>Wahl in Bayern</title><script src="http://tracker.example/t.js"></script>
    <link rel="stylesheet" href="http://cdn.example/x.css"></head><body><article><h1>Wahl in Bayern</h1>
    <img src="http://cdn.example/photo.jpg" alt="Wahllokal in München"><iframe src="http://ads.example/"></iframe>
    <p>Die Wahlbeteiligung lag bei 71 Prozent, teilte der Landeswahlleiter am Sonntagabend mit.</p>
    <script>document.write('<p>injected</p>')</script>
    <p>Die Auszählung soll bis Montagmorgen dauern, hieß es aus dem Innenministerium.</p></article></body></html>"""
    article = read_article(write(tmp_path / "wahl.html", page))
    texts = [p.text for p in article.paragraphs]
    assert "Die Wahlbeteiligung lag bei 71 Prozent, teilte der Landeswahlleiter am Sonntagabend mit." in texts
    assert not any("injected" in text or "document.write" in text for text in texts)


def test_unknown_extension_is_sniffed_as_markdown(tmp_path: Path) -> None:
    article = read_article(write(tmp_path / "download.dat", "# Hitzewelle im Süden\n\n## Lage\n\nEs ist heiß, sagte ein Sprecher."))
    assert [(p.role, p.text) for p in article.paragraphs][:2] == [
        (Role.TITLE, "Hitzewelle im Süden"), (Role.HEADING, "Lage")]


def test_epub_chapters_are_read_in_spine_order(tmp_path: Path) -> None:
    path = tmp_path / "dossier.epub"
    with zipfile.ZipFile(path, "w") as book:
        book.writestr("mimetype", "application/epub+zip", compress_type=zipfile.ZIP_STORED)
        book.writestr("META-INF/container.xml", """<?xml version="1.0"?>
<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
<rootfiles><rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/></rootfiles></container>""")
        book.writestr("OEBPS/content.opf", """<?xml version="1.0"?>
<package xmlns="http://www.idpf.org/2007/opf" version="3.0"><metadata xmlns:dc="http://purl.org/dc/elements/1.1/">
<dc:title>Dossier Energiewende</dc:title><dc:creator>Lea Kraus</dc:creator><dc:language>de</dc:language>
<dc:date>2025-05-02</dc:date></metadata>
<manifest><item id="b" href="b.xhtml" media-type="application/xhtml+xml"/><item id="a" href="a.xhtml" media-type="application/xhtml+xml"/></manifest>
<spine><itemref idref="a"/><itemref idref="b"/></spine></package>""")
        book.writestr("OEBPS/a.xhtml", "<html><body><h1>Dossier Energiewende</h1><p>Der Ausbau der Windkraft kommt voran, sagen die Netzbetreiber.</p></body></html>")
        book.writestr("OEBPS/b.xhtml", "<html><body><h2>Speicher</h2><p>Batteriespeicher werden billiger, so eine neue Studie.</p></body></html>")
    article = read_article(path)
    assert article.format == "epub"
    assert article.metadata.author == "Lea Kraus" and article.metadata.date == "2025-05-02"
    assert [p.role for p in article.paragraphs] == [Role.TITLE, Role.LEAD, Role.HEADING, Role.BODY]


def test_damaged_epub_is_refused(tmp_path: Path) -> None:
    with pytest.raises(NotAnArticle, match="e-book"):
        read_article(write(tmp_path / "broken.epub", b"PK\x03\x04" + b"\x00" * 100))


def test_markdown_front_matter_title_is_the_title_when_the_file_has_no_heading(tmp_path: Path) -> None:
    path = tmp_path / "bruecke.md"
    path.write_text('---\ntitle: "Neue Brücke über die Elbe eröffnet"\nauthor: Jana Berg\n---\n\n'
                    "Die neue Brücke wurde am Montag eröffnet. Die Bürgermeisterin sprach von einem guten Tag.\n\n"
                    "Der Bau dauerte vier Jahre.\n", encoding="utf-8")
    article = read_article(path)
    assert article.metadata.title == "Neue Brücke über die Elbe eröffnet"
    assert [(p.role, p.text[:20]) for p in article.paragraphs] == [
        (Role.TITLE, "Neue Brücke über die"), (Role.LEAD, "Die neue Brücke wurd"), (Role.BODY, "Der Bau dauerte vier")]


def test_markdown_heading_stays_the_title_beside_a_front_matter_title(tmp_path: Path) -> None:
    path = tmp_path / "bruecke.md"
    path.write_text("---\ntitle: Brücke eröffnet | Elbkurier\n---\n\n# Neue Brücke über die Elbe eröffnet\n\n"
                    "Die neue Brücke wurde am Montag eröffnet.\n", encoding="utf-8")
    article = read_article(path)
    assert article.metadata.title == "Neue Brücke über die Elbe eröffnet"
    assert [p.role for p in article.paragraphs] == [Role.TITLE, Role.LEAD]
