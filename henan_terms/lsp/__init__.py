"""The language server: the linter's findings as diagnostics while a translator types, the glossary on
hover, and the linter's fixes as code actions, for any editor that speaks the Language Server Protocol.

``documents`` lints a document as the editor holds it and places the findings in its text, ``hover``
describes the glossary term under the cursor, ``server`` speaks the protocol (pygls).
"""
