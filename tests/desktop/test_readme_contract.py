"""README.md's command-line contract against the real parsers: every documented command, option, value list and
example must be what ``lesesaal`` accepts, and everything ``lesesaal`` accepts must be documented."""

from __future__ import annotations

import argparse
import re
import shlex
from collections import defaultdict
from pathlib import Path

import pytest

from desktop import cli

README = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
OPTION = re.compile(r"^--?[a-z][a-z-]*$")
PLACEHOLDER = re.compile(r"^[A-Z][A-Z_]*(\.\.\.)?$")


def _section(title: str) -> str:
    start = README.index(f"\n{title}\n")
    end = README.find("\n#", start + len(title) + 2)
    return README[start:end if end > 0 else len(README)]


def _table_rows() -> list[tuple[str, str]]:
    """(synopsis, description) of each row of the command table, ``\\|`` unescaped to ``|``."""
    rows = []
    for line in _section("### Command line (a stable contract for scripts)").splitlines():
        found = re.match(r"^\| `(.+?)` \| (.*) \|$", line)
        if found and found.group(1) != "command":
            rows.append((found.group(1).replace("\\|", "|"), found.group(2)))
    return rows


ROWS = _table_rows()


def _subcommands(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    actions = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    return dict(actions[0].choices) if actions else {}


COMMANDS = _subcommands(cli._parser())


def _options(parser: argparse.ArgumentParser) -> dict[str, argparse.Action]:
    """Every option string the parser takes (help and suppressed ones left out), to its action."""
    return {name: action for action in parser._actions if action.help != argparse.SUPPRESS
            and not isinstance(action, argparse._HelpAction) for name in action.option_strings}


def _tokens(synopsis: str) -> list[str]:
    return [t for t in re.split(r"[\s\[\]()]+", synopsis) if t and t != "|"]


def test_the_table_documents_every_command_and_only_those() -> None:
    documented = {synopsis.split()[0] for synopsis, _ in ROWS}
    assert documented == set(COMMANDS)


@pytest.mark.parametrize(("synopsis", "description"), ROWS, ids=[s for s, _ in ROWS])
def test_each_documented_option_exists_and_takes_a_value_exactly_when_documented_with_one(
        synopsis: str, description: str) -> None:
    tokens = _tokens(synopsis)
    options = _options(COMMANDS[tokens[0]])
    for n, token in enumerate(tokens[1:], start=1):
        if not OPTION.match(token):
            continue
        assert token in options, f"{token} is documented for {tokens[0]} but {tokens[0]} has no such option"
        following = tokens[n + 1] if n + 1 < len(tokens) else ""
        takes_value = bool(PLACEHOLDER.match(following)) or "|" in following
        documented = "with a value" if takes_value else "as a flag"
        assert (options[token].nargs != 0) is takes_value, f"{token} is documented {documented}"


@pytest.mark.parametrize(("synopsis", "description"), ROWS, ids=[s for s, _ in ROWS])
def test_each_documented_list_of_values_is_the_parsers_choices(synopsis: str, description: str) -> None:
    tokens = _tokens(synopsis)
    parser = COMMANDS[tokens[0]]
    options = _options(parser)
    positional_choices = [set(a.choices) for a in parser._actions if not a.option_strings and a.choices]
    for n, token in enumerate(tokens[1:], start=1):
        if "|" not in token:
            continue
        values = set(token.split("|"))
        if tokens[n - 1] in options:
            assert set(options[tokens[n - 1]].choices or ()) == values, f"{tokens[n - 1]}: {values}"
        else:
            assert values in positional_choices, f"{token} is not a positional choice of {tokens[0]}"


def _positional_tokens(tokens: list[str]) -> list[str]:
    """The synopsis' placeholders and value lists that are not the value of an option before them."""
    return [token for before, token in zip(tokens, tokens[1:])
            if (PLACEHOLDER.match(token) or "|" in token) and not OPTION.match(before)]


def _positional_name(action: argparse.Action) -> str:
    if action.choices:
        return "|".join(sorted(action.choices))
    return str(action.metavar or action.dest.upper()) + ("..." if action.nargs in ("+", "*") else "")


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_the_documented_arguments_are_the_positionals_of_each_command(command: str) -> None:
    parser = COMMANDS[command]
    expected = {_positional_name(action) for action in parser._actions if not action.option_strings}
    documented = set()
    for synopsis, _description in ROWS:
        tokens = _tokens(synopsis)
        if tokens[0] == command:
            documented |= {"|".join(sorted(t.split("|"))) for t in _positional_tokens(tokens)}
    assert documented == expected


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_every_option_of_every_command_is_documented(command: str) -> None:
    documented: dict[str, set[str]] = defaultdict(set)
    for synopsis, description in ROWS:
        documented[synopsis.split()[0]] |= set(re.findall(r"--?[a-z][a-z-]*", f"{synopsis} {description}"))
    missing = set(_options(COMMANDS[command])) - documented[command]
    assert not missing, f"lesesaal {command} takes {sorted(missing)}, which README.md's table does not mention"


def test_the_global_options_are_documented() -> None:
    line = re.search(r"`lesesaal \[--library DIR\] COMMAND`, and `lesesaal --version`", README)
    assert line is not None
    assert set(_options(cli._parser())) == {"--library", "--version"}


def _examples() -> list[str]:
    """Every ``lesesaal …`` line of README.md's indented example blocks, without its comment."""
    lines = re.findall(r"^    lesesaal (.+)$", README, flags=re.MULTILINE)
    return [re.sub(r"\s+#.*$", "", line).strip() for line in lines]


@pytest.mark.parametrize("example", _examples())
def test_every_example_command_line_parses(example: str) -> None:
    try:
        args = cli._parser().parse_args(shlex.split(example))
    except SystemExit as stop:  # argparse's way of refusing a command line
        pytest.fail(f"lesesaal {example}: refused (exit {stop.code})")
    assert args.command == example.split()[0]


def test_the_examples_cover_the_everyday_commands() -> None:
    used = {example.split()[0] for example in _examples()}
    assert {"import", "list", "show", "search", "summarize", "annotate", "lists", "export", "backup"} <= used


def test_the_desktop_app_takes_the_options_its_section_names() -> None:
    pytest.importorskip("PySide6")
    from desktop import app

    section = _section("## The desktop app")
    assert set(_options(app._parser())) == {"--library"} and "(each takes `--library DIR`)" in section
    assert "`gui [PATH_OR_LINK...]`" in README  # lesesaal gui takes what lesesaal-gui takes
    assert [_positional_name(a) for a in app._parser()._actions if not a.option_strings] == ["PATH_OR_LINK..."]
