"""The text stage: from bytes to a Document that every later stage reads.

Receives paths, standard input or JSON Lines records. Adds the ``Article``
(``ingest``: decoded text, id, source language, reference) and the
``Document`` (``document``: paragraphs, sentences by Punkt in ``segment``,
quotations in ``quotes``, tokens and words as ``Span`` offsets of
``spans``), then the article's and its paragraphs' language
(``language``, with langdetect's algorithm in ``detector``). A bilingual
file (XLIFF, TMX, PO, TSV/CSV) is read by ``bilingual`` into aligned
segments, which the Article and the Document keep beside the text of the
targets. What the rules read is the ``Prose`` of ``prose`` (NFC, LF line
ends; a Markdown file's prose only, found by ``markdown``), which maps
every span back to the file's offsets. Open ``document`` first.
"""
