"""The language server, spoken to over stdio by pygls' client as an editor speaks to it: diagnostics on
open and on change, hover, and the code actions that fix."""

from __future__ import annotations

import asyncio
import sys
from collections.abc import Awaitable, Callable, Iterator
from pathlib import Path

import pytest
from lsprotocol import types
from pygls.lsp.client import LanguageClient

DEPRECATED = "We will plan Dipper applications.\n前瞻布局北斗应用。\n"
CORRECT = "We will plan BeiDou applications.\n前瞻布局北斗应用。\n"


class Editor:
    """A client that opens, edits and asks about documents, and keeps the diagnostics published."""

    def __init__(self, client: LanguageClient) -> None:
        self.client = client
        self.folder = Path()  # the folder of the documents, set by each test
        self.published: dict[str, asyncio.Queue[list[types.Diagnostic]]] = {}
        self.versions: dict[str, int] = {}

    def queue(self, uri: str) -> asyncio.Queue[list[types.Diagnostic]]:
        return self.published.setdefault(uri, asyncio.Queue())

    async def diagnostics(self, name: str) -> list[types.Diagnostic]:
        return await asyncio.wait_for(self.queue((self.folder / name).as_uri()).get(), 120)

    async def open(self, name: str, text: str) -> list[types.Diagnostic]:
        uri = (self.folder / name).as_uri()
        self.versions[uri] = 1
        self.client.text_document_did_open(
            types.DidOpenTextDocumentParams(types.TextDocumentItem(uri, "plaintext", 1, text))
        )
        return await self.diagnostics(name)

    async def change(self, name: str, edit: types.TextEdit) -> list[types.Diagnostic]:
        uri = (self.folder / name).as_uri()
        self.versions[uri] += 1
        change = types.TextDocumentContentChangePartial(range=edit.range, text=edit.new_text)
        self.client.text_document_did_change(
            types.DidChangeTextDocumentParams(types.VersionedTextDocumentIdentifier(self.versions[uri], uri), [change])
        )
        return await self.diagnostics(name)

    async def close(self, name: str) -> list[types.Diagnostic]:
        uri = (self.folder / name).as_uri()
        self.client.text_document_did_close(types.DidCloseTextDocumentParams(types.TextDocumentIdentifier(uri)))
        return await self.diagnostics(name)

    async def hover(self, name: str, line: int, character: int) -> str | None:
        uri = (self.folder / name).as_uri()
        params = types.HoverParams(types.TextDocumentIdentifier(uri), types.Position(line, character))
        hover = await self.client.text_document_hover_async(params)
        if hover is None:
            return None
        assert isinstance(hover.contents, types.MarkupContent)
        return hover.contents.value

    async def actions(self, name: str, diagnostics: list[types.Diagnostic]) -> list[types.CodeAction]:
        uri = (self.folder / name).as_uri()
        whole = types.Range(types.Position(0, 0), types.Position(0, 0))
        params = types.CodeActionParams(
            types.TextDocumentIdentifier(uri), whole, types.CodeActionContext(diagnostics=diagnostics)
        )
        found = await self.client.text_document_code_action_async(params)
        return [a for a in found or [] if isinstance(a, types.CodeAction)]


Server = tuple[asyncio.AbstractEventLoop, Editor]


