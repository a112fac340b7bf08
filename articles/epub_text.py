"""EPUB e-books to blocks: the spine's XHTML documents in reading order, metadata from the OPF."""

from __future__ import annotations

import posixpath
import zipfile
from io import BytesIO

import lxml.html
from lxml import etree

from articles.blocks import Block, Draft
from articles.dates import parse_date
from articles.errors import NotAnArticle
from articles.html_text import plain_blocks

_CONTAINER_NS = {"c": "urn:oasis:names:tc:opendocument:xmlns:container"}
_OPF_NS = {"opf": "http://www.idpf.org/2007/opf", "dc": "http://purl.org/dc/elements/1.1/"}
_XML_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
_HTML_PARSER = lxml.html.HTMLParser(remove_comments=True, no_network=True, recover=True)
_MAX_UNPACKED_BYTES = 200 * 1024 * 1024


def epub_draft(data: bytes) -> Draft:
    """Blocks and metadata of an EPUB file; raises ``NotAnArticle`` when it cannot be read."""
    try:
        with zipfile.ZipFile(BytesIO(data)) as archive:
            if sum(info.file_size for info in archive.infolist()) > _MAX_UNPACKED_BYTES:
                raise NotAnArticle("e-book unpacks to more than 200 MB; refusing to read it")
            opf_path = _rootfile(archive)
            opf = etree.fromstring(archive.read(opf_path), _XML_PARSER)
            blocks = [
                block
                for document in _spine_documents(archive, opf, posixpath.dirname(opf_path))
                for block in plain_blocks(lxml.html.document_fromstring(document, parser=_HTML_PARSER))
            ]
    except (zipfile.BadZipFile, KeyError, etree.XMLSyntaxError, etree.ParserError) as error:
        raise NotAnArticle(f"damaged e-book: {error}") from None
    return Draft(
        blocks=tuple(blocks),
        format="epub",
        title=_dc(opf, "title"),
        author=_dc(opf, "creator"),
        source=_dc(opf, "publisher"),
        date=parse_date(_dc(opf, "date")),
        language=(_dc(opf, "language") or "").split("-")[0].lower() or None,
    )


def _rootfile(archive: zipfile.ZipFile) -> str:
    container = etree.fromstring(archive.read("META-INF/container.xml"), _XML_PARSER)
    rootfile = container.find(".//c:rootfile", _CONTAINER_NS)
    if rootfile is None or not rootfile.get("full-path"):
        raise NotAnArticle("damaged e-book: META-INF/container.xml names no package file")
    return str(rootfile.get("full-path"))


def _spine_documents(archive: zipfile.ZipFile, opf: etree._Element, base: str) -> list[bytes]:
    manifest = {item.get("id"): item.get("href") for item in opf.iterfind(".//opf:manifest/opf:item", _OPF_NS)}
    documents = []
    for itemref in opf.iterfind(".//opf:spine/opf:itemref", _OPF_NS):
        href = manifest.get(itemref.get("idref"))
        if href:
            documents.append(archive.read(posixpath.normpath(posixpath.join(base, href))))
    return documents


def _dc(opf: etree._Element, name: str) -> str:
    element = opf.find(f".//dc:{name}", _OPF_NS)
    return " ".join("".join(element.itertext()).split()) if element is not None else ""
