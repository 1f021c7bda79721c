"""The regex machinery that keeps rules fast, knowing nothing of rules.

Receives regex sources (as rule authors write them, in ``regex`` syntax).
Adds what lets the engine skip work: the literals every match must hold
(``prefilter``), a loose RE2 copy that matches at least what the regex
matches (``loosen``, its syntax tree in ``nodes``), and RE2 sets that run
many copies in one pass over an article (``screen``). Open ``screen``
first: its docstring says how the pieces fit.
"""
