"""The rulebook stage: YAML rule packs read, validated and compiled into Rules.

Receives pack files (shipped in ``rules/``, or the user's). Adds frozen
``Rule`` values, each holding its compiled check, with every mistake
reported as ``file:line:column: problem``. ``yamlsource`` reads YAML
keeping where each value was written; ``fields`` checks field types;
``kind`` is the contract every rule kind meets (the kinds themselves are
``audit.checks``, passed in by whoever loads packs); ``wordlists`` reads
the data files packs name; ``selection`` enables and disables rules by id,
pack or tag. Open ``packs`` first.
"""
