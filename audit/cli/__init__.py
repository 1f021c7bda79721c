"""The ``audit`` command: the only part of the package that prints.

Receives command-line arguments. Adds nothing to the data: it builds an
Auditor from the configuration and the options (``app``: ``audit check``;
``rules``: ``audit rules ...``), checks the articles in one or several
processes (``runner``), shows progress (``progress``), and writes the chosen
report atomically (``output``). ``launch`` is the console script, which
pauses the garbage collector during start-up (``collector``). Open ``app``
first.
"""