@pytest.fixture(scope="module")
def server() -> Iterator[Server]:
    """One server for the module, as an editor keeps one for its session; each test has its own folder."""
    loop = asyncio.new_event_loop()
    client = LanguageClient("test-editor", "1")
    editor = Editor(client)

    @client.feature(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    def published(params: types.PublishDiagnosticsParams) -> None:
        editor.queue(params.uri).put_nowait(list(params.diagnostics))

    async def start() -> None:
        await client.start_io(sys.executable, "-m", "henan_terms", "lsp", "--stdio")
        await client.initialize_async(types.InitializeParams(capabilities=types.ClientCapabilities()))
        client.initialized(types.InitializedParams())

    async def stop() -> None:
        await client.shutdown_async(None)
        client.exit(None)
        await client.stop()

    loop.run_until_complete(start())
    yield loop, editor
    loop.run_until_complete(stop())
    loop.close()


def session(
    server: Server,
    folder: Path,
    scenario: Callable[[Editor], Awaitable[None]],
    config: str = "",
) -> None:
    """Run a scenario on documents of a project folder (its configuration: ``config``)."""
    (folder / "henan-terms.toml").write_text(config, encoding="utf-8")
    loop, editor = server
    editor.folder = folder
    loop.run_until_complete(scenario(editor))


def spans(diagnostics: list[types.Diagnostic]) -> list[tuple[object, int, int, int]]:
    return [(d.code, d.range.start.line, d.range.start.character, d.range.end.character) for d in diagnostics]


def test_a_deprecated_rendering_is_a_diagnostic_on_it_and_a_correct_draft_none(server: Server, tmp_path: Path) -> None:
    async def scenario(editor: Editor) -> None:
        diagnostics = await editor.open("draft.txt", DEPRECATED)
        assert spans(diagnostics) == [("deprecated-rendering", 0, 13, 19)]
        assert diagnostics[0].severity == types.DiagnosticSeverity.Error
        assert diagnostics[0].source == "henan-terms" and "'BeiDou'" in diagnostics[0].message
        assert await editor.open("correct.txt", CORRECT) == []

    session(server, tmp_path, scenario)


def test_diagnostics_follow_the_text_as_it_changes(server: Server, tmp_path: Path) -> None:
    async def scenario(editor: Editor) -> None:
        assert await editor.open("draft.txt", CORRECT) == []
        typed = types.TextEdit(types.Range(types.Position(0, 13), types.Position(0, 19)), "Dipper")
        assert spans(await editor.change("draft.txt", typed)) == [("deprecated-rendering", 0, 13, 19)]
        undone = types.TextEdit(types.Range(types.Position(0, 13), types.Position(0, 19)), "BeiDou")
        assert await editor.change("draft.txt", undone) == []

    session(server, tmp_path, scenario)


def test_the_code_action_replaces_the_deprecated_rendering_with_the_preferred(server: Server, tmp_path: Path) -> None:
    async def scenario(editor: Editor) -> None:
        diagnostics = await editor.open("draft.txt", "Dipper applications grow.\n北斗应用发展。\n")
        actions = await editor.actions("draft.txt", diagnostics)
        quick = [a for a in actions if a.kind == types.CodeActionKind.QuickFix]
        assert len(quick) == 1 and list(quick[0].diagnostics or []) == diagnostics
        assert quick[0].edit is not None and quick[0].edit.changes is not None
        [edit] = quick[0].edit.changes[(tmp_path / "draft.txt").as_uri()]
        assert (edit.range.start.character, edit.range.end.character, edit.new_text) == (0, 6, "BeiDou")
        assert await editor.change("draft.txt", edit) == []

    session(server, tmp_path, scenario)


def test_a_finding_without_a_fix_gets_no_code_action(server: Server, tmp_path: Path) -> None:
    async def scenario(editor: Editor) -> None:
        diagnostics = await editor.open(
            tmp_path / "draft.txt", "We will plan satellite applications.\n前瞻布局北斗应用。\n"
        )
        assert [d.code for d in diagnostics] == ["missing-rendering"]
        assert diagnostics[0].range.start.line == 0
        assert await editor.actions("draft.txt", diagnostics) == []

    session(server, tmp_path, scenario)


def test_fix_all_replaces_every_fixable_rendering_of_the_document(server: Server, tmp_path: Path) -> None:
    async def scenario(editor: Editor) -> None:
        text = "Dipper grows, and Dipper applications too.\n北斗发展，北斗应用也发展。\n"
        diagnostics = await editor.open("draft.txt", text)
        assert spans(diagnostics) == [("deprecated-rendering", 0, 0, 6), ("deprecated-rendering", 0, 18, 24)]
        [fix_all] = [a for a in await editor.actions("draft.txt", []) if a.kind == types.CodeActionKind.SourceFixAll]
        assert fix_all.edit is not None and fix_all.edit.changes is not None
        edits = fix_all.edit.changes[(tmp_path / "draft.txt").as_uri()]
        assert [(e.range.start.character, e.new_text) for e in edits] == [(0, "BeiDou"), (18, "BeiDou")]

    session(server, tmp_path, scenario)


def test_ranges_count_utf16_units_past_a_character_outside_the_basic_plane(server: Server, tmp_path: Path) -> None:
    async def scenario(editor: Editor) -> None:
        diagnostics = await editor.open(
            tmp_path / "draft.txt", "𠀀 We will plan Dipper applications.\n前瞻布局北斗应用。\n"
        )
        deprecated = [s for s in spans(diagnostics) if s[0] == "deprecated-rendering"]
        assert deprecated == [("deprecated-rendering", 0, 16, 22)]  # 𠀀 is two UTF-16 units, one code point

    session(server, tmp_path, scenario)


def test_hover_on_a_chinese_term_and_on_an_english_rendering(server: Server, tmp_path: Path) -> None:
    async def scenario(editor: Editor) -> None:
        await editor.open("draft.txt", DEPRECATED)
        chinese = await editor.hover("draft.txt", 1, 5)  # 斗 of 北斗
        assert chinese is not None
        assert "**北斗** běi dǒu" in chinese and "**BeiDou** — preferred" in chinese
        assert "~~Dipper~~ — deprecated" in chinese and "<http://en.beidou.gov.cn/" in chinese
        english = await editor.hover("draft.txt", 0, 15)  # inside "Dipper"
        assert english is not None and english.startswith("*Dipper*: deprecated rendering of **北斗**; use **BeiDou**")
        assert await editor.hover("draft.txt", 0, 4) is None  # "will"
        assert await editor.hover("draft.txt", 1, 0) is None  # 前 of 前瞻, no term

    session(server, tmp_path, scenario)


def test_a_po_file_has_its_diagnostic_on_the_msgstr(server: Server, tmp_path: Path) -> None:
    po = (
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
        '#: a.c:1\nmsgid "前瞻布局北斗应用"\nmsgstr "We will plan Dipper applications."\n\n'
        'msgid "北斗应用"\nmsgstr "BeiDou applications"\n'
    )

    async def scenario(editor: Editor) -> None:
        diagnostics = await editor.open("draft.po", po)
        assert spans(diagnostics) == [("deprecated-rendering", 6, 21, 27)]
        [quick, _] = await editor.actions("draft.po", diagnostics)
        assert quick.edit is not None and quick.edit.changes is not None
        [edit] = quick.edit.changes[(tmp_path / "draft.po").as_uri()]
        assert await editor.change("draft.po", edit) == []

    session(server, tmp_path, scenario)


XLIFF = """<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
  <file original="a.txt" source-language="zh-CN" target-language="en" datatype="plaintext">
    <body>
      <trans-unit id="1">
        <source>前瞻布局北斗应用</source>
        <target>We will plan {} applications.</target>
      </trans-unit>
    </body>
  </file>
</xliff>
"""


def test_an_xliff_file_has_its_diagnostic_on_the_target(server: Server, tmp_path: Path) -> None:
    async def scenario(editor: Editor) -> None:
        assert spans(await editor.open("a.xlf", XLIFF.format("Dipper"))) == [("deprecated-rendering", 6, 29, 35)]
        assert await editor.open("b.xlf", XLIFF.format("BeiDou")) == []

    session(server, tmp_path, scenario)


def test_a_malformed_file_is_one_error_diagnostic_naming_it(server: Server, tmp_path: Path) -> None:
    async def scenario(editor: Editor) -> None:
        [diagnostic] = await editor.open("bad.xlf", XLIFF.format("Dipper").replace("</target>", ""))
        assert diagnostic.severity == types.DiagnosticSeverity.Error and diagnostic.code == "input"
        assert "bad.xlf" in diagnostic.message and "not well-formed XML" in diagnostic.message

    session(server, tmp_path, scenario)


def test_a_markdown_draft_is_read_with_its_source_by_the_naming_rule(server: Server, tmp_path: Path) -> None:
    (tmp_path / "notes.zh.md").write_text("# 北斗\n\n前瞻布局北斗应用。\n", encoding="utf-8")
    draft = "# BeiDou\n\nWe will plan Dipper applications.\n"

    async def scenario(editor: Editor) -> None:
        assert spans(await editor.open("notes.en.md", draft)) == [("deprecated-rendering", 2, 13, 19)]
        assert await editor.open("other.en.md", draft) == []  # no other.zh.md: nothing is paired

    session(server, tmp_path, scenario)


def test_an_open_source_is_read_as_the_editor_holds_it_and_relints_its_draft(server: Server, tmp_path: Path) -> None:
    (tmp_path / "notes.zh.md").write_text("前瞻布局应用。\n", encoding="utf-8")

    async def scenario(editor: Editor) -> None:
        assert await editor.open("notes.en.md", "We will plan Dipper applications.\n") == []
        await editor.open("notes.zh.md", "前瞻布局北斗应用。\n")
        assert spans(await editor.diagnostics("notes.en.md")) == [("deprecated-rendering", 0, 13, 19)]

    session(server, tmp_path, scenario)


def test_closing_a_document_clears_its_diagnostics(server: Server, tmp_path: Path) -> None:
    async def scenario(editor: Editor) -> None:
        assert len(await editor.open("draft.txt", DEPRECATED)) == 1
        assert await editor.close("draft.txt") == []

    session(server, tmp_path, scenario)


def test_the_configured_severity_is_the_diagnostic_severity(server: Server, tmp_path: Path) -> None:
    async def scenario(editor: Editor) -> None:
        [diagnostic] = await editor.open("draft.txt", DEPRECATED)
        assert diagnostic.severity == types.DiagnosticSeverity.Information

    session(server, tmp_path, scenario, '[severity]\ndeprecated-rendering = "info"\n')


def test_the_configuration_selects_checks_and_names_the_pairing_rule(server: Server, tmp_path: Path) -> None:
    (tmp_path / "notes-zh.txt").write_text("前瞻布局北斗应用。\n", encoding="utf-8")
    config = 'select = ["missing-rendering"]\n[pair]\n"-en.txt" = "-zh.txt"\n'

    async def scenario(editor: Editor) -> None:
        assert await editor.open("notes-en.txt", "We will plan Dipper applications.\n") == []
        assert [d.code for d in await editor.open("other-en.txt", "We plan it.\n")] == []
        assert [d.code for d in await editor.open("notes-en.txt", "We will plan satellites.\n")] == [
            "missing-rendering"
        ]

    session(server, tmp_path, scenario, config)
